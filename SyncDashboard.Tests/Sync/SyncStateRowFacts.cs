using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Sync;

/// <summary>On a fresh database several runs create the state row at once (the start-up sync and a webhook's, or two
/// nodes). Creating it must never fail a command: EF Core logs every failed command as an error.</summary>
public sealed class SyncStateRowFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothProviders]
    public async Task Ensure_WhenAnotherRunInsertsTheRowJustBeforeOurs_NoCommandFails_AndOneRowIsThere(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        // Just before our insert reaches the database, "another run" commits the same row.
        var rival = new RivalInsert(database, "todoist");

        await SyncStateRow.EnsureAsync(database.Factory(rival), "todoist", Ct);

        Assert.True(rival.Inserted, "the rival's insert never ran, so no race was staged");
        Assert.Empty(rival.Failures);
        await using var db = database.Open();
        Assert.Equal(1, await db.SyncStates.CountAsync(s => s.Service == "todoist", Ct));
    }

    [Theory, BothProviders]
    public async Task Ensure_ManyAtOnceOnAFreshDatabase_CreatesOneDefaultRow_AndNoCommandFails(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var failures = new FailedCommands();
        var factory = database.Factory(failures);

        for (var round = 0; round < 5; round++)
        {
            var service = $"service-{round}";
            using var go = new ManualResetEventSlim();
            var callers = Enumerable.Range(0, 8)
                .Select(_ => Task.Run(async () => { go.Wait(Ct); await SyncStateRow.EnsureAsync(factory, service, Ct); }, Ct))
                .ToList();
            go.Set();
            await Task.WhenAll(callers);
        }

        Assert.Empty(failures.Messages);
        await using var db = database.Open();
        var rows = await db.SyncStates.AsNoTracking().Where(s => s.Service.StartsWith("service-")).ToListAsync(Ct);
        Assert.Equal(5, rows.Count);
        Assert.All(rows, row =>
        {
            Assert.True(row.IsHealthy);
            Assert.Equal(0, row.ConsecutiveFailures);
            Assert.False(row.IsPaused);
            Assert.Null(row.LeaseOwner);
        });
    }

    [Theory, BothProviders]
    public async Task Ensure_KeepsAnExistingRowAsItIs(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            db.SyncStates.Add(new SyncState { Service = "todoist", LastSyncToken = "kept", ConsecutiveFailures = 3 });
            await db.SaveChangesAsync(Ct);
        }

        await SyncStateRow.EnsureAsync(database.Factory(), "todoist", Ct);

        await using var check = database.Open();
        var row = await check.SyncStates.AsNoTracking().SingleAsync(Ct);
        Assert.Equal("kept", row.LastSyncToken);
        Assert.Equal(3, row.ConsecutiveFailures);
    }

    /// <summary>There is no SQL Server here: the statement is captured instead of sent, to show it is the one guarded
    /// insert (the check holds its lock until the insert), not a check and then an insert.</summary>
    [Fact]
    public async Task Ensure_OnSqlServer_IsOneInsertGuardedByAKeyRangeLock()
    {
        var sqlServer = new SqlServerStatementCapture(rowsAffected: 1);

        await SyncStateRow.EnsureAsync(sqlServer, "todoist", Ct);

        var command = Assert.Single(sqlServer.Commands);
        Assert.StartsWith("INSERT INTO [sync_state]", command.Trim());
        Assert.Contains("WHERE NOT EXISTS", command);
        Assert.Contains("WITH (UPDLOCK, HOLDLOCK)", command);
    }

    private class FailedCommands : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Messages { get; } = new();

        public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken ct = default)
        {
            Messages.Enqueue(eventData.Exception.Message);
            return base.CommandFailedAsync(command, eventData, ct);
        }

        public override void CommandFailed(DbCommand command, CommandErrorEventData eventData)
        {
            Messages.Enqueue(eventData.Exception.Message);
            base.CommandFailed(command, eventData);
        }
    }

    /// <summary>Commits the row over a connection of its own right before the first insert into sync_state runs.</summary>
    private sealed class RivalInsert(TestDatabase database, string service) : FailedCommands
    {
        public bool Inserted { get; private set; }

        public IEnumerable<string> Failures => Messages;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            InsertFirst(command);
            return base.NonQueryExecutingAsync(command, eventData, result, ct);
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            InsertFirst(command);
            return base.ReaderExecutingAsync(command, eventData, result, ct);
        }

        private void InsertFirst(DbCommand command)
        {
            if (Inserted || !command.CommandText.Contains("INSERT INTO \"sync_state\"", StringComparison.Ordinal)) return;
            Inserted = true;
            // Its own connection and transaction, committed before ours runs.
            using var rival = database.Open();
            rival.SyncStates.Add(new SyncState { Service = service, IsHealthy = true });
            rival.SaveChanges();
        }
    }
}
