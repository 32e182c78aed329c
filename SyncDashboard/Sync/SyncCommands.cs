using SyncDashboard.Monitoring;

namespace SyncDashboard.Sync;

/// <summary>What "Sync now" returns: the Hangfire job id, or why nothing was enqueued.</summary>
public sealed record SyncRequestResult(string? JobId, string? RefusedBecause)
{
    public bool Accepted => JobId is not null;
}

/// <summary>The actions the dashboard and the API offer; they enqueue Hangfire jobs and never sync inline.</summary>
public sealed class SyncCommands
{
    public Task<SyncRequestResult> RequestSyncAsync(SyncType type, CancellationToken ct) =>
        Task.FromResult(new SyncRequestResult(null, "not wired yet"));
}
