using Microsoft.AspNetCore.Components;
using MudBlazor;
using SyncDashboard.Alerts;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Components.Pages;

/// <summary>The active alerts (from the health report) and the notifications sent about them, newest first; kept
/// live like the front page.</summary>
public sealed partial class Alerts
{
    private const int NotificationCount = 100;

    [Inject] private HealthQueries HealthQueries { get; set; } = default!;
    [Inject] private AlertQueries AlertQueries { get; set; } = default!;

    private ServiceHealth? health;
    private IReadOnlyList<NotificationRow> notifications = [];
    private AlertChannels channels = new(false, false);

    protected override async Task LoadAsync(CancellationToken ct)
    {
        var report = await HealthQueries.GetAsync(ServiceName.Todoist, ct);
        var sent = await AlertQueries.RecentAsync(NotificationCount, ct);
        (health, notifications, channels) = (report, sent, AlertQueries.Channels);
    }

    private static Color HealthColor(HealthStatus status) => status switch
    {
        HealthStatus.Healthy => Color.Success,
        HealthStatus.Degraded => Color.Warning,
        HealthStatus.Unhealthy => Color.Error,
        _ => Color.Default,
    };

    private static Severity AlertSeverityOf(AlertSeverity severity) => severity switch
    {
        AlertSeverity.Critical => Severity.Error,
        AlertSeverity.Warning => Severity.Warning,
        _ => Severity.Info,
    };

    private static Color OutcomeColor(NotificationOutcome outcome) => outcome switch
    {
        NotificationOutcome.Sent => Color.Success,
        NotificationOutcome.Failed => Color.Error,
        NotificationOutcome.Suppressed => Color.Default,
        _ => Color.Info,
    };

    private static string OutcomeText(NotificationRow row) => row switch
    {
        { Outcome: NotificationOutcome.Failed, NextAttemptAt: not null } => "Failed, retrying",
        { Outcome: NotificationOutcome.Failed } => "Failed",
        { Outcome: NotificationOutcome.Sent } => "Sent",
        { Outcome: NotificationOutcome.Suppressed } => "Held (maintenance)",
        _ => "Pending",
    };

    private static string What(NotificationRow row) => row.Kind switch
    {
        NotificationKind.Recovered => $"Recovered: {row.PreviousStatus} → {row.Status}",
        NotificationKind.Reminder => $"Reminder: still {row.Status}",
        NotificationKind.CriticalAlert => $"New critical alert ({row.Status})",
        NotificationKind.AfterMaintenance => $"After maintenance: still {row.Status}",
        _ => $"{row.PreviousStatus} → {row.Status}",
    };

}
