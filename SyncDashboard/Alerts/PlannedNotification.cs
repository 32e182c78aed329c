using SyncDashboard.Data;

namespace SyncDashboard.Alerts;

/// <summary>What to announce. A recovery also says when the problem began (its first bad evaluation) and when it
/// ended (the first Healthy evaluation of the streak that ended it); null where the memory does not know.</summary>
public sealed record PlannedNotification(
    NotificationKind Kind, HealthStatus From, HealthStatus To, DateTime? ProblemSinceUtc = null, DateTime? ProblemEndedUtc = null);
