using Hangfire;
using Microsoft.Extensions.Options;
using SyncDashboard.Configuration;
using SyncDashboard.Monitoring.Retention;
using SyncDashboard.Monitoring.Rollups;

namespace SyncDashboard.Monitoring;

public static class MonitoringJobs
{
    /// <summary>The monitoring database's housekeeping: rollups and retention as recurring Hangfire jobs. Needs
    /// Hangfire, so it comes after <c>AddSync</c>.</summary>
    public static IHostApplicationBuilder AddMonitoringJobs(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<RollupOptions>(RollupOptions.Section);
        services.AddValidatedOptions<RetentionOptions>(RetentionOptions.Section);
        services.AddSingleton<MetricRollups>();
        services.AddSingleton<RetentionPurge>();
        services.AddTransient<MetricRollupJob>();
        services.AddTransient<RetentionJob>();
        services.AddHostedService<MonitoringJobSchedule>();
        return builder;
    }
}
