using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using Microsoft.SqlServer.TransactSql.ScriptDom;
using SyncDashboard.Data;
using SyncDashboard.Live;
using SyncDashboard.Monitoring.Retention;
using SyncDashboard.Sync;
using SyncDashboard.Sync.Mirror;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Data;

/// <summary>SQL Server cannot run here, so every statement the app would send it is parsed by Microsoft's own T-SQL
/// parser (ScriptDom, SQL Server 2022 grammar): the idempotent migration script a deployment runs, and each
/// hand-built or provider-translated statement of the mirror writer, the lease, the state row, the watermark and
/// retention. A syntax error fails here, not on a customer's server.</summary>
public sealed class SqlServerStatementFacts
{
    private static readonly DateTime Now = new(2026, 6, 1, 4, 30, 0, DateTimeKind.Utc);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void IdempotentMigrationScript_ParsesWithoutErrors()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        AssertParses(script);
        Assert.Contains("CREATE TABLE [sync_events]", script);
    }

    [Fact]
    public void MirrorWriterStatements_ParseWithoutErrors()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var statements = new[] { typeof(TodoistItem), typeof(TodoistProject), typeof(TodoistSection), typeof(TodoistLabel), typeof(TodoistNote) }
            .SelectMany(row => MirrorWriter.StatementsFor(db, row)).ToList();

        Assert.Equal(15, statements.Count);
        foreach (var statement in statements) AssertParses(statement);
        Assert.Contains(statements, s => s.StartsWith("INSERT INTO [todoist_items] ([Id]", StringComparison.Ordinal));
    }

    [Fact]
    public async Task LeaseStateRowAndWatermarkStatements_ParseWithoutErrors()
    {
        var server = new SqlServerStatementCapture();
        var lease = new SyncLease(server, new FakeTimeProvider(Now));

        await lease.TryAcquireAsync("todoist", "node/1", TimeSpan.FromMinutes(5), Ct);
        await using (var db = server.CreateDbContext())
        {
            await lease.RenewWithinAsync(db, "todoist", "node/1", TimeSpan.FromMinutes(5), Ct);
            await Watermark.ReadAsync(db, "todoist", Ct);
        }
        await lease.IsHeldAsync("todoist", Ct);
        await lease.ReleaseAsync("todoist", "node/1", Ct);

        Assert.Contains(server.Commands, c => c.Contains("WITH (UPDLOCK, HOLDLOCK)", StringComparison.Ordinal));
        Assert.True(server.Commands.Count(c => c.TrimStart().StartsWith("UPDATE", StringComparison.Ordinal)) >= 3,
            string.Join("\n---\n", server.Commands));
        Assert.Contains(server.Commands, c => c.Contains("MAX([a].[Id])", StringComparison.Ordinal));
        foreach (var command in server.Commands) AssertParses(command);
    }

    [Fact]
    public async Task RetentionStatements_ParseWithoutErrors()
    {
        var server = new SqlServerStatementCapture(rowsAffected: 0);
        await new RetentionPurge(server, new FakeTimeProvider(Now), Options.Create(new RetentionOptions { BatchSize = 500 }))
            .RunAsync(Ct);

        Assert.NotEmpty(server.Commands);
        foreach (var command in server.Commands) AssertParses(command);
    }

    /// <summary>The parser's own errors, each with its line, or nothing.</summary>
    private static void AssertParses(string sql)
    {
        var parser = new TSql160Parser(initialQuotedIdentifiers: true);
        using var reader = new StringReader(sql);
        parser.Parse(reader, out var errors);
        Assert.True(errors.Count == 0,
            string.Join("\n", errors.Select(e => $"line {e.Line}, column {e.Column}: {e.Message}")) + "\nin:\n" + sql);
    }
}
