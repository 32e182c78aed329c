namespace SyncDashboard.Api;

public static class ApiSetup
{
    public static WebApplication MapApi(this WebApplication app)
    {
        app.Services.GetRequiredService<ILoggerFactory>();
        return app;
    }
}
