using SyncDashboard.Data;

namespace SyncDashboard.Todoist;

/// <summary>A failed Todoist call, classified. Never carries the API token.</summary>
public sealed class TodoistApiException(
    FailureKind kind,
    string code,
    string message,
    int? httpStatus = null,
    string? errorTag = null,
    int? todoistErrorCode = null,
    string? eventId = null,
    TimeSpan? retryAfter = null,
    Exception? inner = null) : Exception(message, inner)
{
    public FailureKind Kind { get; } = kind;

    /// <summary>Todoist's <c>error_tag</c> when it sent one, else ours: TIMEOUT, NETWORK, HTTP_503, MALFORMED_RESPONSE.</summary>
    public string Code { get; } = code;

    public int? HttpStatus { get; } = httpStatus;
    public string? ErrorTag { get; } = errorTag;
    public int? TodoistErrorCode { get; } = todoistErrorCode;
    public string? EventId { get; } = eventId;
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
