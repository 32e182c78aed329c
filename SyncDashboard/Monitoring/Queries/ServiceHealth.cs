using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;
using SyncDashboard.Health;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>The service's health as <c>GET /api/monitoring/health</c> shows it: the evaluator's verdict, the
/// numbers it was judged on (null where there was nothing to compute them from), the next scheduled sync and uptime.</summary>
public sealed record ServiceHealth(
    string Service,
    HealthStatus Status,
    IReadOnlyList<HealthAlertRow> Alerts,
    DateTime CheckedAt,
    DateTime? LastSuccessfulSyncAt,
    int ConsecutiveFailures,
    double? DataAgeSeconds,
    int LastHourAttempts,
    int LastHourFailures,
    double? LastHourErrorRate,
    double? LastHourP95Ms,
    double? SevenDayMedianMs,
    double? SlowdownFactor,
    double? LargestRecentDeletionShare,
    double? ExpectedIntervalSeconds,
    DateTime? NextScheduledSyncAt,
    UptimeSummary Uptime);
