using SyncDashboard.Configuration;

namespace SyncDashboard.Live;

public static class LiveSetup
{
    /// <summary>The in-process change notifier and the watermark poller that hears of other nodes' commits.</summary>
    public static IHostApplicationBuilder AddLiveUpdates(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<MonitoringNotifier>();
        services.AddValidatedOptions<LiveOptions>(LiveOptions.Section);
        services.AddHostedService<WatermarkPoller>();
        return builder;
    }
}
