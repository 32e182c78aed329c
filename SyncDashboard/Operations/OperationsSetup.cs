using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using SyncDashboard.Access;
using SyncDashboard.Configuration;
using SyncDashboard.Sync;

namespace SyncDashboard.Operations;

/// <summary>What an operator's tools read: health endpoints for probes, OpenTelemetry (OTLP when the standard
/// <c>OTEL_*</c> variables say where, an optional Prometheus scrape endpoint), the status badge and the console log's
/// scopes.</summary>
public static class OperationsSetup
{
    public const string LivePath = "/healthz/live";
    public const string ReadyPath = "/healthz/ready";
    public const string ReadyTag = "ready";
    public const string PrometheusPath = "/metrics";
    public const string BadgeSvgPath = "/badge.svg";
    public const string BadgeJsonPath = "/badge.json";

    /// <summary>The variables that switch OTLP export on, as the OpenTelemetry specification names them.</summary>
    public static readonly string[] OtlpEndpointVariables =
    [
        "OTEL_EXPORTER_OTLP_ENDPOINT",
        "OTEL_EXPORTER_OTLP_TRACES_ENDPOINT",
        "OTEL_EXPORTER_OTLP_METRICS_ENDPOINT",
        "OTEL_EXPORTER_OTLP_LOGS_ENDPOINT",
    ];

    public static IHostApplicationBuilder AddOperations(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<TelemetryOptions>(TelemetryOptions.Section);
        services.AddValidatedOptions<BadgeOptions>(BadgeOptions.Section);
        services.AddSingleton<SyncStateGauges>();

        services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag])
            .AddCheck<HangfireServerHealthCheck>("hangfire-server", tags: [ReadyTag])
            .AddCheck<SimulatorHealthCheck>("simulator", tags: [ReadyTag]);

        var configuration = builder.Configuration;
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource =>
            {
                // OTEL_SERVICE_NAME, when set, names the service; otherwise the app does.
                if (string.IsNullOrWhiteSpace(configuration["OTEL_SERVICE_NAME"])) resource.AddService("SyncDashboard");
            })
            .WithMetrics(metrics => metrics
                .AddMeter(SyncTelemetry.Name)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                // Collected only when scraped; the endpoint is mapped only with Telemetry:Prometheus=true.
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(SyncTelemetry.Name)
                // Probes and scrapes every few seconds would bury the requests worth reading.
                .AddAspNetCoreInstrumentation(o => o.Filter = context => !IsProbe(context.Request.Path))
                // Spans name the URL (query values redacted) and never a header: the token stays out.
                .AddHttpClientInstrumentation());
        if (OtlpEndpointVariables.Any(v => !string.IsNullOrWhiteSpace(configuration[v]))) telemetry.UseOtlpExporter();

        // JSON console logs (Logging:Console:FormatterName=json) carry each run's event id, type and trigger.
        services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);
        return builder;
    }

    public static WebApplication MapOperations(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, new HealthCheckOptions
        {
            // The process answers: no check runs.
            Predicate = _ => false,
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous().ExcludeFromDescription();
        app.MapHealthChecks(ReadyPath, new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthResponse.WriteAsync,
        }).AllowAnonymous().ExcludeFromDescription();

        // Created now, so the gauges exist before the first collection.
        app.Services.GetRequiredService<SyncStateGauges>();
        if (app.Services.GetRequiredService<IOptions<TelemetryOptions>>().Value.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(PrometheusPath).RequireAuthorization(AccessPolicies.View);
        }

        if (app.Services.GetRequiredService<IOptions<BadgeOptions>>().Value.Enabled)
        {
            app.MapGet(BadgeSvgPath, async (SyncStateGauges state, HttpContext context, CancellationToken ct) =>
            {
                var badge = StatusBadge.For((await state.ReadAsync(ct))?.Health);
                NotCached(context);
                return Results.Content(badge.ToSvg(), "image/svg+xml; charset=utf-8");
            }).AllowAnonymous().ExcludeFromDescription();
            app.MapGet(BadgeJsonPath, async (SyncStateGauges state, HttpContext context, CancellationToken ct) =>
            {
                var badge = StatusBadge.For((await state.ReadAsync(ct))?.Health);
                NotCached(context);
                return Results.Json(badge.ToEndpointJson());
            }).AllowAnonymous().ExcludeFromDescription();
        }
        return app;
    }

    /// <summary>Image proxies (GitHub's camo) keep what they may; a badge must show the health of now.</summary>
    private static void NotCached(HttpContext context) => context.Response.Headers.CacheControl = "no-cache, max-age=0";

    private static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz") || path.StartsWithSegments(PrometheusPath) || path.StartsWithSegments("/badge.svg")
        || path.StartsWithSegments("/badge.json");
}
