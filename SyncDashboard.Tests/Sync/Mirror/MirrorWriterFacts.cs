using Microsoft.EntityFrameworkCore;
using SyncDashboard.Sync.Mirror;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Tests.Sync.Mirror;

public sealed class MirrorWriterFacts
{
    private static readonly DateTime SyncedAt = new(2026, 11, 29, 12, 0, 0, DateTimeKind.Utc);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothProviders]
    public async Task Apply_InsertsEveryResourceType_FromASnapshot(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var changes = await ApplyAsync(database, Snapshot(Item("a"), Item("b")), isSnapshot: true);

        await using var db = database.Open();
        Assert.Equal(new MirrorChanges(Added: 6, Updated: 0, Deleted: 0), changes);
        Assert.Equal(["a", "b"], await db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(Ct));
        Assert.Equal(1, await db.Projects.CountAsync(Ct));
        Assert.Equal(1, await db.Sections.CountAsync(Ct));
        Assert.Equal(1, await db.Labels.CountAsync(Ct));
        Assert.Equal(1, await db.Notes.CountAsync(Ct));
    }

    [Theory, BothProviders]
    public async Task Apply_KeepsFieldValues_IncludingUtcTimesAndLabels(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var added = new DateTime(2025, 2, 10, 10, 33, 38, DateTimeKind.Utc);
        var item = Item("a") with
        {
            Content = "Write the report", Priority = 4, Labels = ["work", "urgent"], AddedAt = added,
            Due = new WireDue { Date = "2026-12-01", String = "every monday", IsRecurring = true },
        };
        await ApplyAsync(database, Snapshot(item), isSnapshot: true);

        await using var db = database.Open();
        var row = await db.Items.SingleAsync(Ct);
        Assert.Equal("Write the report", row.Content);
        Assert.Equal(4, row.Priority);
        Assert.Equal("work,urgent", row.Labels);
        Assert.Equal(added, row.AddedAtUtc);
        Assert.Equal(DateTimeKind.Utc, row.AddedAtUtc!.Value.Kind);
        Assert.True(row.DueIsRecurring);
        Assert.Equal("2026-12-01", row.DueDate);
        Assert.Equal(SyncedAt, row.SyncedAtUtc);
    }

    [Theory, BothProviders]
    public async Task Apply_ReplacesTheMirror_WhenASnapshotLacksRows(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ApplyAsync(database, Snapshot(Item("a"), Item("b"), Item("c")), isSnapshot: true);

        var changes = await ApplyAsync(database, Snapshot(Item("b") with { Content = "changed" }, Item("d")), isSnapshot: true);

        await using var db = database.Open();
        Assert.Equal(["b", "d"], await db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(Ct));
        Assert.Equal("changed", (await db.Items.SingleAsync(i => i.Id == "b", Ct)).Content);
        // Items: d added, b updated, a and c deleted; the other four types were updated in place.
        Assert.Equal(new MirrorChanges(Added: 1, Updated: 5, Deleted: 2), changes);
    }

    [Theory, BothProviders]
    public async Task Apply_UpsertsAndDeletes_FromAnIncrementalResponse(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ApplyAsync(database, Snapshot(Item("a"), Item("b")), isSnapshot: true);

        var delta = new SyncResponse
        {
            SyncToken = "t2",
            Items = [Item("a") with { IsDeleted = true }, Item("b") with { Checked = true, CompletedAt = SyncedAt }, Item("c")],
        };
        var changes = await ApplyAsync(database, delta, isSnapshot: false);

        await using var db = database.Open();
        Assert.Equal(new MirrorChanges(Added: 1, Updated: 1, Deleted: 1), changes);
        Assert.Equal(["b", "c"], await db.Items.OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(Ct));
        Assert.True((await db.Items.SingleAsync(i => i.Id == "b", Ct)).Checked);
        Assert.Equal(1, await db.Projects.CountAsync(Ct)); // not in the delta: untouched
    }

    /// <summary>More rows than one batch (server databases send statements <see cref="MirrorStatements.BatchSize"/>
    /// at a time, and PostgreSQL copies new rows): every row lands, updates and deletes included, in both kinds of answer.</summary>
    [Theory, BothProviders]
    public async Task Apply_WritesEveryRow_WhenThereAreMoreThanABatch(TestProvider provider)
    {
        var count = MirrorStatements.BatchSize * 2 + 7;
        var ids = Enumerable.Range(0, count).Select(i => $"t{i:D5}").ToList();
        await using var database = await TestDatabase.CreateAsync(provider);
        Assert.Equal(new MirrorChanges(count + 4, 0, 0),
            await ApplyAsync(database, Snapshot(ids.Select(Item).ToArray()), isSnapshot: true));

        // Every third task deleted, every other one renamed, a batch and a half of new ones.
        var added = Enumerable.Range(count, MirrorStatements.BatchSize * 3 / 2).Select(i => $"t{i:D5}").ToList();
        var delta = new SyncResponse
        {
            SyncToken = "t2",
            Items = ids.Select((id, i) => i % 3 == 0 ? Item(id) with { IsDeleted = true } : Item(id) with { Content = "renamed " + id })
                .Concat(added.Select(Item)).ToArray(),
        };
        var changes = await ApplyAsync(database, delta, isSnapshot: false);

        var deleted = ids.Where((_, i) => i % 3 == 0).ToList();
        Assert.Equal(new MirrorChanges(added.Count, count - deleted.Count, deleted.Count), changes);
        await using var db = database.Open();
        var rows = await db.Items.OrderBy(i => i.Id).Select(i => new { i.Id, i.Content }).ToListAsync(Ct);
        Assert.Equal(ids.Except(deleted).Concat(added).Order(), rows.Select(r => r.Id));
        Assert.All(rows, r => Assert.Equal(added.Contains(r.Id) ? "Task " + r.Id : "renamed " + r.Id, r.Content));

        // A snapshot with half of them replaces the mirror: the rest go.
        var kept = rows.Select(r => r.Id).Where((_, i) => i % 2 == 0).ToList();
        await ApplyAsync(database, Snapshot(kept.Select(Item).ToArray()), isSnapshot: true);
        await using var after = database.Open();
        Assert.Equal(kept, await after.Items.OrderBy(i => i.Id).Select(i => i.Id).ToListAsync(Ct));
    }

    [Theory, BothProviders]
    public async Task Apply_LeavesATableAlone_WhenASnapshotOmitsItsArray(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ApplyAsync(database, Snapshot(Item("a")), isSnapshot: true);

        await ApplyAsync(database, new SyncResponse { SyncToken = "t2", FullSync = true, Items = [Item("a")] }, isSnapshot: true);

        await using var db = database.Open();
        Assert.Equal(1, await db.Projects.CountAsync(Ct));
        Assert.Equal(1, await db.Notes.CountAsync(Ct));
    }

    [Theory, BothProviders]
    public async Task Apply_IgnoresDeletionsOfRowsItNeverHad(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var changes = await ApplyAsync(database,
            new SyncResponse { SyncToken = "t", Items = [Item("ghost") with { IsDeleted = true }] }, isSnapshot: false);
        Assert.Equal(default, changes);
    }

    [Theory]
    [InlineData(true, TestProvider.Sqlite)]   // a task the mirror already has
    [InlineData(true, TestProvider.PostgreSql)]   // a task the mirror already has
    [InlineData(false, TestProvider.Sqlite)]  // a task it never saw
    [InlineData(false, TestProvider.PostgreSql)]  // a task it never saw
    public async Task Apply_LetsTheLastStateOfAnIdWin_WhenOneAnswerUpdatesThenDeletesIt(bool known, TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await ApplyAsync(database, Snapshot(Item(known ? "x" : "other")), isSnapshot: true);

        await ApplyAsync(database, new SyncResponse
        {
            SyncToken = "t2",
            Items = [Item("x") with { Content = "edited" }, Item("x") with { IsDeleted = true }],
        }, isSnapshot: false);

        await using var db = database.Open();
        Assert.False(await db.Items.AnyAsync(i => i.Id == "x", Ct));
    }

    [Theory, BothProviders]
    public async Task Apply_WritesNothing_WhenTheTransactionRollsBack(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            await using var tx = await db.Database.BeginTransactionAsync(Ct);
            await new MirrorWriter().ApplyAsync(db, Snapshot(Item("a")), true, SyncedAt, Ct);
            await tx.RollbackAsync(Ct);
        }
        await using var check = database.Open();
        Assert.Equal(0, await check.Items.CountAsync(Ct));
    }

    [Theory, BothProviders]
    public async Task Apply_Refuses_OutsideATransaction(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var db = database.Open();
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            new MirrorWriter().ApplyAsync(db, Snapshot(Item("a")), true, SyncedAt, Ct));
    }

    private static async Task<MirrorChanges> ApplyAsync(TestDatabase database, SyncResponse response, bool isSnapshot)
    {
        await using var db = database.Open();
        await using var tx = await db.Database.BeginTransactionAsync(Ct);
        var changes = await new MirrorWriter().ApplyAsync(db, response, isSnapshot, SyncedAt, Ct);
        await tx.CommitAsync(Ct);
        return changes;
    }

    private static WireItem Item(string id) => new() { Id = id, ProjectId = "p1", Content = "Task " + id, Priority = 1 };

    private static SyncResponse Snapshot(params WireItem[] items) => new()
    {
        SyncToken = "t1",
        FullSync = true,
        Items = items,
        Projects = [new WireProject { Id = "p1", Name = "Inbox", InboxProject = true }],
        Sections = [new WireSection { Id = "s1", ProjectId = "p1", Name = "Later" }],
        Labels = [new WireLabel { Id = "l1", Name = "work" }],
        Notes = [new WireNote { Id = "n1", ItemId = items.FirstOrDefault()?.Id, Content = "A comment" }],
    };
}
