extern alias benchmarks;

using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using benchmarks::SyncDashboard.Benchmarks;

namespace SyncDashboard.Tests.Benchmarks;

/// <summary>The history generator behind the query benchmarks and demos, on a small history: what it writes must be
/// what the app itself would have written for those runs, or the benchmarks measure a database the app never makes.</summary>
public sealed class HistoryGeneratorFacts : IAsyncLifetime
{
    private static readonly HistoryOptions Options =
        new(Events: 4_000, Days: 20, EndUtc: new DateTime(2026, 3, 20, 12, 0, 0, DateTimeKind.Utc), Seed: 7,
            MirrorItems: 200, DeliveryDays: 5);

    private readonly string path = TempFiles.NewDatabasePath();
    private HistoryResult result = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => result = await HistoryGenerator.GenerateAsync(path, Options, Ct);

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        TempFiles.DeleteDatabase(path);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Writes_TheEventsAskedFor_InOrder_OneAtATime_AndSaysSoWhenComplete()
    {
        await using var db = HistoryGenerator.Open(path);
        var events = await db.SyncEvents.AsNoTracking().OrderBy(e => e.Id).ToListAsync(Ct);

        Assert.Equal(Options.Events, events.Count);
        Assert.All(events, e => Assert.InRange(e.StartedUtc, Options.EndUtc.AddDays(-Options.Days), Options.EndUtc.AddMinutes(5)));
        // The lease runs one sync at a time: no run starts before the one before it has finished.
        Assert.All(events.Zip(events.Skip(1)), pair => Assert.True(pair.Second.StartedUtc > pair.First.CompletedUtc));
        Assert.Equal(result.Failures, events.Count(e => e.Status == SyncStatus.Failed));
        Assert.True(await HistoryGenerator.IsCompleteAsync(path, Options.Events, Ct));
        Assert.False(await HistoryGenerator.IsCompleteAsync(path, Options.Events + 1, Ct));
    }

    [Fact]
    public async Task HourlyAndDailyRollups_AreSumsOverTheRawEvents()
    {
        await using var db = HistoryGenerator.Open(path);
        var events = await db.SyncEvents.AsNoTracking().ToListAsync(Ct);
        var metrics = await db.SyncMetrics.AsNoTracking().ToListAsync(Ct);

        foreach (var (period, start) in new (MetricPeriod, Func<DateTime, DateTime>)[]
                 {
                     (MetricPeriod.Hourly, t => new DateTime(t.Year, t.Month, t.Day, t.Hour, 0, 0, DateTimeKind.Utc)),
                     (MetricPeriod.Daily, t => t.Date),
                 })
        {
            var expected = events.GroupBy(e => start(e.StartedUtc))
                .Select(g => (g.Key, g.Count(e => e.Status == SyncStatus.Succeeded), g.Count(e => e.Status == SyncStatus.Failed),
                    g.Sum(e => (long)e.ItemsProcessed)))
                .OrderBy(x => x.Key).ToList();
            var actual = metrics.Where(m => m.Period == period)
                .Select(m => (m.PeriodStartUtc, m.SuccessCount, m.FailureCount, m.ItemsProcessed))
                .OrderBy(x => x.PeriodStartUtc).ToList();
            Assert.Equal(expected, actual);
        }
    }

    [Fact]
    public async Task EveryChain_IsTheRunOfFailuresThatPointsAtIt_EndedByTheSuccessThatResolvedIt()
    {
        await using var db = HistoryGenerator.Open(path);
        var events = await db.SyncEvents.AsNoTracking().Where(e => e.ErrorChainId != null).ToListAsync(Ct);
        var chains = await db.SyncErrors.AsNoTracking().ToListAsync(Ct);

        Assert.Equal(result.Chains, chains.Count);
        Assert.Equal(events.Count(e => e.Status == SyncStatus.Failed), result.Failures);
        foreach (var chain in chains)
        {
            var attempts = events.Where(e => e.ErrorChainId == chain.Id).OrderBy(e => e.StartedUtc).ToList();
            var failures = attempts.Where(e => e.Status == SyncStatus.Failed).ToList();
            Assert.NotEmpty(failures);
            Assert.Equal(chain.CreatedUtc, failures[0].StartedUtc);
            Assert.Equal(chain.LastOccurredUtc, failures[^1].StartedUtc);
            Assert.All(failures, f => Assert.Equal(chain.ErrorCode, f.ErrorCode));
            if (chain.ResolvedUtc is null)
            {
                Assert.DoesNotContain(attempts, e => e.Status == SyncStatus.Succeeded);
            }
            else
            {
                var success = Assert.Single(attempts, e => e.Status == SyncStatus.Succeeded);
                Assert.Equal(success.CompletedUtc, chain.ResolvedUtc);
                Assert.Same(success, attempts[^1]);
            }
        }
    }

    [Fact]
    public async Task Deliveries_AnnounceEachRunsChanges_InItsWindow_ButTheFewNeverSent()
    {
        await using var db = HistoryGenerator.Open(path);
        var deliveries = await db.WebhookDeliveries.AsNoTracking().ToListAsync(Ct);
        var runs = await db.SyncEvents.AsNoTracking().Where(e => e.Status == SyncStatus.Succeeded)
            .OrderBy(e => e.StartedUtc).ToListAsync(Ct);
        var from = Options.EndUtc.AddDays(-Options.DeliveryDays);

        Assert.Equal(result.Deliveries, deliveries.Count);
        Assert.Equal(deliveries.Count, deliveries.Select(d => d.DeliveryId).Distinct().Count());
        // Every incremental or webhook run of the last days has a previous successful run to open its window.
        var announced = runs.Where(r => r.StartedUtc >= from && r.Type != SyncType.Full)
            .Sum(r => r.ItemsAdded + r.ItemsUpdated + r.ItemsDeleted);
        Assert.Equal(announced, result.Deliveries + result.DroppedDeliveries);
        Assert.InRange((double)result.DroppedDeliveries / announced, 0.005, 0.05);

        var byId = runs.ToDictionary(r => r.Id);
        foreach (var (run, previous) in runs.Zip(runs.Skip(1)).Select(p => (p.Second, p.First)))
        {
            foreach (var delivery in deliveries.Where(d => d.SyncEventId == run.Id))
            {
                Assert.NotEqual(SyncType.Full, run.Type);
                Assert.InRange(delivery.TriggeredUtc!.Value, previous.StartedUtc.AddTicks(1), run.StartedUtc);
                Assert.InRange(delivery.ReceivedUtc, delivery.TriggeredUtc.Value, run.StartedUtc);
                Assert.Equal(delivery.ObjectType, delivery.EventName.Split(':')[0]);
            }
        }
        Assert.All(deliveries, d => Assert.True(byId.ContainsKey(d.SyncEventId!.Value)));
    }
}
