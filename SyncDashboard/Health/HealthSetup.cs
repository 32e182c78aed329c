using SyncDashboard.Configuration;

namespace SyncDashboard.Health;

public static class HealthSetup
{
    public static IHostApplicationBuilder AddHealth(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<HealthOptions>(HealthOptions.Section);
        return builder;
    }
}
