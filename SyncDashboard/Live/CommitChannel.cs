using Microsoft.Extensions.Options;
using Npgsql;
using SyncDashboard.Data;

namespace SyncDashboard.Live;

/// <summary>On PostgreSQL, nodes tell each other of commits at once instead of waiting for the watermark poller:
/// each commit this node announces is sent as <c>NOTIFY</c> on <see cref="Channel"/> with the node's name, and a
/// dedicated connection <c>LISTEN</c>s and raises the notifier for every other node's commit. PostgreSQL delivers a
/// notification only after its transaction commits, and ends a <c>LISTEN</c> with the session, so a lost connection is
/// reopened and listened on again; the poller stays on as the fallback (and is all SQLite and SQL Server have).</summary>
public sealed class CommitChannel(
    IOptions<DatabaseOptions> database,
    MonitoringNotifier notifier,
    ILogger<CommitChannel> logger) : BackgroundService
{
    public const string Channel = "syncdashboard_commits";

    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    /// <summary>This node's name in the payload, so it can tell its own commits from the others' (per host, not per
    /// process: tests run several hosts in one process).</summary>
    private readonly string self = Guid.NewGuid().ToString("N");
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once this node listens: from then on every other node's announced commit reaches it.</summary>
    internal Task Listening => listening.Task;

    private bool Enabled => database.Value.Provider == DatabaseProvider.PostgreSql;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        notifier.AfterAnnouncedChange = () => SendAsync(stoppingToken);
        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await ListenAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    logger.LogWarning(ex, "Listening for other nodes' commits failed; listening again in {Delay}", Reconnect);
                    await Task.Delay(Reconnect, stoppingToken);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            notifier.AfterAnnouncedChange = null;
        }
    }

    private async Task ListenAsync(CancellationToken ct)
    {
        // Its own unpooled connection, kept alive: a pooled one could be handed back with LISTEN still on it.
        var builder = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString) { Pooling = false, KeepAlive = 30 };
        await using var connection = new NpgsqlConnection(builder.ConnectionString);
        connection.Notification += (_, e) =>
        {
            if (e.Payload == self) return; // our own commit, already announced here
            _ = notifier.NotifyOtherWriterAsync();
        };
        await connection.OpenAsync(ct);
        await using (var listen = new NpgsqlCommand($"LISTEN {Channel}", connection))
        {
            await listen.ExecuteNonQueryAsync(ct);
        }
        listening.TrySetResult();
        // A commit announced while we were reconnecting was missed here; tell the pages to look once.
        await notifier.NotifyOtherWriterAsync();
        while (!ct.IsCancellationRequested) await connection.WaitAsync(ct);
    }

    private async Task SendAsync(CancellationToken ct)
    {
        try
        {
            var builder = new NpgsqlConnectionStringBuilder(database.Value.ConnectionString);
            await using var connection = new NpgsqlConnection(builder.ConnectionString);
            await connection.OpenAsync(ct);
            await using var notify = new NpgsqlCommand("SELECT pg_notify(@channel, @node)", connection);
            notify.Parameters.AddWithValue("channel", Channel);
            notify.Parameters.AddWithValue("node", self);
            await notify.ExecuteNonQueryAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The other nodes' pollers still notice the commit.
            logger.LogDebug(ex, "Telling other nodes of a commit failed");
        }
    }
}
