using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using SyncDashboard.Data;

[assembly: AssemblyFixture(typeof(SyncDashboard.Tests.Infrastructure.PostgresServer))]

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>The PostgreSQL server the tests use, named by <see cref="Variable"/> (<c>.ci/run</c> starts a throwaway
/// cluster and sets it). Missing, PostgreSQL tests skip with the install command; with CI=true they fail. Each test
/// gets a database of its own, copied from a template migrated once per run, and dropped when it ends; the template
/// is dropped when the run ends.</summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string Variable = "SYNCDASHBOARD_TEST_POSTGRES";

    private static readonly SemaphoreSlim TemplateGate = new(1, 1);
    private static readonly string TemplateName = $"sdtest_template_{Environment.ProcessId}";
    private static bool templateReady;

    /// <summary>The server's connection string (any database), or null when none is configured.</summary>
    public static string? ConnectionString =>
        Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value : null;

    private static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>The server's connection string, or a skipped (locally) / failed (CI) test.</summary>
    public static string Require()
    {
        if (ConnectionString is { } value) return value;
        var message = $"No PostgreSQL server: set {Variable} to a connection string, or run the tests through " +
                      "`bash .ci/run`, which installs Debian's server (sudo apt-get install -y postgresql) and starts one";
        if (IsCi) Assert.Fail($"{message} (CI=true: PostgreSQL tests must run, not skip)");
        Assert.Skip(message);
        throw new UnreachableException();
    }

    /// <summary>The connection string of <paramref name="database"/> on the server.</summary>
    public static string For(string database, bool pooling = true) =>
        new NpgsqlConnectionStringBuilder(Require()) { Database = database, Pooling = pooling }.ConnectionString;

    /// <summary>A new, migrated database of its own; the caller drops it with <see cref="DropAsync"/>.</summary>
    public static async Task<string> CreateMigratedAsync(CancellationToken ct)
    {
        await EnsureTemplateAsync(ct);
        var name = $"sdtest_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\" TEMPLATE \"{TemplateName}\"", ct);
        return name;
    }

    /// <summary>A new, empty database (for migrations from nothing and for apps that migrate at start-up).</summary>
    public static async Task<string> CreateEmptyAsync(CancellationToken ct)
    {
        var name = $"sdtest_{Guid.NewGuid():N}";
        await ExecuteAsync($"CREATE DATABASE \"{name}\"", ct);
        return name;
    }

    public static async Task DropAsync(string name)
    {
        await using (var pooled = new NpgsqlConnection(For(name))) NpgsqlConnection.ClearPool(pooled);
        // FORCE ends sessions still open on it (a killed app's, a pooled one).
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", CancellationToken.None);
    }

    private static async Task EnsureTemplateAsync(CancellationToken ct)
    {
        if (templateReady) return;
        await TemplateGate.WaitAsync(ct);
        try
        {
            if (templateReady) return;
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)", ct);
            await ExecuteAsync($"CREATE DATABASE \"{TemplateName}\"", ct);
            // Unpooled: CREATE DATABASE … TEMPLATE refuses while any session is connected to the template.
            await using (var db = new PostgreSqlMonitoringDbContext(new DbContextOptionsBuilder<PostgreSqlMonitoringDbContext>()
                             .UseNpgsql(For(TemplateName, pooling: false)).Options))
            {
                await db.Database.MigrateAsync(ct);
            }
            templateReady = true;
        }
        finally
        {
            TemplateGate.Release();
        }
    }

    private static async Task ExecuteAsync(string sql, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(For("postgres", pooling: false));
        await connection.OpenAsync(ct);
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (templateReady) await ExecuteAsync($"DROP DATABASE IF EXISTS \"{TemplateName}\" WITH (FORCE)", CancellationToken.None);
    }
}
