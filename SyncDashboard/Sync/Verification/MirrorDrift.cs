using SyncDashboard.Data;
using SyncDashboard.Sync.Mirror;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Sync.Verification;

/// <summary>What differs between the mirror, brought up to a snapshot's moment, and the snapshot. Pure.
/// A snapshot holds active objects only, so an object absent from it is <c>Extra</c> only where the mirror holds it as
/// active: not a completed task, an archived project or section, nor anything under one, nor a comment of such a task.
/// That errs on the side of silence: drift hidden under an archived project is not reported rather than a false
/// alarm raised. A resource type the snapshot left out is not compared.</summary>
public static class MirrorDrift
{
    private const int NameLength = 60;

    public static IReadOnlyList<DriftByType> Find(MirrorView mirror, SyncResponse snapshot, int examplesPerKind)
    {
        var at = DateTime.UnixEpoch;
        var found = new List<DriftByType?>
        {
            Compare("projects", mirror.Projects, snapshot.Projects, w => w.IsDeleted, w => MirrorMapping.ToRow(w, at),
                p => !p.IsArchived, p => p.Name, examplesPerKind),
            Compare("sections", mirror.Sections, snapshot.Sections, w => w.IsDeleted, w => MirrorMapping.ToRow(w, at),
                s => !s.IsArchived && ProjectIsActive(mirror, s.ProjectId), s => s.Name, examplesPerKind),
            Compare("labels", mirror.Labels, snapshot.Labels, w => w.IsDeleted, w => MirrorMapping.ToRow(w, at),
                _ => true, l => l.Name, examplesPerKind),
            Compare("items", mirror.Items, snapshot.Items, w => w.IsDeleted, w => MirrorMapping.ToRow(w, at),
                i => IsActive(mirror, i), i => i.Content, examplesPerKind),
            Compare("notes", mirror.Notes, snapshot.Notes, w => w.IsDeleted, w => MirrorMapping.ToRow(w, at),
                n => n.ItemId is { } item && mirror.Items.TryGetValue(item, out var task) && IsActive(mirror, task),
                n => n.Content, examplesPerKind, KnownToLackComments(mirror)),
        };
        return found.OfType<DriftByType>().ToList();
    }

    /// <summary>Tasks whose comments the mirror knows it lacks: fewer than the task's <c>note_count</c>. Todoist's
    /// incremental sync sends a reopened task without its older comments, and the sync fills them in with a full sync
    /// (docs/sync.md); their absence is the design of the API, not drift, and is not counted missing.</summary>
    private static Func<TodoistNote, bool> KnownToLackComments(MirrorView mirror)
    {
        var held = mirror.Notes.Values.Where(n => n.ItemId is not null).GroupBy(n => n.ItemId!)
            .ToDictionary(g => g.Key, g => g.Count());
        return note => note.ItemId is { } id && mirror.Items.TryGetValue(id, out var task)
                       && task.NoteCount > held.GetValueOrDefault(id);
    }

    private static bool IsActive(MirrorView mirror, TodoistItem item) =>
        !item.Checked && ProjectIsActive(mirror, item.ProjectId)
        && (item.SectionId is not { } section || !mirror.Sections.TryGetValue(section, out var s) || !s.IsArchived);

    private static bool ProjectIsActive(MirrorView mirror, string? projectId) =>
        projectId is null || !mirror.Projects.TryGetValue(projectId, out var project) || !project.IsArchived;

    private static DriftByType? Compare<TWire, TRow>(
        string resourceType, Dictionary<string, TRow> mirror, IReadOnlyList<TWire>? snapshot, Func<TWire, bool> isDeleted, Func<TWire, TRow> toRow,
        Func<TRow, bool> expectedInSnapshot, Func<TRow, string?> name, int examplesPerKind,
        Func<TRow, bool>? absenceExpected = null)
        where TRow : class, IMirrorRow
        where TWire : class
    {
        if (snapshot is null) return null;
        var examples = new List<DriftExample>();
        int missing = 0, extra = 0, changed = 0;
        var inSnapshot = new HashSet<string>(snapshot.Count);
        // A snapshot holds no tombstones; should one slip in, it counts as absent, as the writer treats it.
        foreach (var row in snapshot.Where(w => !isDeleted(w)).Select(toRow))
        {
            if (!inSnapshot.Add(row.Id)) continue;
            if (!mirror.TryGetValue(row.Id, out var mirrored))
            {
                if (absenceExpected?.Invoke(row) != true) Note(DriftKind.Missing, row, ref missing);
            }
            else if (!MirrorRowEquality.Same(mirrored, row))
            {
                Note(DriftKind.Changed, mirrored, ref changed);
            }
        }
        foreach (var (id, row) in mirror)
        {
            if (!inSnapshot.Contains(id) && expectedInSnapshot(row)) Note(DriftKind.Extra, row, ref extra);
        }
        return missing + extra + changed == 0 ? null : new DriftByType(resourceType, missing, extra, changed, examples);

        void Note(DriftKind kind, TRow row, ref int count)
        {
            if (count++ < examplesPerKind) examples.Add(new DriftExample(kind, row.Id, Short(name(row))));
        }
    }

    private static string? Short(string? text) =>
        text is null ? null : text.Length <= NameLength ? text : string.Concat(text.AsSpan(0, NameLength - 1), "…");
}
