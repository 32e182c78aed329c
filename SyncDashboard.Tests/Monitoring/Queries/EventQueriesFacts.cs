using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Monitoring.Queries;

public sealed class EventQueriesFacts
{
    private static readonly DateTime Start = new(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothProviders]
    public async Task Page_FiltersInTheQuery_SoLimitRowsComeBack_WhenTheyExist(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // Nine successes for every failure: filtering after taking 10 rows would find one.
        await AddEventsAsync(database, 200, i => i % 10 == 0 ? SyncStatus.Failed : SyncStatus.Succeeded);

        var page = await Queries(database).PageAsync("todoist", new EventFilter(Status: SyncStatus.Failed), 10, null, Ct);

        Assert.Equal(10, page.Events.Count);
        Assert.All(page.Events, e => Assert.Equal(SyncStatus.Failed, e.Status));
        Assert.NotNull(page.Next);
    }

    [Theory, BothProviders]
    public async Task Paging_NeverSkipsOrRepeats_WhileNewEventsArrive(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddEventsAsync(database, 95, _ => SyncStatus.Succeeded, sameSecondEvery: 3);
        List<long> expected;
        await using (var db = database.Open())
        {
            expected = await db.SyncEvents.OrderByDescending(e => e.StartedUtc).ThenByDescending(e => e.Id)
                .Select(e => e.Id).ToListAsync(Ct);
        }

        var seen = new List<long>();
        EventCursor? cursor = null;
        do
        {
            var page = await Queries(database).PageAsync("todoist", EventFilter.All, 10, cursor, Ct);
            seen.AddRange(page.Events.Select(e => e.Id));
            cursor = page.Next;
            // Newer events keep arriving at the top while a reader pages down.
            await AddEventsAsync(database, 3, _ => SyncStatus.Succeeded, startAt: DateTime.UtcNow.AddDays(1 + seen.Count));
        } while (cursor is not null);

        Assert.Equal(expected, seen);
    }

    [Theory, BothProviders]
    public async Task Page_HasNoNext_OnTheLastPage(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddEventsAsync(database, 10, _ => SyncStatus.Succeeded);

        var page = await Queries(database).PageAsync("todoist", EventFilter.All, 10, null, Ct);

        Assert.Equal(10, page.Events.Count);
        Assert.Null(page.Next);
    }

    [Theory]
    [InlineData("637000000000000000-5", true)]
    [InlineData("nonsense", false)]
    [InlineData("1-2-3", false)]
    [InlineData("-1-5", false)]
    [InlineData("637000000000000000-0", false)]
    [InlineData("999999999999999999999-5", false)]
    public void Cursor_RoundTrips_AndRejectsAnythingElse(string text, bool valid)
    {
        Assert.Equal(valid, EventCursor.TryDecode(text, out var cursor));
        if (valid) Assert.Equal(text, cursor!.Encode());
    }

    private static EventQueries Queries(TestDatabase database) => new(database.Factory());

    [Theory, BothProviders]
    public async Task Page_KeepsToTheTimeRange_FromInclusiveToExclusive_AcrossPages(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddEventsAsync(database, 100, _ => SyncStatus.Succeeded); // one a second from Start

        var filter = new EventFilter(FromUtc: Start.AddSeconds(10), ToUtc: Start.AddSeconds(40));
        var first = await Queries(database).PageAsync("todoist", filter, 20, null, Ct);
        var second = await Queries(database).PageAsync("todoist", filter, 20, first.Next, Ct);

        var starts = first.Events.Concat(second.Events).Select(e => (int)(e.StartedAt - Start).TotalSeconds).ToList();
        Assert.Equal(Enumerable.Range(10, 30).Reverse(), starts);
        Assert.Null(second.Next);
    }

    [Theory, BothProviders]
    public async Task Detail_HasTheTokensAndNode_AndIsNullForAnotherServiceOrNoEvent(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        long id;
        await using (var db = database.Open())
        {
            var e = new SyncEvent
            {
                Service = "todoist", Type = SyncType.Incremental, Trigger = SyncTrigger.Manual, Status = SyncStatus.Failed,
                StartedUtc = Start, SyncTokenBefore = "before-token", SyncTokenAfter = null, Node = "vm/1",
                ErrorKind = FailureKind.Transient, ErrorCode = "SERVICE_UNAVAILABLE",
            };
            db.SyncEvents.Add(e);
            await db.SaveChangesAsync(Ct);
            id = e.Id;
        }

        var detail = await Queries(database).DetailAsync("todoist", id, Ct);

        Assert.Equal(("before-token", (string?)null, "vm/1", FailureKind.Transient),
            (detail!.SyncTokenBefore, detail.SyncTokenAfter, detail.Node, detail.ErrorKind));
        Assert.Equal("SERVICE_UNAVAILABLE", detail.Event.ErrorCode);
        Assert.Null(await Queries(database).DetailAsync("other", id, Ct));
        Assert.Null(await Queries(database).DetailAsync("todoist", id + 1, Ct));
    }

    /// <summary>What the exports stream: every event of the service that started in [from, to), oldest first, ties
    /// by id, on each provider.</summary>
    [Theory, BothProviders]
    public async Task Range_IsHalfOpen_OldestFirst_AndOnlyTheService(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await AddEventsAsync(database, 30, i => i % 4 == 0 ? SyncStatus.Failed : SyncStatus.Succeeded, sameSecondEvery: 2);
        await using (var db = database.Open())
        {
            db.SyncEvents.Add(new SyncEvent
            {
                Service = "other", Type = SyncType.Full, Trigger = SyncTrigger.Manual, Status = SyncStatus.Succeeded,
                StartedUtc = Start.AddSeconds(5),
            });
            await db.SaveChangesAsync(Ct);
        }

        var rows = new List<EventRow>();
        await foreach (var row in Queries(database).RangeAsync("todoist", Start.AddSeconds(3), Start.AddSeconds(10), Ct)) rows.Add(row);

        // Seconds 3..9, two events a second; the event of second 10 starts at the range's end and is out.
        Assert.Equal(14, rows.Count);
        Assert.Equal(Start.AddSeconds(3), rows[0].StartedAt);
        Assert.Equal(Start.AddSeconds(9), rows[^1].StartedAt);
        Assert.Equal(rows.OrderBy(r => r.StartedAt).ThenBy(r => r.Id).Select(r => r.Id), rows.Select(r => r.Id));
        Assert.Equal(3, rows.Count(r => r.Status == SyncStatus.Failed)); // events 8, 12 and 16 of 6..19
    }

    private static async Task AddEventsAsync(
        TestDatabase database, int count, Func<int, SyncStatus> status, int sameSecondEvery = 1, DateTime? startAt = null)
    {
        await using var db = database.Open();
        var origin = startAt ?? Start;
        for (var i = 0; i < count; i++)
        {
            db.SyncEvents.Add(new SyncEvent
            {
                Service = "todoist", Type = SyncType.Incremental, Trigger = SyncTrigger.Schedule, Status = status(i),
                // Several events share a start time, so paging must break ties by id.
                StartedUtc = origin.AddSeconds(i / sameSecondEvery), CompletedUtc = origin.AddSeconds(i / sameSecondEvery + 1),
            });
        }
        await db.SaveChangesAsync(Ct);
    }

}
