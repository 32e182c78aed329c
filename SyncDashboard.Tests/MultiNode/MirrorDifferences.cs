using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.MultiNode;

/// <summary>How many rows the mirror and the account disagree on (active tasks, projects, sections, labels): a number
/// to report, where <see cref="Infrastructure.MirrorAssert"/> stops at the first difference.</summary>
internal static class MirrorDifferences
{
    public static async Task<int> CountAsync(MonitoringDbContext db, TodoistSimulator simulator, CancellationToken ct)
    {
        var account = simulator.Snapshot();
        var items = (await db.Items.AsNoTracking().Where(i => !i.Checked).ToListAsync(ct))
            .Select(i => (i.Id, i.Content, i.Description, i.Priority, i.ProjectId, i.SectionId, i.ParentId, i.UpdatedAtUtc));
        var expectedItems = account.Items.Where(i => !i.Checked)
            .Select(i => (i.Id, i.Content, i.Description, i.Priority, i.ProjectId, i.SectionId, i.ParentId, i.UpdatedAt));
        var projects = (await db.Projects.AsNoTracking().Where(p => !p.IsArchived).ToListAsync(ct))
            .Select(p => (p.Id, p.Name, p.Color, p.ParentId, p.ChildOrder));
        var expectedProjects = account.Projects.Where(p => !p.IsArchived)
            .Select(p => (p.Id, p.Name, p.Color, p.ParentId, p.ChildOrder));
        var sections = (await db.Sections.AsNoTracking().Where(s => !s.IsArchived).ToListAsync(ct)).Select(s => (s.Id, s.Name, s.ProjectId));
        var expectedSections = account.Sections.Where(s => !s.IsArchived).Select(s => (s.Id, s.Name, s.ProjectId));
        var labels = (await db.Labels.AsNoTracking().ToListAsync(ct)).Select(l => (l.Id, l.Name));
        var expectedLabels = account.Labels.Select(l => (l.Id, l.Name));
        return Differ(items, expectedItems) + Differ(projects, expectedProjects) + Differ(sections, expectedSections) +
               Differ(labels, expectedLabels);
    }

    private static int Differ<T>(IEnumerable<T> mirror, IEnumerable<T> account)
    {
        var a = mirror.ToHashSet();
        var b = account.ToHashSet();
        return a.Except(b).Count() + b.Except(a).Count();
    }
}
