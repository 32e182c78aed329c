using SyncDashboard.Data;

namespace SyncDashboard.Alerts;

/// <summary>What the flap control remembers between evaluations (stored in <c>alert_state</c>, so restarts and other
/// nodes continue from it). <paramref name="NotifiedStatus"/> is the status last announced, Healthy before any;
/// <paramref name="NotifiedCriticalCodes"/> the critical alerts announced and still open. <paramref name="BadSinceUtc"/>
/// is the first bad evaluation of the problem standing (null while healthy), <paramref name="GoodSinceUtc"/> the first
/// Healthy evaluation of the current healthy streak (null while bad).</summary>
public sealed record AlertMemory(
    HealthStatus NotifiedStatus,
    int ConsecutiveBad,
    int ConsecutiveGood,
    DateTime? LastSentUtc,
    IReadOnlyList<string> NotifiedCriticalCodes,
    DateTime? BadSinceUtc = null,
    DateTime? GoodSinceUtc = null)
{
    public static readonly AlertMemory Initial = new(HealthStatus.Healthy, 0, 0, null, []);

    public bool IsNotifiedBad => FlapControl.IsBad(NotifiedStatus);
}
