using SyncDashboard.Monitoring;
using SyncDashboard.Todoist;

namespace SyncDashboard.Sync;

/// <summary>Why an attempt failed, as recorded on its event and its error chain.</summary>
public sealed record SyncFailure(
    FailureKind Kind,
    string Code,
    string Message,
    int? HttpStatus = null,
    string? TodoistErrorTag = null,
    int? TodoistErrorCode = null,
    string? TodoistEventId = null,
    TimeSpan? RetryAfter = null)
{
    public const int MaxMessageLength = 2000;

    public static SyncFailure From(Exception exception) => exception switch
    {
        TodoistApiException t => new(t.Kind, t.Code, Trim(t.Message), t.HttpStatus, t.ErrorTag, t.TodoistErrorCode,
            t.EventId, t.RetryAfter),
        OperationCanceledException => new(FailureKind.Unknown, "CANCELLED",
            "The run was cancelled (the app was shutting down or the run timed out)."),
        _ => new(FailureKind.Unknown, "INTERNAL_ERROR", Trim($"{exception.GetType().Name}: {exception.Message}")),
    };

    private static string Trim(string message) =>
        message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength - 1)] + "…";
}
