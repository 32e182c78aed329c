using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>The simulated Todoist account: every object as its wire record, plus the global change sequence that
/// incremental syncs are measured against. Not thread-safe: <see cref="TodoistSimulator"/> owns the lock.</summary>
internal sealed class SimulatedAccount(string userId, TimeProvider time)
{
    public string UserId { get; } = userId;

    /// <summary>Bumped by every save; a sync token remembers the value it was issued at.</summary>
    public long Sequence { get; private set; }

    public VersionedStore<WireItem> Items { get; } = new(i => i.Id);
    public VersionedStore<WireProject> Projects { get; } = new(p => p.Id);
    public VersionedStore<WireSection> Sections { get; } = new(s => s.Id);
    public VersionedStore<WireLabel> Labels { get; } = new(l => l.Id);
    public VersionedStore<WireNote> Notes { get; } = new(n => n.Id);

    /// <summary>Now, cut to whole microseconds: Todoist's timestamps carry six fractional digits, so anything finer
    /// would not survive a round trip through the wire and a mirror could never equal the snapshot.</summary>
    public DateTime Now()
    {
        var ticks = time.GetUtcNow().UtcTicks;
        return new DateTime(ticks - ticks % 10, DateTimeKind.Utc);
    }

    public void Save(WireItem item) => Items.Put(item, ++Sequence);
    public void Save(WireProject project) => Projects.Put(project, ++Sequence);
    public void Save(WireSection section) => Sections.Put(section, ++Sequence);
    public void Save(WireLabel label) => Labels.Put(label, ++Sequence);
    public void Save(WireNote note) => Notes.Put(note, ++Sequence);

    public static bool IsActive(WireItem item) => !item.IsDeleted && !item.Checked;
    public static bool IsActive(WireProject project) => !project.IsDeleted && !project.IsArchived;
    public static bool IsActive(WireSection section) => !section.IsDeleted && !section.IsArchived;
    public static bool IsActive(WireLabel label) => !label.IsDeleted;

    /// <summary>A comment is part of a full sync only while its task is: completed history is another endpoint.</summary>
    public bool IsActive(WireNote note) =>
        !note.IsDeleted && note.ItemId is { } itemId && Items.TryGet(itemId, out var item) && IsActive(item);
}
