using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Access;

/// <summary>At most <c>Access:SignInsPerAddressPerMinute</c> sign-in posts per client address (ASP.NET Core's rate
/// limiter, on the sign-in endpoint only). Over it, the post is answered exactly as a failed sign-in, before the
/// password is looked at: a guesser learns nothing and costs no hash computation.</summary>
public sealed class SignInRateLimit : IRateLimiterPolicy<string>
{
    public const string Policy = "sign-in";

    public RateLimitPartition<string> GetPartition(HttpContext http)
    {
        var permits = http.RequestServices.GetRequiredService<IOptions<AccessOptions>>().Value.SignInsPerAddressPerMinute;
        if (permits == 0) return RateLimitPartition.GetNoLimiter("");
        return RateLimitPartition.GetFixedWindowLimiter(ClientAddress.Of(http), _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permits,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
            AutoReplenishment = true,
        });
    }

    public Func<OnRejectedContext, CancellationToken, ValueTask>? OnRejected { get; } = async (context, ct) =>
    {
        var http = context.HttpContext;
        var remote = ClientAddress.Of(http);
        var logger = http.RequestServices.GetRequiredService<ILogger<SignInRateLimit>>();
        logger.Log(http.RequestServices.GetRequiredService<RefusalWarnings>().LevelFor("sign-in rate", remote),
            "Sign-in refused: more than Access:SignInsPerAddressPerMinute attempts from {Remote}", remote);
        await SignInEndpoints.FailedAsync(http, ct);
    };
}
