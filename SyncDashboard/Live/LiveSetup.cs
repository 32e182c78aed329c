using SyncDashboard.Configuration;

namespace SyncDashboard.Live;

public static class LiveSetup
{
    /// <summary>The in-process change notifier, and what hears of other nodes' commits: the watermark poller, and on
    /// PostgreSQL the commit channel.</summary>
    public static IHostApplicationBuilder AddLiveUpdates(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<MonitoringNotifier>();
        services.AddValidatedOptions<LiveOptions>(LiveOptions.Section);
        services.AddHostedService<WatermarkPoller>();
        // PostgreSQL only: other nodes' commits arrive by LISTEN/NOTIFY at once; the poller stays as the fallback.
        services.AddSingleton<CommitChannel>();
        services.AddHostedService(sp => sp.GetRequiredService<CommitChannel>());
        return builder;
    }
}
