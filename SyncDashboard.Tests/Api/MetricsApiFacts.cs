using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Monitoring.Rollups;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Monitoring.Rollups;

namespace SyncDashboard.Tests.Api;

/// <summary><c>GET /api/monitoring/metrics?period=day|week</c> after the rollup job has run: every row equals the sums
/// over the raw events of its range, over HTTP from the app's own SQLite file.</summary>
public sealed class MetricsApiFacts
{
    // Thursday 5 March 2026 to the end of Wednesday 18 March: the first and last weeks are partial.
    private static readonly DateTime From = new(2026, 3, 5, 0, 0, 0, DateTimeKind.Utc);
    private const int Days = 14;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("day", MetricPeriod.Daily, Days)]
    [InlineData("week", MetricPeriod.Weekly, 3)]
    public async Task Metrics_ReturnRowsEqualToSumsOverTheRawEvents_AfterTheRollupJob(
        string period, MetricPeriod expectedPeriod, int expectedRows)
    {
        await using var app = new TestApp();
        await app.StartAsync();
        List<SyncEvent> events;
        await using (var db = await app.CreateDbAsync())
        {
            // Two services: the API must show only its own.
            await RollupHistory.RecordAsync(db, RollupHistory.Generate(From, Days, count: 600, seed: 11));
            events = await db.SyncEvents.AsNoTracking()
                .Where(e => e.Service == RollupHistory.Main && e.Status != SyncStatus.Started).ToListAsync(Ct);
        }
        await app.Get<MetricRollupJob>().RunAsync(Ct);
        using var client = app.CreateClient();

        var rows = await client.GetFromJsonAsync<MetricRow[]>($"/api/monitoring/metrics?period={period}&limit=500", Json, Ct);

        Assert.NotNull(rows);
        Assert.Equal(expectedRows, rows.Length);
        Assert.Equal(rows.Select(r => r.PeriodStart).OrderDescending(), rows.Select(r => r.PeriodStart)); // newest first
        foreach (var row in rows)
        {
            Assert.Equal(expectedPeriod, row.Period);
            Assert.Equal(DateTimeKind.Utc, row.PeriodStart.Kind);
            var end = row.PeriodStart + MetricArithmetic.LengthOf(expectedPeriod);
            var inRange = events.Where(e => e.StartedUtc >= row.PeriodStart && e.StartedUtc < end).ToList();
            var successes = inRange.Where(e => e.Status == SyncStatus.Succeeded).ToList();
            var durations = successes.Select(e => e.DurationMs!.Value).ToList();
            var failures = inRange.Count(e => e.Status == SyncStatus.Failed);
            var expected = row with
            {
                Successes = successes.Count,
                Failures = failures,
                ItemsProcessed = successes.Sum(e => (long)e.ItemsProcessed),
                MeanDurationMs = (double)durations.Sum() / durations.Count,
                MinDurationMs = durations.Min(),
                MaxDurationMs = durations.Max(),
                ErrorRate = (double)failures / inRange.Count,
            };
            Assert.Equal(expected, row);
            NearestRank.AssertWithin(NearestRank.Of(durations, 0.5), row.P50DurationMs, $"p50 of {row.PeriodStart:d}");
            NearestRank.AssertWithin(NearestRank.Of(durations, 0.95), row.P95DurationMs, $"p95 of {row.PeriodStart:d}");
            NearestRank.AssertWithin(NearestRank.Of(durations, 0.99), row.P99DurationMs, $"p99 of {row.PeriodStart:d}");
        }
        // Together the rows cover every finished event of the service, each once.
        Assert.Equal(events.Count, rows.Sum(r => r.Successes + r.Failures));
        // The first range is the one the history starts in: 5 March itself, or the Monday before it.
        Assert.Equal(MetricArithmetic.StartOf(expectedPeriod, From), rows[^1].PeriodStart);
    }
}
