using SyncDashboard.Data;
using SyncDashboard.Sync.Mirror;
using SyncDashboard.Sync.Verification;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Tests.Sync.Verification;

/// <summary>The comparison itself, on hand-made rows: what counts as missing, extra and changed, and what a snapshot
/// is allowed to leave out.</summary>
public sealed class MirrorDriftFacts
{
    private static readonly DateTime Added = new(2026, 12, 1, 8, 0, 0, DateTimeKind.Utc);

    private static WireProject Project(string id, bool archived = false) => new() { Id = id, Name = $"Project {id}", IsArchived = archived };
    private static WireItem Task(string id, string project = "p1", bool done = false, int notes = 0) =>
        new() { Id = id, ProjectId = project, Content = $"Task {id}", Checked = done, NoteCount = notes, AddedAt = Added };
    private static WireNote Comment(string id, string task) => new() { Id = id, ItemId = task, Content = $"Comment {id}", PostedAt = Added };

    private static MirrorView Mirror(IEnumerable<WireProject> projects, IEnumerable<WireItem> tasks, IEnumerable<WireNote>? notes = null) => new(
        tasks.Select(t => MirrorMapping.ToRow(t, DateTime.UtcNow)),
        projects.Select(p => MirrorMapping.ToRow(p, DateTime.UtcNow)),
        [], [],
        (notes ?? []).Select(n => MirrorMapping.ToRow(n, DateTime.UtcNow)));

    private static SyncResponse Snapshot(IEnumerable<WireProject> projects, IEnumerable<WireItem> tasks, IEnumerable<WireNote>? notes = null) =>
        new() { Projects = projects.ToList(), Items = tasks.ToList(), Notes = (notes ?? []).ToList(), Sections = [], Labels = [] };

    [Fact]
    public void Find_IsEmpty_WhenTheMirrorEqualsTheSnapshot_WhateverTheTimeTheRowsWereWritten()
    {
        var mirror = Mirror([Project("p1")], [Task("t1"), Task("t2")]);

        Assert.Empty(MirrorDrift.Find(mirror, Snapshot([Project("p1")], [Task("t1"), Task("t2")]), 5));
    }

    [Fact]
    public void Find_ReportsMissingExtraAndChanged_PerType_WithNames()
    {
        var mirror = Mirror([Project("p1"), Project("gone")], [Task("t1"), Task("t2") with { Content = "Old words" }, Task("extra")]);
        var snapshot = Snapshot([Project("p1"), Project("new")], [Task("t1"), Task("t2"), Task("missing")]);

        var found = MirrorDrift.Find(mirror, snapshot, 5);

        var projects = Assert.Single(found, t => t.ResourceType == "projects");
        Assert.Equal((1, 1, 0), (projects.Missing, projects.Extra, projects.Changed));
        var tasks = Assert.Single(found, t => t.ResourceType == "items");
        Assert.Equal((1, 1, 1), (tasks.Missing, tasks.Extra, tasks.Changed));
        Assert.Contains(new DriftExample(DriftKind.Changed, "t2", "Old words"), tasks.Examples);
        Assert.Contains(new DriftExample(DriftKind.Missing, "missing", "Task missing"), tasks.Examples);
        Assert.Contains(new DriftExample(DriftKind.Extra, "extra", "Task extra"), tasks.Examples);
    }

    [Fact]
    public void Find_AllowsWhatASnapshotLeavesOut_CompletedTasks_ArchivedProjectsAndWhatIsUnderThem()
    {
        var mirror = Mirror(
            [Project("p1"), Project("archived", archived: true)],
            [Task("done", done: true), Task("in-archived", project: "archived")],
            [Comment("c1", "done")]);

        Assert.Empty(MirrorDrift.Find(mirror, Snapshot([Project("p1")], []), 5));
    }

    [Fact]
    public void Find_DoesNotCountMissing_TheCommentsOfATaskTheMirrorKnowsItLacks()
    {
        // Reopened after a full sync: the task is back with note_count 2, its older comments are not.
        var mirror = Mirror([Project("p1")], [Task("reopened", notes: 2)]);
        var snapshot = Snapshot([Project("p1")], [Task("reopened", notes: 2)], [Comment("c1", "reopened"), Comment("c2", "reopened")]);

        Assert.Empty(MirrorDrift.Find(mirror, snapshot, 5));

        // A comment missing on a task whose count the mirror believes complete is drift.
        var complete = Mirror([Project("p1")], [Task("t", notes: 1)], [Comment("c1", "t")]);
        var more = Snapshot([Project("p1")], [Task("t", notes: 1)], [Comment("c1", "t"), Comment("c2", "t")]);
        Assert.Equal(1, Assert.Single(MirrorDrift.Find(complete, more, 5)).Missing);
    }

    [Fact]
    public void Find_ComparesTheMirrorBroughtForwardByTheDeltas()
    {
        var mirror = Mirror([Project("p1")], [Task("t1"), Task("deleted-since")]);
        mirror.Apply(new SyncResponse
        {
            Items = [Task("t1") with { Content = "Edited since" }, Task("added-since"), Task("deleted-since") with { IsDeleted = true }],
        });

        var snapshot = Snapshot([Project("p1")], [Task("t1") with { Content = "Edited since" }, Task("added-since")]);

        Assert.Empty(MirrorDrift.Find(mirror, snapshot, 5));
    }

    [Fact]
    public void Find_KeepsAtMostTheExamplesAsked_ButCountsEverything()
    {
        var snapshot = Snapshot([Project("p1")], Enumerable.Range(0, 12).Select(i => Task($"t{i}")));

        var tasks = Assert.Single(MirrorDrift.Find(Mirror([Project("p1")], []), snapshot, 3));

        Assert.Equal(12, tasks.Missing);
        Assert.Equal(3, tasks.Examples.Count);
    }
}
