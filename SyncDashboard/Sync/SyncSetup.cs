namespace SyncDashboard.Sync;

public static class SyncSetup
{
    public static IHostApplicationBuilder AddSync(this IHostApplicationBuilder builder)
    {
        return builder;
    }

    public static WebApplication MapSyncConsole(this WebApplication app)
    {
        return app;
    }
}
