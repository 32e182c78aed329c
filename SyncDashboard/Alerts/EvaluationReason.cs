using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Health;
using SyncDashboard.Monitoring;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;

namespace SyncDashboard.Alerts;

public enum EvaluationReason { AfterRun, Schedule }
