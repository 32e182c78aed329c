using System.Text.Json.Serialization;

namespace SyncDashboard.Api;

public static class ApiSetup
{
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddProblemDetails();
        // The document at /openapi/v1.json describes every route below, built from their metadata at run time.
        builder.Services.AddOpenApi();
        // Enums travel as their names ("Succeeded"), the way the dashboard and the README show them.
        builder.Services.ConfigureHttpJsonOptions(json =>
            json.SerializerOptions.Converters.Add(new JsonStringEnumConverter()));
        return builder;
    }

    public static WebApplication MapApi(this WebApplication app)
    {
        // No prefix: the routes keep their own paths; the group only gives every one of them the filter.
        var api = app.MapGroup("").AddEndpointFilter<JsonBodiesOnly>();
        api.MapMonitoringApi();
        api.MapSyncApi();
        api.MapVerifyApi();
        api.MapPauseApi();
        api.MapErrorsApi();
        api.MapExportApi();
        api.MapAlertsApi();
        api.MapNotesApi();
        api.MapMaintenanceApi();
        app.MapOpenApi();
        return app;
    }
}
