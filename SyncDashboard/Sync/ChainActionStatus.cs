using Microsoft.EntityFrameworkCore;
using SyncDashboard.Monitoring;

namespace SyncDashboard.Sync;

public enum ChainActionStatus { Done, NotFound, AlreadyResolved, Paused }
