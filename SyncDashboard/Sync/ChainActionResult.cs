using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Sync;

public sealed record ChainActionResult(ChainActionStatus Status, string? JobId = null);
