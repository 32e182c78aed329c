using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SyncDashboard.Access;

namespace SyncDashboard.Webhooks;

/// <summary>The webhook endpoint is anonymous, and a refused request would cost a database write and a warning:
/// a per-address limit bounds both. Requests over it get 429 with <c>Retry-After</c> before the endpoint runs, so they
/// write nothing. The address is the connection's, which the forwarded-headers middleware has already replaced with
/// the client's when <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED=true</c>.</summary>
public static class WebhookRateLimit
{
    public const string Policy = "todoist-webhooks";

    public static IServiceCollection AddWebhookRateLimit(this IServiceCollection services)
    {
        services.AddSingleton<RefusalLogThrottle>();
        return services.AddRateLimiter(limiter =>
        {
            limiter.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            limiter.OnRejected = OnRejectedAsync;
            limiter.AddPolicy(Policy, Partition);
        });
    }

    private static RateLimitPartition<string> Partition(HttpContext http)
    {
        var permits = http.RequestServices.GetRequiredService<IOptions<WebhookOptions>>().Value.RateLimit.PermitsPerMinute;
        if (permits == 0) return RateLimitPartition.GetNoLimiter("");
        return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http),
            _ => new FixedWindowRateLimiterOptions
            {
                PermitLimit = permits,
                Window = TimeSpan.FromMinutes(1),
                QueueLimit = 0,
                AutoReplenishment = true,
            });
    }

    private static async ValueTask OnRejectedAsync(OnRejectedContext context, CancellationToken ct)
    {
        var http = context.HttpContext;
        var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : TimeSpan.FromMinutes(1);
        var seconds = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds));
        http.Response.Headers.RetryAfter = seconds.ToString(CultureInfo.InvariantCulture);

        var remote = ClientAddress.Of(http);
        var logger = http.RequestServices.GetRequiredService<ILogger<WebhookInbox>>();
        // Throttled apart from the endpoint's own refusals, so that the limit coming into force is always seen.
        logger.Log(http.RequestServices.GetRequiredService<RefusalLogThrottle>().LevelFor("429 " + remote),
            "Webhook requests from {Remote} over Webhooks:RateLimit:PermitsPerMinute: answered 429", remote);
        await TypedResults.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many webhook requests",
                detail: $"This address sent more webhook requests than allowed per minute; retry after {seconds} s.")
            .ExecuteAsync(http);
    }
}
