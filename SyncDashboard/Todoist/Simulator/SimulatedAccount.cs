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

    private List<AccountChange>? journal;

    /// <summary>From now until <see cref="TakeJournal"/>, every save is written down with the version it replaced,
    /// so the changes can be announced as webhooks.</summary>
    public void StartJournal() => journal = [];

    public List<AccountChange> TakeJournal()
    {
        var taken = journal ?? [];
        journal = null;
        return taken;
    }

    public void Save(WireItem item)
    {
        Write("item", item.Id, Items.TryGet(item.Id, out var before) ? before : null, item);
        Items.Put(item, ++Sequence);
    }

    public void Save(WireProject project)
    {
        Write("project", project.Id, Projects.TryGet(project.Id, out var before) ? before : null, project);
        Projects.Put(project, ++Sequence);
    }

    public void Save(WireSection section)
    {
        Write("section", section.Id, Sections.TryGet(section.Id, out var before) ? before : null, section);
        Sections.Put(section, ++Sequence);
    }

    public void Save(WireLabel label)
    {
        Write("label", label.Id, Labels.TryGet(label.Id, out var before) ? before : null, label);
        Labels.Put(label, ++Sequence);
    }

    public void Save(WireNote note)
    {
        Write("note", note.Id, Notes.TryGet(note.Id, out var before) ? before : null, note);
        Notes.Put(note, ++Sequence);
    }

    private void Write(string type, string id, object? before, object after) =>
        journal?.Add(new AccountChange(type, id, before, after, Now()));

    public static bool IsActive(WireItem item) => !item.IsDeleted && !item.Checked;
    public static bool IsActive(WireProject project) => !project.IsDeleted && !project.IsArchived;
    public static bool IsActive(WireSection section) => !section.IsDeleted && !section.IsArchived;
    public static bool IsActive(WireLabel label) => !label.IsDeleted;

    /// <summary>A comment is part of a full sync only while its task is: completed history is another endpoint.</summary>
    public bool IsActive(WireNote note) =>
        !note.IsDeleted && note.ItemId is { } itemId && Items.TryGet(itemId, out var item) && IsActive(item);
}
