using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Rollups;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Monitoring.Rollups;

namespace SyncDashboard.Tests.Data;

/// <summary>A database from before the sketch, rows and all, brought up to date the way the app starts: the migration,
/// then the conversion of every row kept as power-of-two buckets.</summary>
public sealed class LegacyHistogramUpgradeFacts
{
    // Thursday 5 March 2026 for 14 days; retention has deleted the runs of the first week and of half an hour after it.
    private static readonly DateTime From = new(2026, 3, 5, 0, 0, 0, DateTimeKind.Utc);
    private static readonly DateTime PurgedBefore = new(2026, 3, 12, 9, 30, 0, DateTimeKind.Utc);
    private static readonly DateTime Now = new(2026, 3, 19, 6, 0, 0, DateTimeKind.Utc);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothProviders]
    public async Task Start_RecomputesHoursFromTheirRuns_ConvertsPurgedOnesFromTheirBuckets_AndMergesDaysAndWeeks(TestProvider provider)
    {
        await using var database = await EmptyDatabase.CreateAsync(provider, Ct);
        var events = RollupHistory.Generate(From, days: 14, count: 900, seed: 11);
        var old = await SeedBeforeTheSketchAsync(database, events);
        await using (var db = database.Open())
        {
            await db.SyncEvents.Where(e => e.StartedUtc < PurgedBefore).ExecuteDeleteAsync(Ct);
        }

        await Migrator(database).StartAsync(Ct);

        await using var after = database.Open();
        var rows = await after.SyncMetrics.AsNoTracking().ToListAsync(Ct);
        Assert.Equal(old.Count, rows.Count);
        Assert.All(rows, r => Assert.Null(r.LegacyDurationHistogram));
        var hours = rows.Where(r => r.Period == MetricPeriod.Hourly).ToList();
        var (kept, purged) = (0, 0);
        foreach (var hour in hours)
        {
            var was = old.Single(o => Same(o.Row, hour));
            // Everything but the durations' form is as it was.
            Assert.Equal(Numbers(was.Row), Numbers(hour));
            if (hour.PeriodStartUtc >= PurgedBefore)
            {
                var durations = events.Where(e => e.Service == hour.Service && e.Status == SyncStatus.Succeeded &&
                                                  MetricArithmetic.HourOf(e.StartedUtc) == hour.PeriodStartUtc)
                    .Select(e => e.DurationMs!.Value);
                Assert.Equal(DurationSketch.Of(durations), hour.DurationSketch); // as if written with the sketch
                kept++;
            }
            else
            {
                // Its runs are gone (all of them, or some: the hour retention cut in half), so its buckets are all there is.
                Assert.Equal(DurationHistogram.ToSketch(was.Buckets), hour.DurationSketch);
                purged++;
            }
        }
        Assert.True(kept > 50 && purged > 50, $"{kept} hours recomputed, {purged} converted");
        foreach (var longer in rows.Where(r => r.Period != MetricPeriod.Hourly))
        {
            Assert.Equal(Numbers(old.Single(o => Same(o.Row, longer)).Row), Numbers(longer));
            var end = longer.PeriodStartUtc + MetricArithmetic.LengthOf(longer.Period);
            Assert.Equal(DurationSketch.Merge(hours.Where(h => h.Service == longer.Service &&
                    h.PeriodStartUtc >= longer.PeriodStartUtc && h.PeriodStartUtc < end).Select(h => h.DurationSketch)),
                longer.DurationSketch);
        }

        // Done once: a second start converts nothing, and the rollup job finds every day and week as it would compute it.
        Assert.Equal(0, (await LegacyHistogramUpgrade.RunAsync(new Factory(database), Ct)).Rows);
        Assert.Equal(0, (await new MetricRollups(new Factory(database), new FakeTimeProvider(Now)).RunAsync(Ct)).RowsWritten);
    }

    /// <summary>With <c>Database:MigrateOnStartup=false</c> an operator applies the migration: the rows keep their buckets
    /// until the rollup job's next run converts them.</summary>
    [Theory, BothProviders]
    public async Task RollupJob_ConvertsRowsKeptAsBuckets_WhenTheMigrationWasAppliedByHand(TestProvider provider)
    {
        await using var database = await EmptyDatabase.CreateAsync(provider, Ct);
        var events = RollupHistory.Generate(From, days: 3, count: 200, seed: 12);
        await SeedBeforeTheSketchAsync(database, events);
        await using (var db = database.Open()) await db.Database.MigrateAsync(Ct);
        await using (var db = database.Open())
        {
            Assert.True(await db.SyncMetrics.AllAsync(m => m.LegacyDurationHistogram != null, Ct));
            Assert.True(await db.SyncMetrics.AllAsync(m => m.DurationSketch == DurationSketch.Empty, Ct)); // the column's default
        }

        await new MetricRollups(new Factory(database), new FakeTimeProvider(Now)).RunAsync(Ct);

        await using var after = database.Open();
        var timed = events.Where(e => e.Service == RollupHistory.Main && e.Status == SyncStatus.Succeeded).Select(e => e.DurationMs!.Value);
        var hours = await after.SyncMetrics.AsNoTracking()
            .Where(m => m.Service == RollupHistory.Main && m.Period == MetricPeriod.Hourly).ToListAsync(Ct);
        Assert.Equal(DurationSketch.Of(timed), DurationSketch.Merge(hours.Select(h => h.DurationSketch)));
        Assert.False(await after.SyncMetrics.AnyAsync(m => m.LegacyDurationHistogram != null, Ct));
    }

    private sealed record OldRow(SyncMetric Row, int[] Buckets);

    /// <summary>Migrates to the migration before the sketch, then writes the events and the rollup rows the build before
    /// it wrote for them: hourly rows as the runs kept them, days and weeks combined from them, durations as
    /// power-of-two bucket counts in the column they had.</summary>
    private static async Task<List<OldRow>> SeedBeforeTheSketchAsync(EmptyDatabase database, List<SyncEvent> events)
    {
        await using var db = database.Open();
        var migrations = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).ToList();
        var sketch = migrations.FindIndex(m => m.EndsWith("_DurationSketch", StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(migrations[sketch - 1], cancellationToken: Ct);
        db.SyncEvents.AddRange(events);
        await db.SaveChangesAsync(Ct);

        var rows = new List<OldRow>();
        foreach (var hour in events.Where(e => e.Status != SyncStatus.Started).GroupBy(e => (e.Service, Hour: MetricArithmetic.HourOf(e.StartedUtc))))
        {
            var metric = new SyncMetric { Service = hour.Key.Service, Period = MetricPeriod.Hourly, PeriodStartUtc = hour.Key.Hour };
            foreach (var run in hour) MetricArithmetic.Add(metric, run.Status, run.DurationMs, run.ItemsProcessed, run.CompletedUtc!.Value);
            rows.Add(new OldRow(metric, Buckets(hour)));
        }
        var hourly = rows.ToList();
        foreach (var period in new[] { MetricPeriod.Daily, MetricPeriod.Weekly })
        {
            foreach (var group in hourly.GroupBy(h => (h.Row.Service, Start: MetricArithmetic.StartOf(period, h.Row.PeriodStartUtc))))
            {
                var combined = MetricArithmetic.Combine(group.Key.Service, period, group.Key.Start, group.Select(h => h.Row));
                var buckets = Enumerable.Range(0, DurationHistogram.BucketCount).Select(i => group.Sum(h => h.Buckets[i])).ToArray();
                rows.Add(new OldRow(combined, buckets));
            }
        }
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync(Ct);
        foreach (var (m, buckets) in rows)
        {
            await using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO "sync_metrics" ("Service", "Period", "PeriodStartUtc", "SuccessCount", "FailureCount",
                    "ItemsProcessed", "TotalDurationMs", "MinDurationMs", "MaxDurationMs", "ErrorRate", "DurationHistogram",
                    "LastUpdatedUtc")
                VALUES (@p0, @p1, @p2, @p3, @p4, @p5, @p6, @p7, @p8, @p9, @p10, @p11)
                """;
            // The old column: JSON text on SQLite, integer[] on PostgreSQL.
            object histogram = database.Provider == TestProvider.PostgreSql ? buckets : $"[{string.Join(',', buckets)}]";
            object?[] values = [m.Service, m.Period.ToString(), m.PeriodStartUtc, m.SuccessCount, m.FailureCount,
                m.ItemsProcessed, m.TotalDurationMs, m.MinDurationMs, m.MaxDurationMs, m.ErrorRate, histogram, m.LastUpdatedUtc];
            for (var i = 0; i < values.Length; i++)
            {
                var parameter = insert.CreateParameter();
                parameter.ParameterName = "@p" + i;
                parameter.Value = values[i] ?? DBNull.Value;
                insert.Parameters.Add(parameter);
            }
            await insert.ExecuteNonQueryAsync(Ct);
        }
        return rows;
    }

    private static int[] Buckets(IEnumerable<SyncEvent> runs)
    {
        var counts = DurationHistogram.Empty();
        foreach (var run in runs.Where(r => r.Status == SyncStatus.Succeeded)) counts[DurationHistogram.BucketOf(run.DurationMs!.Value)]++;
        return counts;
    }

    private static bool Same(SyncMetric a, SyncMetric b) =>
        a.Service == b.Service && a.Period == b.Period && a.PeriodStartUtc == b.PeriodStartUtc;

    private static string Numbers(SyncMetric m) =>
        $"{m.Service} {m.Period} {m.PeriodStartUtc:O} ok={m.SuccessCount} failed={m.FailureCount} items={m.ItemsProcessed} " +
        $"total={m.TotalDurationMs} min={m.MinDurationMs} max={m.MaxDurationMs} rate={m.ErrorRate:R} updated={m.LastUpdatedUtc:O}";

    private static DatabaseMigrator Migrator(EmptyDatabase database) =>
        new(new Factory(database), Microsoft.Extensions.Options.Options.Create(new DatabaseOptions
            {
                Provider = database.Provider == TestProvider.PostgreSql ? DatabaseProvider.PostgreSql : DatabaseProvider.Sqlite,
            }),
            NullLogger<DatabaseMigrator>.Instance);

    private sealed class Factory(EmptyDatabase database) : IDbContextFactory<MonitoringDbContext>
    {
        public MonitoringDbContext CreateDbContext() => database.Open();
    }
}
