using Hangfire;
using Microsoft.Extensions.Options;
using SyncDashboard.Monitoring.Retention;
using SyncDashboard.Monitoring.Rollups;

namespace SyncDashboard.Monitoring;

/// <summary>Registers the recurring housekeeping jobs at start-up, as <c>SyncSchedule</c> does the syncs. It touches
/// Hangfire's storage only; the jobs themselves run on the Hangfire server, after the migrator.</summary>
public sealed class MonitoringJobSchedule(
    IRecurringJobManager recurring,
    IOptions<RollupOptions> rollups,
    IOptions<RetentionOptions> retention,
    ILogger<MonitoringJobSchedule> logger) : IHostedService
{
    public Task StartAsync(CancellationToken ct)
    {
        var utc = new RecurringJobOptions { TimeZone = TimeZoneInfo.Utc };
        recurring.AddOrUpdate<MetricRollupJob>(MetricRollupJob.RecurringJobId,
            j => j.RunAsync(CancellationToken.None), rollups.Value.Cron, utc);
        recurring.AddOrUpdate<RetentionJob>(RetentionJob.RecurringJobId,
            j => j.RunAsync(CancellationToken.None), retention.Value.Cron, utc);
        logger.LogInformation("Recurring housekeeping: rollups '{Rollups}', retention '{Retention}' (UTC)",
            rollups.Value.Cron, retention.Value.Cron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken ct) => Task.CompletedTask;
}
