using SyncDashboard.Configuration;

namespace SyncDashboard.Slo;

public static class SloSetup
{
    public static IHostApplicationBuilder AddSlo(this IHostApplicationBuilder builder)
    {
        builder.Services.AddValidatedOptions<SloOptions>(SloOptions.Section);
        return builder;
    }
}
