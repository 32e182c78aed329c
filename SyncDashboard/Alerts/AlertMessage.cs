using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Alerts;

/// <summary>Builds what a notification says, for every channel, from its row: the subject when it is decided, the
/// payload and the e-mail text when it is delivered.</summary>
public static class AlertMessage
{
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Subject(string service, PlannedNotification planned, IReadOnlyList<HealthAlertRow> alerts)
    {
        var subject = planned.Kind switch
        {
            NotificationKind.Recovered => $"{service} recovered: {planned.To} again (was {planned.From})",
            NotificationKind.Reminder => $"Reminder: {service} is still {planned.To}",
            NotificationKind.CriticalAlert => $"{service}: new critical alert, still {planned.To}",
            _ => $"{service} is {planned.To} (was {planned.From})",
        };
        if (planned.Kind != NotificationKind.Recovered && alerts.Count > 0) subject += $" — {alerts[0].Code}";
        subject = "[SyncDashboard] " + subject;
        return subject.Length <= AlertModel.MaxSubjectLength ? subject : subject[..AlertModel.MaxSubjectLength];
    }

    public static string AlertsJson(IReadOnlyList<HealthAlertRow> alerts) => JsonSerializer.Serialize(alerts, Json);

    public static AlertPayload Payload(AlertNotification notification, string? dashboardUrl) => new(
        notification.Id,
        notification.Service,
        notification.Kind,
        notification.ToStatus,
        notification.FromStatus,
        JsonSerializer.Deserialize<List<HealthAlertRow>>(notification.AlertsJson, Json) ?? [],
        notification.CreatedUtc,
        AlertsPage(dashboardUrl));

    public static string? AlertsPage(string? dashboardUrl) =>
        string.IsNullOrWhiteSpace(dashboardUrl) ? null : dashboardUrl.TrimEnd('/') + "/alerts";

    /// <summary>The plain-text e-mail body: what changed, each alert, and where to look.</summary>
    public static string EmailText(AlertPayload payload)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Service: {payload.Service}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Status: {payload.Status} (previously {payload.PreviousStatus})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Time: {payload.Time:yyyy-MM-dd HH:mm:ss} UTC");
        text.AppendLine();
        if (payload.Alerts.Count == 0) text.AppendLine("No alerts are open.");
        foreach (var alert in payload.Alerts)
        {
            var since = alert.Since is { } at ? string.Create(CultureInfo.InvariantCulture, $" (since {at:yyyy-MM-dd HH:mm} UTC)") : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"- [{alert.Severity}] {alert.Code}{since}: {alert.Message}");
        }
        if (payload.DashboardUrl is { } url)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Dashboard: {url}");
        }
        return text.ToString();
    }
}
