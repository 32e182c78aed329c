using System.Diagnostics;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Metadata;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Rollups;
using SyncDashboard.Sync.Mirror;

namespace SyncDashboard.Benchmarks;

/// <summary>What <see cref="HistoryGenerator"/> writes: how many events over how many days ending when, from which
/// seed, and how many mirrored tasks.</summary>
public sealed record HistoryOptions(int Events, int Days, DateTime EndUtc, int Seed, int MirrorItems, int DeliveryDays = 7)
{
    /// <summary>The benchmarks' fixed end, so a seed always gives the same file and their clock can stand at it. The
    /// <c>generate-history</c> command ends at the current minute instead (<c>--end</c> to choose), so a demo opened
    /// in the app looks current.</summary>
    public static readonly DateTime DefaultEndUtc = new(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);

    public static HistoryOptions Default(int events = 1_000_000) => new(events, 365, DefaultEndUtc, 42, 3_000);
}

public sealed record HistoryResult(int Events, int Failures, int Chains, int OpenChains, int HourlyRows, int RollupRows,
    int MirrorItems, int Deliveries, int DroppedDeliveries, TimeSpan Elapsed);

/// <summary>Fills a migrated SQLite file with a realistic sync history: incremental syncs every half minute to a few
/// minutes, one scheduled full sync a day, some manual and webhook runs, a few per cent of failures grouped into
/// retry chains (nearly all resolved), log-normal durations; the hourly rollups through <see cref="MetricArithmetic.Add"/>
/// so they agree with the events, daily and weekly ones through the real <see cref="MetricRollups"/>, the state row
/// and a small mirror. Rows go in through prepared commands derived from the EF model, one transaction per
/// <see cref="BatchSize"/> rows. Webhook deliveries for the last <see cref="HistoryOptions.DeliveryDays"/> days: one
/// per change each incremental or webhook run found, announced between the previous successful run and that one, a
/// few per cent redelivered and about 2 % never sent (so missed deliveries show). Deterministic for a seed.</summary>
public static class HistoryGenerator
{
    public const int BatchSize = 50_000;
    private const string Service = ServiceName.Todoist;

    public static async Task<HistoryResult> GenerateAsync(string path, HistoryOptions options, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        // A pooled connection (IsCompleteAsync's, say) would keep the old file's inode open, and the migration below
        // would run against that half-current schema instead of the new empty file.
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
        {
            File.Delete(path + suffix);
        }
        await using (var db = Open(path))
        {
            await db.Database.MigrateAsync(ct);
        }

        // Foreign keys off for the bulk load only: chains are written after their events, once their retries are known.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            { DataSource = path, Pooling = false, ForeignKeys = false }.ToString());
        connection.Open();
        Execute(connection, "PRAGMA synchronous = OFF; PRAGMA cache_size = -200000;");

        await using var model = Open(path);
        using var events = new ModelInserter<SyncEvent>(connection, model);
        using var errors = new ModelInserter<SyncError>(connection, model);
        using var metrics = new ModelInserter<SyncMetric>(connection, model);
        using var deliveries = new ModelInserter<WebhookDelivery>(connection, model);

        var random = new Random(options.Seed);
        // Deliveries draw from their own sequence, so adding them changed none of the events a seed gives.
        var announcer = new Announcer(new Random(options.Seed + 1), options.EndUtc.AddDays(-options.DeliveryDays));
        DateTime? previousSuccessStart = null;
        var start = options.EndUtc.AddDays(-options.Days);
        var slot = (options.EndUtc - start).Ticks / options.Events;
        var hourly = new SortedDictionary<DateTime, SyncMetric>();
        var chains = new List<SyncError>();
        SyncError? chain = null;
        var chainFailuresLeft = 0;
        var chainType = SyncType.Incremental;
        DateTime? lastFullDay = null;
        string? token = null;
        var failures = 0;
        DateTime? lastSuccess = null, lastFailure = null, lastFull = null, lastIncremental = null;
        var consecutiveFailures = 0;

        var previousEnd = DateTime.MinValue;
        var tx = connection.BeginTransaction();
        for (var i = 0; i < options.Events; i++)
        {
            if (i > 0 && i % BatchSize == 0)
            {
                tx.Commit();
                tx.Dispose();
                tx = connection.BeginTransaction();
            }
            // One event per slot, jittered inside it: times stay in order, gaps average the slot length.
            // The lease runs one sync at a time: a run never starts before the previous one finished.
            var started = start.AddTicks(slot * i + random.NextInt64(slot * 8 / 10 + 1));
            if (started <= previousEnd) started = previousEnd.AddMilliseconds(1 + random.Next(1000));
            var day = MetricArithmetic.DayOf(started);
            SyncType type;
            SyncTrigger trigger;
            if (chain is not null)
            {
                // A chain's next attempt: mostly the scheduled retry, sometimes the regular schedule gets there first.
                type = chainType;
                trigger = random.Next(10) < 7 ? SyncTrigger.Retry : SyncTrigger.Schedule;
            }
            else if (lastFullDay != day && started.Hour >= 3)
            {
                (type, trigger) = (SyncType.Full, SyncTrigger.Schedule);
                lastFullDay = day;
            }
            else
            {
                var roll = random.Next(1000);
                (type, trigger) = roll switch
                {
                    < 40 => (SyncType.Webhook, SyncTrigger.Webhook),
                    < 48 => (SyncType.Incremental, SyncTrigger.Manual),
                    < 50 => (SyncType.Full, SyncTrigger.Manual),
                    _ => (SyncType.Incremental, SyncTrigger.Schedule),
                };
            }

            bool failed;
            var attempt = 1;
            if (chain is not null)
            {
                attempt = chain.RetryCount + 2;
                failed = chainFailuresLeft > 0;
            }
            else
            {
                failed = random.Next(1000) < 17;
                if (failed)
                {
                    chain = NewChain(random, chains.Count + 1, started);
                    chains.Add(chain);
                    chainType = type;
                    // 1 + geometric: most chains end after one or two failures, a few run long.
                    chainFailuresLeft = 1;
                    while (chainFailuresLeft < 8 && random.Next(100) < 55) chainFailuresLeft++;
                }
            }

            var e = new SyncEvent
            {
                Id = i + 1,
                Service = Service,
                Type = type,
                Trigger = trigger,
                StartedUtc = started,
                Attempt = attempt,
                JobId = (100_000 + i).ToString(),
                Node = random.Next(4) == 0 ? "node-b" : "node-a",
                SyncTokenBefore = type == SyncType.Full ? null : token,
            };
            long duration;
            if (failed)
            {
                var c = chain!;
                failures++;
                consecutiveFailures++;
                lastFailure = started;
                duration = c.Kind == FailureKind.Transient && c.HttpStatus is null
                    ? 30_000 + random.Next(500)
                    : LogNormal(random, 300, 0.6);
                e.Status = SyncStatus.Failed;
                e.ErrorChainId = c.Id;
                e.ErrorKind = c.Kind;
                e.ErrorCode = c.ErrorCode;
                e.ErrorMessage = c.Message;
                e.HttpStatus = c.HttpStatus;
                if (attempt > 1) c.RetryCount++;
                c.LastOccurredUtc = started;
                chainFailuresLeft--;
                // About one chain in three thousand is never resolved: it stays open, and later runs go on without it.
                if (chainFailuresLeft == 0 && random.Next(3000) == 0) chain = null;
            }
            else
            {
                duration = type switch
                {
                    SyncType.Full => LogNormal(random, 12_000, 0.35),
                    SyncType.Webhook => LogNormal(random, 250, 0.4),
                    _ => LogNormal(random, 450, 0.5),
                };
                var items = type == SyncType.Full ? options.MirrorItems + random.Next(-50, 50) : Items(random);
                e.Status = SyncStatus.Succeeded;
                e.ItemsProcessed = items;
                e.ItemsDeleted = type == SyncType.Full ? random.Next(3) : random.Next(20) == 0 ? Math.Min(items, 1 + random.Next(3)) : 0;
                e.ItemsAdded = type == SyncType.Full ? 0 : random.Next(items - e.ItemsDeleted + 1);
                e.ItemsUpdated = items - e.ItemsDeleted - e.ItemsAdded;
                token = "t" + (i + 1).ToString("x");
                e.SyncTokenAfter = token;
                consecutiveFailures = 0;
                lastSuccess = started;
                if (type == SyncType.Full) lastFull = started; else lastIncremental = started;
                if (chain is not null)
                {
                    e.ErrorChainId = chain.Id;
                    chain.ResolvedUtc = started.AddMilliseconds(duration);
                    chain.Resolution = trigger == SyncTrigger.Retry ? ErrorResolution.RetrySucceeded : ErrorResolution.Recovered;
                    if (random.Next(200) == 0) (chain.Resolution, chain.ResolvedBy) = (ErrorResolution.Manual, "admin");
                    chain = null;
                }
            }
            e.DurationMs = duration;
            e.CompletedUtc = started.AddMilliseconds(duration);
            previousEnd = e.CompletedUtc.Value;
            events.Insert(e, tx);
            if (!failed)
            {
                if (previousSuccessStart is { } from && type != SyncType.Full)
                {
                    foreach (var delivery in announcer.Announce(e, from)) deliveries.Insert(delivery, tx);
                }
                previousSuccessStart = started;
            }

            var hour = MetricArithmetic.HourOf(started);
            if (!hourly.TryGetValue(hour, out var metric))
            {
                hourly[hour] = metric = new SyncMetric { Service = Service, Period = MetricPeriod.Hourly, PeriodStartUtc = hour };
            }
            MetricArithmetic.Add(metric, e.Status, e.DurationMs, e.ItemsProcessed, e.CompletedUtc.Value);
        }
        // A chain still failing at the end of history is open, with its retry due.
        if (chain is not null)
        {
            chain.NextRetryUtc = chain.LastOccurredUtc.AddMinutes(2);
            chain.PendingJobId = "retry-" + chain.Id;
        }

        var metricId = 0L;
        foreach (var metric in hourly.Values)
        {
            metric.Id = ++metricId;
            metrics.Insert(metric, tx);
        }
        foreach (var c in chains)
        {
            errors.Insert(c, tx);
        }
        tx.Commit();
        tx.Dispose();
        connection.Close();

        // Daily and weekly rows by the real rollup job, its clock at the end of history.
        var factory = new FileContextFactory(path);
        var rollups = await new MetricRollups(factory, new FixedTimeProvider(options.EndUtc)).RunAsync(ct);
        // The performance page's rollups by sync type, as an upgraded install gets them: from the runs.
        await TypeMetricsUpgrade.RunAsync(factory, ct);

        await using (var db = Open(path))
        {
            await using (var mirrorTx = await db.Database.BeginTransactionAsync(ct))
            {
                var response = SyncResponseGenerator.Create(options.MirrorItems, options.Seed);
                await new MirrorWriter().ApplyAsync(db, response, isSnapshot: true, lastFull ?? options.EndUtc, ct);
                await mirrorTx.CommitAsync(ct);
            }
            // Written last: its presence says the file is complete (see IsComplete).
            db.SyncStates.Add(new SyncState
            {
                Service = Service,
                LastSyncToken = token,
                LastFullSyncUtc = lastFull,
                LastIncrementalSyncUtc = lastIncremental,
                LastSuccessfulSyncUtc = lastSuccess,
                LastFailedSyncUtc = lastFailure,
                LastSnapshotUtc = lastFull,
                ConsecutiveFailures = consecutiveFailures,
                IsHealthy = consecutiveFailures == 0,
                HealthCheckedUtc = options.EndUtc,
            });
            await db.SaveChangesAsync(ct);
        }
        SqliteConnection.ClearAllPools();

        return new HistoryResult(options.Events, failures, chains.Count, chains.Count(c => c.ResolvedUtc is null),
            hourly.Count, rollups.RowsWritten, options.MirrorItems, announcer.Written, announcer.Dropped, clock.Elapsed);
    }

    /// <summary>True when <paramref name="path"/> holds a finished history of <paramref name="events"/> events.</summary>
    public static async Task<bool> IsCompleteAsync(string path, int events, CancellationToken ct)
    {
        if (!File.Exists(path)) return false;
        try
        {
            await using var db = Open(path);
            return await db.SyncStates.AnyAsync(s => s.Service == Service, ct) &&
                   await db.SyncEvents.CountAsync(ct) == events &&
                   // Files from before the generator wrote deliveries would leave the webhooks query nothing to read.
                   await db.WebhookDeliveries.AnyAsync(ct) &&
                   !(await db.Database.GetPendingMigrationsAsync(ct)).Any();
        }
        catch (SqliteException)
        {
            return false;
        }
    }

    public static MonitoringDbContext Open(string path) =>
        new SqliteMonitoringDbContext(new DbContextOptionsBuilder<SqliteMonitoringDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path }.ToString()).Options);

    private static SyncError NewChain(Random random, long id, DateTime started)
    {
        var roll = random.Next(100);
        var (kind, code, status, message, retryAfter) = roll switch
        {
            < 45 => (FailureKind.Transient, "HTTP_503", (int?)503, "Service Unavailable", (int?)null),
            < 60 => (FailureKind.Transient, "HTTP_502", 502, "Bad Gateway", null),
            < 70 => (FailureKind.Transient, "TIMEOUT", null, "The request timed out after 30 s", null),
            < 90 => (FailureKind.RateLimited, "LIMITS_REACHED", 429, "Too many requests", 30),
            < 95 => (FailureKind.InvalidSyncToken, "INVALID_SYNC_TOKEN", 400, "Invalid sync token", null),
            _ => (FailureKind.Unknown, "UNEXPECTED", 500, "Internal Server Error", null),
        };
        return new SyncError
        {
            Id = id,
            Service = Service,
            Kind = kind,
            ErrorCode = code,
            Message = message,
            HttpStatus = status,
            RetryAfterSeconds = retryAfter,
            CreatedUtc = started,
            LastOccurredUtc = started,
        };
    }

    /// <summary>A log-normal duration around <paramref name="medianMs"/> (Box–Muller), at least 1 ms.</summary>
    private static long LogNormal(Random random, double medianMs, double sigma)
    {
        var normal = Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble());
        return Math.Max(1, (long)(medianMs * Math.Exp(sigma * normal)));
    }

    /// <summary>Changed items of an incremental run: usually none or a few, now and then a burst.</summary>
    private static int Items(Random random) => random.Next(100) switch
    {
        < 40 => 0,
        < 90 => 1 + random.Next(5),
        < 99 => 5 + random.Next(50),
        _ => 50 + random.Next(500),
    };

    private static void Execute(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    /// <summary>One prepared INSERT of every mapped column of <typeparamref name="T"/> (its key included), with the
    /// column names and stored values (enum strings, UTC times, encoded duration sketches) taken from the EF model.</summary>
    private sealed class ModelInserter<T> : IDisposable
    {
        private readonly SqliteCommand command;
        private readonly SqliteParameter[] parameters;
        private readonly IClrPropertyGetter[] getters;
        private readonly Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter?[] converters;
        private bool prepared;

        public ModelInserter(SqliteConnection connection, MonitoringDbContext db)
        {
            var entity = db.Model.FindEntityType(typeof(T))!;
            var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
            var properties = entity.GetProperties().ToArray();
            getters = properties.Select(p => p.GetGetter()).ToArray();
            converters = properties.Select(p => p.GetTypeMapping().Converter).ToArray();
            command = connection.CreateCommand();
            command.CommandText = $"INSERT INTO \"{table.Name}\" (" +
                                  string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\"")) +
                                  ") VALUES (" + string.Join(", ", properties.Select((_, i) => "@p" + i)) + ")";
            parameters = properties.Select((_, i) => command.Parameters.Add(new SqliteParameter { ParameterName = "@p" + i }))
                .ToArray();
        }

        public void Insert(T row, SqliteTransaction transaction)
        {
            command.Transaction = transaction;
            for (var i = 0; i < getters.Length; i++)
            {
                var value = getters[i].GetClrValue(row!);
                var converter = converters[i];
                parameters[i].Value = value is not null && converter is not null
                    ? converter.ConvertToProvider(value)
                    : value ?? DBNull.Value;
            }
            if (!prepared)
            {
                command.Prepare();
                prepared = true;
            }
            command.ExecuteNonQuery();
        }

        public void Dispose() => command.Dispose();
    }
}

/// <summary>Contexts over one file sharing one options instance, as the app's <c>AddDbContextFactory</c> does; with a
/// <paramref name="log"/>, every executed command's SQL and time is written to it.</summary>
public sealed class FileContextFactory(string path, Action<string>? log = null) : IDbContextFactory<MonitoringDbContext>
{
    private readonly DbContextOptions<SqliteMonitoringDbContext> options = Options(path, log);

    public MonitoringDbContext CreateDbContext() => new SqliteMonitoringDbContext(options);

    private static DbContextOptions<SqliteMonitoringDbContext> Options(string path, Action<string>? log)
    {
        var builder = new DbContextOptionsBuilder<SqliteMonitoringDbContext>()
            .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path }.ToString());
        if (log is not null) builder.LogTo(log, [RelationalEventId.CommandExecuted, RelationalEventId.DataReaderDisposing]);
        return builder.Options;
    }
}

/// <summary>A clock that stands still, so "now" is the end of the generated history.</summary>
public sealed class FixedTimeProvider(DateTime utc) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => new(utc, TimeSpan.Zero);
}
