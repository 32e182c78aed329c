using Microsoft.EntityFrameworkCore;
using SyncDashboard.Monitoring;

namespace SyncDashboard.Sync;

public sealed record ChainActionResult(ChainActionStatus Status, string? JobId = null);
