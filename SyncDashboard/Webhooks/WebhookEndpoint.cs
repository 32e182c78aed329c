using System.Buffers;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Wire;
using SyncDashboard.Access;

namespace SyncDashboard.Webhooks;

/// <summary><c>POST /webhooks/todoist</c>: Todoist's webhook callback. Anonymous (Todoist cannot sign in) and exempt
/// from antiforgery; the HMAC signature over the raw body is its authentication, checked before anything is parsed.</summary>
public static class WebhookEndpoint
{
    public const string Path = "/webhooks/todoist";
    public const int MaxDeliveryIdLength = 128;

    public static RouteHandlerBuilder MapTodoistWebhooks(this IEndpointRouteBuilder routes) =>
        routes.MapPost(Path, ReceiveAsync)
            .AllowAnonymous()
            .DisableAntiforgery()
            .RequireRateLimiting(WebhookRateLimit.Policy)
            .WithTags("Webhooks")
            .WithSummary("Receive a Todoist webhook delivery")
            .WithDescription("Verifies X-Todoist-Hmac-SHA256 (base64 HMAC-SHA256 of the raw body keyed with " +
                "Todoist:ClientSecret) before parsing. 200: recorded (or a known X-Todoist-Delivery-ID, not processed " +
                "again), and a webhook sync is queued (one per burst within Webhooks:DebounceSeconds). 401: missing or " +
                "wrong signature. 413: body over Webhooks:MaxBodyBytes. 400: well signed but malformed. 429: this client " +
                "address is over Webhooks:RateLimit:PermitsPerMinute (Retry-After says when to come back); nothing is " +
                "recorded. 503: no secret configured (a Todoist token without Todoist:ClientSecret).")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    private static async Task<IResult> ReceiveAsync(
        HttpContext http, WebhookSecret secret, WebhookInbox inbox, IOptions<WebhookOptions> options,
        RefusalLogThrottle throttle, ILogger<WebhookInbox> logger, CancellationToken ct)
    {
        if (!secret.IsEnabled)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Webhooks are off",
                detail: "A Todoist token is configured but no Todoist:ClientSecret, so signatures cannot be checked.");
        }
        var address = http.Connection.RemoteIpAddress;
        var refusals = new Refusals(inbox, logger, () => throttle.LevelFor(ClientAddress.Key(address)),
            address?.ToString() ?? "unknown");
        var max = options.Value.MaxBodyBytes;
        if (http.Request.ContentLength > max) return await refusals.TooLargeAsync(max, ct);

        var signature = http.Request.Headers[WebhookSignature.Header].ToString();
        if (signature.Length == 0)
        {
            return await refusals.RejectAsync(WebhookRejectionReason.MissingSignature, ct);
        }
        var body = await ReadCappedAsync(http.Request.Body, max, ct);
        if (body is null) return await refusals.TooLargeAsync(max, ct);
        if (!secret.Verify(body, signature))
        {
            return await refusals.RejectAsync(WebhookRejectionReason.BadSignature, ct);
        }

        var deliveryId = http.Request.Headers[WebhookSignature.DeliveryIdHeader].ToString().Trim();
        if (deliveryId.Length is 0 or > MaxDeliveryIdLength)
        {
            return await refusals.MalformedAsync(
                $"{WebhookSignature.DeliveryIdHeader} is required (1 to {MaxDeliveryIdLength} characters).", ct);
        }
        if (!WebhookPayload.TryParse(body, out var payload, out var problem))
        {
            return await refusals.MalformedAsync(problem!, ct);
        }

        var outcome = await inbox.AcceptAsync(deliveryId, payload!, ct);
        logger.LogInformation("Webhook {EventName} delivery {DeliveryId}: {Outcome}", payload!.EventName, deliveryId, outcome);
        return TypedResults.Ok();
    }

    /// <summary>The raw body, or null when it is longer than <paramref name="max"/> (read no further than that).</summary>
    private static async Task<byte[]?> ReadCappedAsync(Stream body, int max, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Min(max + 1, 16 * 1024));
        while (true)
        {
            var span = buffer.GetMemory(4096);
            var read = await body.ReadAsync(span, ct);
            if (read == 0) return buffer.WrittenSpan.ToArray();
            buffer.Advance(read);
            if (buffer.WrittenCount > max) return null;
        }
    }

    /// <summary>A refused request: counted exactly (it got past the rate limit), logged as a warning at most once a
    /// minute per address and at Debug otherwise.</summary>
    private sealed class Refusals(WebhookInbox inbox, ILogger logger, Func<LogLevel> level, string remote)
    {
        public async Task<IResult> RejectAsync(WebhookRejectionReason reason, CancellationToken ct)
        {
            await inbox.CountRejectionAsync(reason, ct);
            // Neither the signature nor the secret is logged: only that it failed and where the request came from.
            logger.Log(level(), "Webhook refused from {Remote}: {Reason}", remote, reason);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Invalid webhook signature",
                detail: reason == WebhookRejectionReason.MissingSignature
                    ? $"The {WebhookSignature.Header} header is missing."
                    : $"The {WebhookSignature.Header} header does not match the body.");
        }

        public async Task<IResult> TooLargeAsync(int max, CancellationToken ct)
        {
            await inbox.CountRejectionAsync(WebhookRejectionReason.TooLarge, ct);
            logger.Log(level(), "Webhook refused from {Remote}: body over {Max} bytes", remote, max);
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Webhook body too large",
                detail: $"Bodies are limited to {max} bytes (Webhooks:MaxBodyBytes).");
        }

        public async Task<IResult> MalformedAsync(string problem, CancellationToken ct)
        {
            await inbox.CountRejectionAsync(WebhookRejectionReason.Malformed, ct);
            logger.Log(level(), "Webhook from {Remote} well signed but malformed: {Problem}", remote, problem);
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Malformed webhook", detail: problem);
        }
    }
}
