using SyncDashboard.Monitoring.Notes;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Monitoring;

public static class MonitoringSetup
{
    /// <summary>The read side: one singleton per query class, each opening a context per call.</summary>
    public static IHostApplicationBuilder AddMonitoringQueries(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<EventQueries>();
        services.AddSingleton<StateQueries>();
        services.AddSingleton<ErrorQueries>();
        services.AddSingleton<MetricQueries>();
        services.AddSingleton<TimelineQueries>();
        services.AddSingleton<PerformanceQueries>();
        services.AddSingleton<PerformanceTrendQueries>();
        services.AddSingleton<FreshnessQueries>();
        services.AddSingleton<SloQueries>();
        services.AddSingleton<HealthQueries>();
        services.AddSingleton<DashboardQueries>();
        services.AddSingleton<PauseQueries>();
        services.AddSingleton<VerificationQueries>();
        // Operators' notes on the timeline: read with the rest, written through their own audited commands.
        services.AddSingleton<NoteQueries>();
        services.AddSingleton<NoteCommands>();
        return builder;
    }
}
