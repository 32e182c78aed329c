using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Monitoring;
using SyncDashboard.Sync;
using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Webhooks;

public enum InboxOutcome { Recorded, Duplicate }
