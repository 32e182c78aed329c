using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Monitoring.Retention;
using SyncDashboard.Monitoring.Rollups;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Monitoring.Rollups;

namespace SyncDashboard.Tests.Monitoring.Retention;

/// <summary>The clean-up on a real SQLite file and a real PostgreSQL database, its DELETE statements counted.</summary>
public sealed class RetentionPurgeFacts
{
    private static readonly DateTime Now = new(2026, 6, 1, 4, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Cutoff = Now.AddDays(-90);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothProviders]
    public async Task Run_DeletesOldFinishedEvents_InBatches(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, Events(30, Cutoff.AddDays(-10), SyncStatus.Succeeded).Concat(
            Events(10, Cutoff.AddDays(1), SyncStatus.Failed)));
        var deletes = new DeleteCounter();

        var result = await Purge(database, batchSize: 7, deletes).RunAsync(Ct);

        Assert.Equal(30, result.EventsDeleted);
        Assert.Equal(Cutoff, result.CutoffUtc);
        Assert.Equal(5, deletes.Of("sync_events")); // 7 + 7 + 7 + 7 + 2: the short batch says there is no more
        await using var db = database.Open();
        Assert.Equal(10, await db.SyncEvents.CountAsync(Ct));
        Assert.False(await db.SyncEvents.AnyAsync(e => e.StartedUtc < Cutoff, Ct));
    }

    [Theory, BothProviders]
    public async Task Run_DeletesOldWebhookDeliveriesAndRejectionCounts_AndKeepsRecentOnes(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            db.WebhookDeliveries.AddRange(
                Delivery("old-1", Cutoff.AddDays(-1)), Delivery("old-2", Cutoff.AddMinutes(-1)), Delivery("new", Cutoff.AddMinutes(1)));
            db.WebhookRejections.AddRange(
                new WebhookRejection { Service = "todoist", HourUtc = Cutoff.AddHours(-2), Reason = WebhookRejectionReason.BadSignature, Count = 4 },
                new WebhookRejection { Service = "todoist", HourUtc = Cutoff.AddHours(2), Reason = WebhookRejectionReason.BadSignature, Count = 1 });
            await db.SaveChangesAsync(Ct);
        }

        var result = await Purge(database, batchSize: 1000).RunAsync(Ct);

        Assert.Equal(3, result.WebhookRowsDeleted);
        await using var check = database.Open();
        Assert.Equal(["new"], await check.WebhookDeliveries.Select(d => d.DeliveryId).ToListAsync(Ct));
        Assert.Equal(1, await check.WebhookRejections.SumAsync(r => r.Count, Ct));
    }

    private static WebhookDelivery Delivery(string id, DateTime receivedUtc) => new()
    {
        Service = "todoist", DeliveryId = id, EventName = "item:added", UserId = "1", ReceivedUtc = receivedUtc,
    };

    [Theory, BothProviders]
    public async Task Run_KeepsRollupsStartedEventsAndOpenChains(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var old = Cutoff.AddDays(-30);
        await using (var db = database.Open())
        {
            db.SyncMetrics.AddRange(
                new SyncMetric { Service = "todoist", Period = MetricPeriod.Hourly, PeriodStartUtc = old, SuccessCount = 3 },
                new SyncMetric { Service = "todoist", Period = MetricPeriod.Daily, PeriodStartUtc = old.Date, SuccessCount = 3 },
                new SyncMetric { Service = "todoist", Period = MetricPeriod.Weekly, PeriodStartUtc = MetricArithmetic.WeekOf(old), SuccessCount = 3 });
            db.SyncErrors.AddRange(
                Chain("open and old", old, resolvedUtc: null),
                Chain("resolved long ago", old, resolvedUtc: old.AddHours(1)),
                Chain("resolved lately", old, resolvedUtc: Cutoff.AddDays(1)));
            await db.SaveChangesAsync(Ct);
        }
        await SeedAsync(database, Events(3, old, SyncStatus.Started).Concat(Events(4, old, SyncStatus.Failed)));

        var result = await Purge(database, batchSize: 1000).RunAsync(Ct);

        Assert.Equal((4, 1), (result.EventsDeleted, result.ErrorsDeleted));
        await using var check = database.Open();
        Assert.Equal(3, await check.SyncMetrics.CountAsync(Ct));
        Assert.Equal(3, await check.SyncEvents.CountAsync(e => e.Status == SyncStatus.Started, Ct));
        Assert.Equal(["open and old", "resolved lately"],
            await check.SyncErrors.OrderBy(e => e.Id).Select(e => e.Message).ToListAsync(Ct));
    }

    /// <summary>Rollups are the long-term record: purging the raw events under them changes none of their numbers,
    /// not even when the rollup job recomputes a period after its events are gone. A short retention puts purged
    /// events inside the week in progress, which every rollup run recomputes from its hourly rows; older weeks are
    /// purged whole and must keep their rows.</summary>
    [Theory, BothProviders]
    public async Task Run_LeavesTheRollupNumbersUnchanged_WhenTheJobRollsUpAgainAfterThePurge(TestProvider provider)
    {
        var sunday = new DateTime(2026, 5, 31, 12, 0, 0, DateTimeKind.Utc);
        var week = MetricArithmetic.WeekOf(sunday); // Monday 25 May
        var cutoff = sunday.AddDays(-3);
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            // Three weeks of history up to the Sunday: two whole weeks before the cutoff, and the current one across it.
            await RollupHistory.RecordAsync(db, RollupHistory.Generate(week.AddDays(-14), days: 20, count: 900, seed: 3));
        }
        var time = new FakeTimeProvider(sunday);
        var rollups = new MetricRollups(database.Factory(), time);
        await rollups.RunAsync(Ct);
        var before = await RollupNumbersAsync(database);
        int oldInThisWeek;
        await using (var db = database.Open())
        {
            oldInThisWeek = await db.SyncEvents.CountAsync(e => e.StartedUtc >= week && e.StartedUtc < cutoff && e.Status != SyncStatus.Started, Ct);
        }

        var purged = await new RetentionPurge(database.Factory(), time,
            Options.Create(new RetentionOptions { EventDays = 3, BatchSize = 100 })).RunAsync(Ct);
        time.Advance(TimeSpan.FromHours(1));
        var again = await rollups.RunAsync(Ct);

        Assert.Equal(cutoff, purged.CutoffUtc);
        Assert.True(oldInThisWeek > 50, $"only {oldInThisWeek} purged events in the week in progress");
        Assert.True(purged.EventsDeleted > 500, $"only {purged.EventsDeleted} events purged");
        await using (var db = database.Open())
        {
            Assert.False(await db.SyncEvents.AnyAsync(e => e.StartedUtc < cutoff && e.Status != SyncStatus.Started, Ct));
            Assert.True(await db.SyncEvents.AnyAsync(e => e.StartedUtc >= cutoff, Ct));
        }
        Assert.True(again.Days >= 6, $"the week in progress and its days were not recomputed: {again}");
        Assert.Equal(0, again.RowsWritten);
        Assert.Equal(before, await RollupNumbersAsync(database));
        Assert.Contains(before, r => r.Contains("Weekly") && r.Contains($"{week.AddDays(-14):O}"));
    }

    /// <summary>Every rollup row's numbers, and the daily and weekly rows as the API shows them.</summary>
    private static async Task<List<string>> RollupNumbersAsync(TestDatabase database)
    {
        await using var db = database.Open();
        var rows = (await db.SyncMetrics.AsNoTracking().OrderBy(m => m.Id).ToListAsync(Ct))
            .Select(m => $"{m.Id} {m.Service} {m.Period} {m.PeriodStartUtc:O} ok={m.SuccessCount} failed={m.FailureCount} " +
                         $"items={m.ItemsProcessed} total={m.TotalDurationMs} min={m.MinDurationMs} max={m.MaxDurationMs} " +
                         $"rate={m.ErrorRate:R} sketch=[{m.DurationSketch}] updated={m.LastUpdatedUtc:O}")
            .ToList();
        var queries = new MetricQueries(database.Factory());
        foreach (var period in new[] { MetricPeriod.Daily, MetricPeriod.Weekly })
        {
            rows.AddRange((await queries.LatestAsync(RollupHistory.Main, period, MetricQueries.MaxLimit, Ct)).Select(r => r.ToString()));
        }
        return rows;
    }

    [Theory, BothProviders]
    public async Task Run_UnlinksANewerEvent_FromAChainItDeletes(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        long chainId;
        await using (var db = database.Open())
        {
            var chain = Chain("resolved long ago", Cutoff.AddDays(-5), resolvedUtc: Cutoff.AddDays(-4));
            db.SyncErrors.Add(chain);
            await db.SaveChangesAsync(Ct);
            chainId = chain.Id;
        }
        var recent = Events(1, Cutoff.AddDays(2), SyncStatus.Failed).Single();
        recent.ErrorChainId = chainId;
        await SeedAsync(database, [recent]);

        var result = await Purge(database, batchSize: 10).RunAsync(Ct);

        Assert.Equal((0, 1), (result.EventsDeleted, result.ErrorsDeleted));
        await using var check = database.Open();
        Assert.Null((await check.SyncEvents.SingleAsync(Ct)).ErrorChainId); // the foreign key's ON DELETE SET NULL
    }

    [Theory, BothProviders]
    public async Task Run_IsANoOp_WhenNothingIsOld(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await SeedAsync(database, Events(5, Cutoff.AddMinutes(1), SyncStatus.Succeeded));
        var deletes = new DeleteCounter();

        var result = await Purge(database, batchSize: 2, deletes).RunAsync(Ct);

        Assert.Equal((0, 0), (result.EventsDeleted, result.ErrorsDeleted));
        Assert.Equal((1, 1), (deletes.Of("sync_events"), deletes.Of("sync_errors")));
        await using var check = database.Open();
        Assert.Equal(5, await check.SyncEvents.CountAsync(Ct));
    }

    /// <summary>There is no SQL Server here: the batch delete is translated offline, its commands captured instead of
    /// sent, to show the provider accepts the shape (a DELETE by a TOP(n) subquery of ids).</summary>
    [Fact]
    public async Task Run_TranslatesOnSqlServer_AsADeleteByASubqueryOfIds()
    {
        var sqlServer = new SqlServerStatementCapture(rowsAffected: 0);
        var purge = new RetentionPurge(sqlServer, new FakeTimeProvider(Now),
            Options.Create(new RetentionOptions { BatchSize = 500 }));

        await purge.RunAsync(Ct);

        var events = Assert.Single(sqlServer.Commands, c => c.Contains("[sync_events]"));
        Assert.StartsWith("DELETE FROM [s]", events.Trim());
        Assert.Contains("IN (", events);
        Assert.Contains("SELECT TOP(@", events);
        Assert.Contains("ORDER BY [s0].[Id]", events);
        Assert.Contains(sqlServer.Commands, c => c.Contains("[sync_errors]") && c.Contains("[ResolvedUtc] IS NOT NULL"));
    }

    private static RetentionPurge Purge(TestDatabase database, int batchSize, DeleteCounter? deletes = null) =>
        new(deletes is null ? database.Factory() : database.Factory(deletes), new FakeTimeProvider(Now),
            Options.Create(new RetentionOptions { EventDays = 90, BatchSize = batchSize }));

    private static IEnumerable<SyncEvent> Events(int count, DateTime startedUtc, SyncStatus status) =>
        Enumerable.Range(0, count).Select(i => new SyncEvent
        {
            Service = "todoist",
            Status = status,
            StartedUtc = startedUtc.AddMinutes(i),
            CompletedUtc = status == SyncStatus.Started ? null : startedUtc.AddMinutes(i).AddSeconds(1),
            DurationMs = status == SyncStatus.Started ? null : 1000,
        }).ToList();

    private static SyncError Chain(string message, DateTime createdUtc, DateTime? resolvedUtc) => new()
    {
        Service = "todoist",
        Message = message,
        CreatedUtc = createdUtc,
        LastOccurredUtc = createdUtc,
        ResolvedUtc = resolvedUtc,
        Resolution = resolvedUtc is null ? null : ErrorResolution.Recovered,
    };

    private static async Task SeedAsync(TestDatabase database, IEnumerable<SyncEvent> events)
    {
        await using var db = database.Open();
        db.SyncEvents.AddRange(events);
        await db.SaveChangesAsync(Ct);
    }

    private sealed class DeleteCounter : DbCommandInterceptor
    {
        private readonly List<string> deletes = [];

        // SQLite quotes every table name; PostgreSQL's provider quotes only names that need it.
        public int Of(string table) => deletes.Count(d =>
            d.Contains($"DELETE FROM \"{table}\"", StringComparison.Ordinal) ||
            d.Contains($"DELETE FROM {table} ", StringComparison.Ordinal));

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            if (command.CommandText.Contains("DELETE FROM", StringComparison.Ordinal)) deletes.Add(command.CommandText);
            return base.NonQueryExecutingAsync(command, eventData, result, ct);
        }
    }
}
