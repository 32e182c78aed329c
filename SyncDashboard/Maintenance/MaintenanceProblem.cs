namespace SyncDashboard.Maintenance;

/// <summary>Why a maintenance window cannot be saved: the field at fault (<c>reason</c>, <c>cron</c>, <c>timeZone</c>,
/// <c>start</c>, <c>durationMinutes</c>) and what is wrong with it, as the end of a sentence that starts with the
/// field's name.</summary>
public sealed record MaintenanceProblem(string Field, string Problem);
