using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Sync.Mirror;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Sync;

/// <summary>The run no longer holds the lease (it expired, or its event was closed as abandoned by another node).</summary>
public sealed class LeaseLostException() : Exception("The run lost its lease before committing; nothing was applied.");
