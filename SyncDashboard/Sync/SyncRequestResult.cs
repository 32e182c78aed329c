
namespace SyncDashboard.Sync;

/// <summary>What "Sync now" returns: the Hangfire job id, or why nothing was enqueued.</summary>
public sealed record SyncRequestResult(string? JobId, string? RefusedBecause)
{
    public bool Accepted => JobId is not null;
}
