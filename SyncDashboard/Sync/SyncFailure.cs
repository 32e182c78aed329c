using SyncDashboard.Data;
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

    // The columns' lengths: strings from Todoist (or a proxy in front of it) are cut to fit, so an odd answer can
    // still be recorded on SQL Server, which refuses to truncate.
    private const int MaxCodeLength = 64;
    private const int MaxEventIdLength = 128;

    public static SyncFailure From(Exception exception) => exception switch
    {
        TodoistApiException t => new(t.Kind, Cap(t.Code, MaxCodeLength)!, Trim(t.Message), t.HttpStatus,
            Cap(t.ErrorTag, MaxCodeLength), t.TodoistErrorCode, Cap(t.EventId, MaxEventIdLength), t.RetryAfter),
        // The app stopping is handled before this; what is left is the run's own time limit.
        OperationCanceledException => new(FailureKind.Transient, "RUN_TIMEOUT",
            "The run took longer than Sync:RunTimeoutSeconds allows and was stopped; nothing of it was applied."),
        _ => new(FailureKind.Unknown, "INTERNAL_ERROR", Trim($"{exception.GetType().Name}: {exception.Message}")),
    };

    private static string? Cap(string? text, int length) => text is null || text.Length <= length ? text : text[..length];

    private static string Trim(string message) =>
        message.Length <= MaxMessageLength ? message : message[..(MaxMessageLength - 1)] + "…";
}
