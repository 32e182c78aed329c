using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using SyncDashboard.Data;
using SyncDashboard.Sync.Mirror;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Benchmarks;

/// <summary>A full sync of a big account applied to an empty SQLite mirror, beside the fastest honest raw insert of
/// the same item rows and, for context, EF Core's change tracker. Every iteration gets a fresh, migrated, empty
/// database file, so each method pays the same index maintenance, page growth and commit.</summary>
[MemoryDiagnoser]
[Config(typeof(Config))]
public class MirrorApplyBenchmarks
{
    /// <summary>One measured iteration instead of five (<c>--quick</c>), to check the harness.</summary>
    public static bool Quick { get; set; }

    /// <summary>Each iteration inserts 100,000 rows into a fresh file, so Monitoring (no pilot, one invocation per
    /// iteration) is the right strategy: the work is long enough that timer resolution does not matter.</summary>
    private sealed class Config : ManualConfig
    {
        public Config()
        {
            AddJob(Job.Default.WithStrategy(RunStrategy.Monitoring).WithLaunchCount(1).WithWarmupCount(1)
                .WithIterationCount(Quick ? 1 : 5));
            AddColumn(new RowsPerSecondColumn(Rows, relativeToBaseline: false));
            AddColumn(new RowsPerSecondColumn(Rows, relativeToBaseline: true));
        }
    }

    /// <summary>Fewer rows for a quick look while iterating, e.g. <c>SYNCDASHBOARD_BENCH_ROWS=10000</c>.</summary>
    public const string RowsVariable = "SYNCDASHBOARD_BENCH_ROWS";

    private static readonly DateTime SyncedAtUtc = new(2024, 6, 1, 12, 0, 0, DateTimeKind.Utc);

    private readonly MirrorWriter writer = new();
    private SyncResponse response = null!;
    private string insertSql = null!;
    private object?[][] rawRows = null!;
    private string folder = null!;
    private string databasePath = null!;

    public static int Rows =>
        int.TryParse(Environment.GetEnvironmentVariable(RowsVariable), out var rows) && rows > 0 ? rows : 100_000;

    [GlobalSetup]
    public void GlobalSetup()
    {
        response = SyncResponseGenerator.Create(Rows);
        folder = Directory.CreateDirectory(
            Path.Combine(Path.GetTempPath(), "syncdashboard-bench-" + Environment.ProcessId)).FullName;

        // The raw path gets the column list and the stored values from the EF model, mapped ahead of time, so it
        // measures nothing but SQLite: the ceiling any writer on this schema can reach.
        using var db = CreateContext(Path.Combine(folder, "model.db"));
        var entity = db.Model.FindEntityType(typeof(TodoistItem))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        var properties = entity.GetProperties().OrderBy(p => p == key ? 0 : 1).ToArray();
        insertSql = $"INSERT INTO \"{table.Name}\" (" +
                    string.Join(", ", properties.Select(p => $"\"{p.GetColumnName(table)}\"")) + ") VALUES (" +
                    string.Join(", ", properties.Select((_, i) => "@p" + i)) + ")";
        rawRows = response.Items!
            .Select(w => MirrorMapping.ToRow(w, SyncedAtUtc))
            .Select(row => properties.Select(p => StoredValue(p, row) ?? DBNull.Value).ToArray())
            .ToArray();
    }

    [IterationSetup]
    public void IterationSetup()
    {
        databasePath = Path.Combine(folder, $"mirror-{Guid.NewGuid():N}.db");
        using var db = CreateContext(databasePath);
        db.Database.Migrate();
    }

    [IterationCleanup]
    public void IterationCleanup()
    {
        foreach (var file in Directory.EnumerateFiles(folder, Path.GetFileName(databasePath) + "*"))
        {
            File.Delete(file);
        }
    }

    [GlobalCleanup]
    public void GlobalCleanup() => Directory.Delete(folder, recursive: true);

    [Benchmark(Baseline = true)]
    public void RawPreparedInsert()
    {
        using var connection = new SqliteConnection(ConnectionString(databasePath));
        connection.Open();
        using var transaction = connection.BeginTransaction();
        using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = insertSql;
        var parameters = new SqliteParameter[rawRows[0].Length];
        for (var i = 0; i < parameters.Length; i++)
        {
            parameters[i] = insert.Parameters.Add(new SqliteParameter { ParameterName = "@p" + i });
        }
        insert.Prepare();
        foreach (var row in rawRows)
        {
            for (var i = 0; i < parameters.Length; i++) parameters[i].Value = row[i];
            insert.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    [Benchmark]
    public async Task<MirrorChanges> MirrorWriterFullSync()
    {
        await using var db = CreateContext(databasePath);
        await using var transaction = await db.Database.BeginTransactionAsync();
        var changes = await writer.ApplyAsync(db, response, isSnapshot: true, SyncedAtUtc, CancellationToken.None);
        await transaction.CommitAsync();
        return changes;
    }

    [Benchmark]
    public async Task<int> EfCoreSaveChanges()
    {
        await using var db = CreateContext(databasePath);
        await using var transaction = await db.Database.BeginTransactionAsync();
        db.Items.AddRange(response.Items!.Select(w => MirrorMapping.ToRow(w, SyncedAtUtc)));
        var saved = await db.SaveChangesAsync();
        await transaction.CommitAsync();
        return saved;
    }

    // Unpooled, so the file is closed when the iteration ends and cleanup can delete it.
    private static string ConnectionString(string path) =>
        new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString();

    private static SqliteMonitoringDbContext CreateContext(string path) =>
        new(new DbContextOptionsBuilder<SqliteMonitoringDbContext>().UseSqlite(ConnectionString(path)).Options);

    /// <summary>A property's value as the provider stores it (through the model's converter); null stays null.</summary>
    internal static object? StoredValue(IProperty property, object row)
    {
        var value = property.GetGetter().GetClrValue(row);
        var converter = property.GetTypeMapping().Converter;
        return value is not null && converter is not null ? converter.ConvertToProvider(value) : value;
    }
}
