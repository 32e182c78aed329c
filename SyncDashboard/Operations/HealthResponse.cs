using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace SyncDashboard.Operations;

/// <summary>What the health endpoints answer: the bare status word to anyone (a probe needs no more, and a stranger
/// should learn no more), each check's status and reason to a signed-in user and in Development.</summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext context, HealthReport report)
    {
        var details = context.User.Identity?.IsAuthenticated == true
                      || context.RequestServices.GetRequiredService<IHostEnvironment>().IsDevelopment();
        context.Response.Headers.CacheControl = "no-store";
        if (!details)
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync(report.Status.ToString());
        }
        context.Response.ContentType = "application/json; charset=utf-8";
        return context.Response.WriteAsync(JsonSerializer.Serialize(new
        {
            status = report.Status.ToString(),
            durationMs = Math.Round(report.TotalDuration.TotalMilliseconds, 1),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Description ?? e.Value.Exception?.Message,
                durationMs = Math.Round(e.Value.Duration.TotalMilliseconds, 1),
            }),
        }));
    }
}
