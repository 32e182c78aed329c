using Microsoft.AspNetCore.WebUtilities;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>The error answers, shaped as Todoist's: <c>error</c>, <c>error_code</c>, <c>error_tag</c>, <c>http_code</c>
/// and an <c>error_extra</c> object, always. Tags and codes Todoist documents are used as written (AUTH_INVALID_TOKEN/401
/// on a 403, LIMITS_REACHED/35 on a 429, INVALID_ARGUMENT_VALUE/20 and ARGUMENT_MISSING/19 on a 400); the others are
/// not documented, so they follow Todoist's naming style and reuse the HTTP status as error_code.</summary>
internal static class SimulatorErrors
{
    public static SimulatorReply MissingToken() =>
        Error(401, "Unauthorized: no bearer token was sent", 401, "AUTH_NOT_AUTHORIZED");

    public static SimulatorReply InvalidToken() => Error(403, "Invalid token", 401, "AUTH_INVALID_TOKEN");

    public static SimulatorReply LimitsReached(int retryAfterSeconds) =>
        Error(429, "Too many requests. Limits reached. Try again later", 35, "LIMITS_REACHED",
            new() { ["retry_after"] = retryAfterSeconds });

    // The wording and tag both name the sync token: reference clients look for that to start over with a full sync.
    public static SimulatorReply InvalidSyncToken() =>
        Error(400, "Invalid sync token", 20, "INVALID_SYNC_TOKEN", new() { ["argument"] = "sync_token" });

    public static SimulatorReply ArgumentMissing(string argument) =>
        Error(400, "Required argument is missing", 19, "ARGUMENT_MISSING", new() { ["argument"] = argument });

    public static SimulatorReply InvalidArgumentValue(string argument) =>
        Error(400, "Invalid argument value", 20, "INVALID_ARGUMENT_VALUE", new() { ["argument"] = argument });

    /// <summary>Resource types Todoist serves (or nobody does) that the simulator does not model: refused, as Todoist
    /// refuses an argument it cannot serve, rather than answered as if the account had none of them.</summary>
    public static SimulatorReply NotModelled(IReadOnlyList<string> resourceTypes) =>
        Error(400, "Invalid argument value", 20, "INVALID_ARGUMENT_VALUE", new()
        {
            ["argument"] = "resource_types",
            ["explanation"] = $"The SyncDashboard simulator does not serve {string.Join(", ", resourceTypes)}; it serves " +
                              "items, projects, sections, labels and notes.",
        });

    /// <summary>A command's entry in <c>sync_status</c>: the simulator serves reads only, so every command is refused
    /// on its own, the way Todoist reports a command it cannot run, and the rest of the request is still served.</summary>
    public static SimulatorErrorBody CommandNotRun(string type) => new(
        "Invalid argument value", 20, "INVALID_ARGUMENT_VALUE", 400,
        new Dictionary<string, object>
        {
            ["argument"] = "type",
            ["explanation"] = $"The SyncDashboard simulator does not run commands ({type}): it serves reads only.",
        });

    public static SimulatorReply NotFound() => Error(404, "Not found", 404, "NOT_FOUND");

    public static SimulatorReply MethodNotAllowed() => Error(405, "Method not allowed", 405, "METHOD_NOT_ALLOWED");

    /// <summary>The body for a status the framework chose (routing's 404 and 405, a failure's 500).</summary>
    public static SimulatorReply ForStatus(int status) => Injected(status, retryAfterSeconds: 1);

    public static SimulatorReply TooLarge(long maxBytes) =>
        Error(413, $"Request body is larger than {maxBytes} bytes", 413, "REQUEST_TOO_LARGE");

    public static SimulatorReply UnsupportedMediaType() =>
        Error(415, "Send application/x-www-form-urlencoded or application/json", 415, "UNSUPPORTED_MEDIA_TYPE");

    /// <summary>An injected failure, as close as we can get to what Todoist sends with that status.</summary>
    public static SimulatorReply Injected(int status, int retryAfterSeconds) => status switch
    {
        429 => LimitsReached(retryAfterSeconds),
        403 => InvalidToken(),
        401 => MissingToken(),
        404 => NotFound(),
        405 => MethodNotAllowed(),
        500 => Error(500, "Internal server error", 500, "INTERNAL_SERVER_ERROR"),
        502 => Error(502, "Bad gateway", 502, "BAD_GATEWAY"),
        503 => Error(503, "Service unavailable", 503, "SERVICE_UNAVAILABLE"),
        504 => Error(504, "Gateway timeout", 504, "GATEWAY_TIMEOUT"),
        _ => Error(status, ReasonPhrases.GetReasonPhrase(status) is { Length: > 0 } reason ? reason : $"HTTP {status}",
            status, $"HTTP_{status}"),
    };

    private static SimulatorReply Error(int status, string error, int code, string tag, Dictionary<string, object>? extra = null)
    {
        extra ??= [];
        // Todoist attaches an event id to every error so support can find it; clients log it.
        extra["event_id"] = Guid.NewGuid().ToString("N");
        return new SimulatorReply(status, null, new SimulatorErrorBody(error, code, tag, status, extra));
    }
}
