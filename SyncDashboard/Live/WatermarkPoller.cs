using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Configuration;
using SyncDashboard.Data;

namespace SyncDashboard.Live;

/// <summary>Keeps pages live when several nodes share one database: a commit made by another node's worker is never
/// announced to this process's <see cref="MonitoringNotifier"/>, so this polls a <see cref="Watermark"/> and raises
/// the notifier when it moved for a reason nobody here announced.</summary>
/// <remarks>Every announced commit first records the watermark as it stands (before any page reloads), so a local
/// sync costs the pages no second reload; whatever moves the watermark beyond that was written elsewhere.</remarks>
public sealed class WatermarkPoller(
    IDbContextFactory<MonitoringDbContext> dbFactory,
    MonitoringNotifier notifier,
    IOptions<LiveOptions> options,
    TimeProvider time,
    ILogger<WatermarkPoller> logger) : BackgroundService
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Watermark? known;

    /// <summary>Completes once the first watermark was read: from then on every unannounced commit is noticed.</summary>
    internal Task Ready => ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.PollIntervalMs;
        if (interval == 0) return;
        notifier.BeforeAnnouncedChange = () => RecordAnnouncedAsync(stoppingToken);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(interval), time);
        try
        {
            await BaselineAsync(interval, stoppingToken);
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    if (await MovedElsewhereAsync(stoppingToken)) await notifier.NotifyOtherWriterAsync();
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // A database hiccup (still migrating, a locked file) must not end live updates for good.
                    logger.LogWarning(ex, "Reading the monitoring watermark failed; trying again in {IntervalMs} ms", interval);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { }
        finally
        {
            notifier.BeforeAnnouncedChange = null;
        }
    }

    /// <summary>The watermark before the first tick, so a commit made elsewhere right after start-up is not taken for
    /// the starting point. Retried while the database is not ready yet (still migrating).</summary>
    private async Task BaselineAsync(int intervalMs, CancellationToken ct)
    {
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await MovedElsewhereAsync(ct);
                ready.TrySetResult();
                return;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogDebug(ex, "The monitoring watermark cannot be read yet");
                await Task.Delay(TimeSpan.FromMilliseconds(intervalMs), time, ct);
            }
        }
    }

    /// <summary>True when the watermark moved since it was last seen or announced. The first read only sets the
    /// baseline: a page opened after start-up loaded everything written before it.</summary>
    internal async Task<bool> MovedElsewhereAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            var current = await ReadAsync(ct);
            var moved = known is not null && current != known;
            known = current;
            if (moved) logger.LogDebug("Monitoring watermark moved without an announcement: {Watermark}", current);
            return moved;
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task RecordAnnouncedAsync(CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try { known = await ReadAsync(ct); }
        finally { gate.Release(); }
    }

    private async Task<Watermark> ReadAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await Watermark.ReadAsync(db, ServiceName.Todoist, ct);
    }

    public override void Dispose()
    {
        gate.Dispose();
        base.Dispose();
    }
}
