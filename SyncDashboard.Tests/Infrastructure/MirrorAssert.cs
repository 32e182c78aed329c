using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>Compares the mirror with the simulator's account. Active objects must match exactly, field by field;
/// completed tasks and archived projects may linger in the mirror (Todoist's full sync omits them), but only as
/// what they are in the account.</summary>
public static class MirrorAssert
{
    public static async Task EqualsAccountAsync(MonitoringDbContext db, TodoistSimulator simulator)
    {
        var ct = TestContext.Current.CancellationToken;
        var account = simulator.Snapshot();

        var items = await db.Items.AsNoTracking().ToListAsync(ct);
        var expectedItems = account.Items.Where(i => !i.Checked)
            .Select(i => (i.Id, i.Content, i.Description, i.Priority, i.ProjectId, i.SectionId, i.ParentId,
                Labels: string.Join(',', i.Labels ?? []), Due: i.Due?.Datetime ?? i.Due?.Date, i.UpdatedAt))
            .OrderBy(i => i.Id).ToList();
        var activeItems = items.Where(i => !i.Checked)
            .Select(i => (i.Id, i.Content, i.Description, i.Priority, i.ProjectId, i.SectionId, i.ParentId,
                i.Labels, Due: i.DueDate, UpdatedAt: i.UpdatedAtUtc))
            .OrderBy(i => i.Id).ToList();
        Assert.Equal(expectedItems, activeItems);

        var completed = account.Items.Where(i => i.Checked).ToDictionary(i => i.Id);
        foreach (var row in items.Where(i => i.Checked))
        {
            Assert.True(completed.TryGetValue(row.Id, out var wire), $"Task {row.Id} is completed in the mirror only.");
            Assert.Equal(wire.CompletedAt, row.CompletedAtUtc);
        }

        var projects = await db.Projects.AsNoTracking().ToListAsync(ct);
        Assert.Equal(
            account.Projects.Where(p => !p.IsArchived).Select(p => (p.Id, p.Name, p.Color, p.ParentId, p.ChildOrder)).OrderBy(p => p.Id),
            projects.Where(p => !p.IsArchived).Select(p => (p.Id, p.Name, p.Color, p.ParentId, p.ChildOrder)).OrderBy(p => p.Id));

        var sections = await db.Sections.AsNoTracking().ToListAsync(ct);
        Assert.Equal(
            account.Sections.Where(s => !s.IsArchived).Select(s => (s.Id, s.Name, s.ProjectId, s.SectionOrder)).OrderBy(s => s.Id),
            sections.Where(s => !s.IsArchived).Select(s => (s.Id, s.Name, s.ProjectId, s.SectionOrder)).OrderBy(s => s.Id));

        var labels = await db.Labels.AsNoTracking().ToListAsync(ct);
        Assert.Equal(
            account.Labels.Select(l => (l.Id, l.Name, l.Color, l.IsFavorite)).OrderBy(l => l.Id),
            labels.Select(l => (l.Id, l.Name, l.Color, l.IsFavorite)).OrderBy(l => l.Id));

        var notes = await db.Notes.AsNoTracking().ToListAsync(ct);
        var activeTasks = account.Items.Where(i => !i.Checked).Select(i => i.Id).ToHashSet();
        // Comments of completed tasks are not in a full sync either; compare the ones on active tasks.
        Assert.Equal(
            account.Notes.Where(n => activeTasks.Contains(n.ItemId!)).Select(n => (n.Id, n.ItemId, n.Content, n.PostedAt)).OrderBy(n => n.Id),
            notes.Where(n => activeTasks.Contains(n.ItemId!)).Select(n => (n.Id, n.ItemId, n.Content, PostedAt: n.PostedAtUtc)).OrderBy(n => n.Id));
    }
}
