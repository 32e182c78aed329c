using SyncDashboard.Data;

namespace SyncDashboard.Todoist;

/// <summary>Maps a Todoist error response to a <see cref="FailureKind"/>. Pure, so it is tested as a table.</summary>
public static class FailureClassifier
{
    public static FailureKind Classify(int httpStatus, string? errorTag, string? error) => httpStatus switch
    {
        400 when MentionsSyncToken(errorTag) || MentionsSyncToken(error) => FailureKind.InvalidSyncToken,
        400 => FailureKind.Contract,
        // Todoist sends bad credentials as 403 as often as 401: both need a human to fix the token.
        401 or 403 => FailureKind.Credentials,
        404 or 405 or 410 or 413 or 415 => FailureKind.Contract,
        429 => FailureKind.RateLimited,
        408 or >= 500 and <= 599 => FailureKind.Transient,
        _ => FailureKind.Unknown,
    };

    private static bool MentionsSyncToken(string? text) =>
        text is not null &&
        (text.Contains("sync_token", StringComparison.OrdinalIgnoreCase) ||
         text.Contains("sync token", StringComparison.OrdinalIgnoreCase));
}
