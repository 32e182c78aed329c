using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Sync.Mirror;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Sync;

public enum SyncOutcomeKind { Succeeded, Failed, Skipped, Deferred, Paused }
