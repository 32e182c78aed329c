using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Health;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>An alert as the API shows it. <paramref name="Acknowledged"/> is the newest acknowledgement standing for
/// it, null when nobody has acknowledged this occurrence.</summary>
public sealed record HealthAlertRow(
    string Code, AlertSeverity Severity, string Message, DateTime? Since, AcknowledgementRow? Acknowledged = null);
