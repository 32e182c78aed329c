using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using SyncDashboard.Data;
using SyncDashboard.Sync.Mirror;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Benchmarks;

/// <summary>The same full sync as <see cref="MirrorApplyBenchmarks"/>, applied to an empty PostgreSQL mirror, beside
/// Npgsql's binary COPY of the same item rows (values mapped in advance): the fastest way rows get into PostgreSQL,
/// so the raw limit. Every iteration gets a fresh database copied from a migrated template.</summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class PostgreSqlMirrorApplyBenchmarks
{
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
                .WithIterationCount(MirrorApplyBenchmarks.Quick ? 1 : 5));
            AddColumn(new RowsPerSecondColumn(MirrorApplyBenchmarks.Rows, relativeToBaseline: false));
            AddColumn(new RowsPerSecondColumn(MirrorApplyBenchmarks.Rows, relativeToBaseline: true));
        }
    }

    private static readonly DateTime SyncedAtUtc = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);
    private readonly string template = $"sdbench_mirror_template_{Environment.ProcessId}";

    private readonly MirrorWriter writer = new();
    private SyncResponse response = null!;
    private string copySql = null!;
    private object?[][] rawRows = null!;
    private string database = null!;

    [GlobalSetup]
    public void GlobalSetup()
    {
        response = SyncResponseGenerator.Create(MirrorApplyBenchmarks.Rows);
        PostgresBench.CreateMigratedAsync(template).GetAwaiter().GetResult();

        using var db = PostgresBench.Open(template, pooling: false);
        var entity = db.Model.FindEntityType(typeof(TodoistItem))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToArray();
        copySql = $"COPY \"{table.Name}\" (" +
                  string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\"")) + ") FROM STDIN (FORMAT BINARY)";
        rawRows = response.Items!
            .Select(w => MirrorMapping.ToRow(w, SyncedAtUtc))
            .Select(row => properties.Select(p => MirrorApplyBenchmarks.StoredValue(p, row)).ToArray())
            .ToArray();
    }

    [IterationSetup]
    public void IterationSetup()
    {
        database = $"sdbench_mirror_{Guid.NewGuid():N}";
        PostgresBench.CreateFromTemplateAsync(database, template).GetAwaiter().GetResult();
    }

    [IterationCleanup]
    public void IterationCleanup() => PostgresBench.DropAsync(database).GetAwaiter().GetResult();

    [GlobalCleanup]
    public void GlobalCleanup() => PostgresBench.DropAsync(template).GetAwaiter().GetResult();

    [Benchmark(Baseline = true)]
    public async Task<ulong> BinaryCopy()
    {
        await using var connection = new NpgsqlConnection(PostgresBench.For(database));
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        ulong written;
        await using (var importer = await connection.BeginBinaryImportAsync(copySql))
        {
            foreach (var row in rawRows)
            {
                await importer.StartRowAsync();
                foreach (var value in row)
                {
                    if (value is null) await importer.WriteNullAsync();
                    else await importer.WriteAsync(value);
                }
            }
            written = await importer.CompleteAsync();
        }
        await transaction.CommitAsync();
        return written;
    }

    [Benchmark]
    public async Task<MirrorChanges> MirrorWriterFullSync()
    {
        await using var db = PostgresBench.Open(database);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var changes = await writer.ApplyAsync(db, response, isSnapshot: true, SyncedAtUtc, CancellationToken.None);
        await transaction.CommitAsync();
        return changes;
    }
}
