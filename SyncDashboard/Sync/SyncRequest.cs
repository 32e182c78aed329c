using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;
using SyncDashboard.Sync.Mirror;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Sync;

/// <param name="ChainId">For a retry: the failure chain it retries.</param>
public sealed record SyncRequest(SyncType Type, SyncTrigger Trigger, string? JobId = null, long? ChainId = null);
