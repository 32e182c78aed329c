using Hangfire.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Health;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>An alert as the API shows it.</summary>
public sealed record HealthAlertRow(string Code, AlertSeverity Severity, string Message, DateTime? Since);
