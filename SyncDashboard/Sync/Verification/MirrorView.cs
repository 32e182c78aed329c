using SyncDashboard.Data;
using SyncDashboard.Sync.Mirror;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Sync.Verification;

/// <summary>The mirror in memory, by id per resource type, brought forward by incremental answers exactly as
/// <see cref="MirrorWriter"/> would apply them (last state per id wins, deletions remove), without writing.</summary>
public sealed class MirrorView
{
    public Dictionary<string, TodoistItem> Items { get; }
    public Dictionary<string, TodoistProject> Projects { get; }
    public Dictionary<string, TodoistSection> Sections { get; }
    public Dictionary<string, TodoistLabel> Labels { get; }
    public Dictionary<string, TodoistNote> Notes { get; }

    public MirrorView(
        IEnumerable<TodoistItem> items, IEnumerable<TodoistProject> projects, IEnumerable<TodoistSection> sections,
        IEnumerable<TodoistLabel> labels, IEnumerable<TodoistNote> notes)
    {
        Items = items.ToDictionary(r => r.Id);
        Projects = projects.ToDictionary(r => r.Id);
        Sections = sections.ToDictionary(r => r.Id);
        Labels = labels.ToDictionary(r => r.Id);
        Notes = notes.ToDictionary(r => r.Id);
    }

    public void Apply(SyncResponse delta)
    {
        var at = DateTime.UnixEpoch; // not compared
        Apply(Items, MirrorBatches.From(delta.Items, false, w => w.Id, w => w.IsDeleted, MirrorMapping.ToRow, at));
        Apply(Projects, MirrorBatches.From(delta.Projects, false, w => w.Id, w => w.IsDeleted, MirrorMapping.ToRow, at));
        Apply(Sections, MirrorBatches.From(delta.Sections, false, w => w.Id, w => w.IsDeleted, MirrorMapping.ToRow, at));
        Apply(Labels, MirrorBatches.From(delta.Labels, false, w => w.Id, w => w.IsDeleted, MirrorMapping.ToRow, at));
        Apply(Notes, MirrorBatches.From(delta.Notes, false, w => w.Id, w => w.IsDeleted, MirrorMapping.ToRow, at));
    }

    private static void Apply<TRow>(Dictionary<string, TRow> rows, MirrorBatch<TRow> batch) where TRow : class, IMirrorRow
    {
        foreach (var id in batch.Deletes) rows.Remove(id);
        foreach (var row in batch.Upserts) rows[row.Id] = row;
    }
}
