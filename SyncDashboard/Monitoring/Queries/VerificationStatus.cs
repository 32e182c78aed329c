namespace SyncDashboard.Monitoring.Queries;

/// <summary>Where the proof of the copy stands: the latest verification of any outcome, and when the mirror was last
/// found exact (null: never).</summary>
public sealed record VerificationStatus(VerificationRow? Latest, DateTime? LastExactUtc, TimeSpan? SinceLastExact);
