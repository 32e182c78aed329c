using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Sync;

public enum ChainActionStatus { Done, NotFound, AlreadyResolved, Paused }
