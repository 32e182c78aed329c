namespace SyncDashboard.Monitoring.Queries;

/// <summary>One thing that spent an objective's error budget in its window, in the objective's unit
/// (<paramref name="Amount"/> attempts or minutes): the failed attempts of one error chain (<c>chain</c>, with its
/// id and last error code), failed attempts without a stored chain (<c>failures</c>: runs closed as abandoned, or
/// whose events retention purged; only the rollups remember them), or a period the mirror was stale (<c>stale</c>).
/// Failures are dated by their end times, from the first to the last.</summary>
public sealed record SloSpentItem(string Kind, DateTime StartUtc, DateTime EndUtc, double Amount, long? ChainId, string? ErrorCode)
{
    public const string Chain = "chain";
    public const string Failures = "failures";
    public const string Stale = "stale";
}
