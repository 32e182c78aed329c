using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>Simulates a crash between writing a sync's rows and committing them: when armed, the commit of the
/// transaction that stores a new sync token throws, exactly once.</summary>
public sealed class CrashBeforeTokenCommit : DbCommandInterceptor, IDbTransactionInterceptor
{
    private volatile bool armed;
    private DbTransaction? storingToken;

    public int Crashes { get; private set; }

    public void Arm() => armed = true;

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
    {
        Mark(command);
        return base.ReaderExecutingAsync(command, eventData, result, ct);
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
    {
        Mark(command);
        return base.NonQueryExecutingAsync(command, eventData, result, ct);
    }

    public ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken ct = default)
    {
        if (armed && ReferenceEquals(transaction, storingToken))
        {
            armed = false;
            Crashes++;
            throw new InvalidOperationException("Injected crash after the rows were written, before the commit.");
        }
        return ValueTask.FromResult(result);
    }

    private void Mark(DbCommand command)
    {
        if (command.Transaction is not null && command.CommandText.Contains("\"LastSyncToken\" = ", StringComparison.Ordinal))
        {
            storingToken = command.Transaction;
        }
    }
}
