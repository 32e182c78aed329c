namespace SyncDashboard.Data;

/// <summary>How a mirror verification ended (stored as text).</summary>
public enum VerificationOutcome
{
    /// <summary>Lined up with Todoist and found equal, object by object.</summary>
    Exact,
    /// <summary>Lined up with Todoist and found objects missing, extra or changed.</summary>
    Drift,
    /// <summary>Todoist kept changing between the answers (or refused the stored token): no comparison was made,
    /// rather than one that could raise a false alarm.</summary>
    NotAligned,
    /// <summary>Not attempted or given up: Todoist was rate-limiting the account.</summary>
    Skipped,
}
