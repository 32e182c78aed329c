namespace SyncDashboard.Slo;

/// <summary>A finished sync attempt as the objectives count it: when it ended and whether it succeeded.</summary>
public sealed record SloAttempt(DateTime EndUtc, bool Succeeded);
