using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using SyncDashboard.Data;
using SyncDashboard.Health;
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
            NotificationKind.Recovered => ProblemLength(planned.ProblemSinceUtc, planned.ProblemEndedUtc) is { } length
                ? $"{service} recovered after {HealthEvaluator.Words(length)}: {planned.To} again (was {planned.From})"
                : $"{service} recovered: {planned.To} again (was {planned.From})",
            NotificationKind.Reminder => $"Reminder: {service} is still {planned.To}",
            NotificationKind.CriticalAlert => $"{service}: new critical alert, still {planned.To}",
            NotificationKind.AfterMaintenance => $"{service} is still {planned.To} after the maintenance window",
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
        AlertsPage(dashboardUrl),
        notification.ProblemSinceUtc,
        notification.ProblemEndedUtc,
        ProblemLength(notification.ProblemSinceUtc, notification.ProblemEndedUtc)?.TotalSeconds,
        notification.ErrorChainId,
        notification.ErrorChainId is { } chain ? ChainPage(dashboardUrl, chain) : null);

    public static string? AlertsPage(string? dashboardUrl) => Page(dashboardUrl, "alerts");

    /// <summary>The chain's card on the Errors page, resolved chains shown (a recovery has usually resolved it): the
    /// address the dashboard itself links a chain to, under <c>Alerts:DashboardUrl</c>; null without it.</summary>
    public static string? ChainPage(string? dashboardUrl, long chainId) =>
        Page(dashboardUrl, string.Create(CultureInfo.InvariantCulture, $"errors?resolved=true#chain-{chainId}"));

    private static string? Page(string? dashboardUrl, string path) =>
        string.IsNullOrWhiteSpace(dashboardUrl) ? null : dashboardUrl.TrimEnd('/') + "/" + path;

    /// <summary>How long a problem lasted: from its first bad evaluation to the first Healthy one after it.</summary>
    public static TimeSpan? ProblemLength(DateTime? sinceUtc, DateTime? endedUtc) =>
        sinceUtc is { } since && endedUtc is { } ended && ended >= since ? ended - since : null;

    /// <summary>The plain-text e-mail body: what changed, each alert, and where to look.</summary>
    public static string EmailText(AlertPayload payload)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"Service: {payload.Service}");
        text.AppendLine(CultureInfo.InvariantCulture, $"Status: {payload.Status} (previously {payload.PreviousStatus})");
        text.AppendLine(CultureInfo.InvariantCulture, $"Time: {payload.Time:yyyy-MM-dd HH:mm:ss} UTC");
        text.AppendLine();
        var recovery = RecoveryLines(payload).ToList();
        foreach (var line in recovery) text.AppendLine(line);
        if (recovery.Count > 0) text.AppendLine();
        if (payload.Alerts.Count == 0) text.AppendLine("No alerts are open.");
        foreach (var alert in payload.Alerts)
        {
            var since = alert.Since is { } at ? string.Create(CultureInfo.InvariantCulture, $" (since {at:yyyy-MM-dd HH:mm} UTC)") : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"- [{alert.Severity}] {alert.Code}{since}: {alert.Message}");
            if (alert.Acknowledged is { } ack)
            {
                text.AppendLine(CultureInfo.InvariantCulture,
                    $"  Acknowledged by {ack.By} at {ack.At:yyyy-MM-dd HH:mm} UTC: {ack.Note.ReplaceLineEndings(" ")}");
            }
        }
        if (payload.DashboardUrl is { } url)
        {
            text.AppendLine();
            text.AppendLine(CultureInfo.InvariantCulture, $"Dashboard: {url}");
        }
        return text.ToString();
    }

    /// <summary>What a recovery adds: how long the problem lasted, and its failure chain.</summary>
    private static IEnumerable<string> RecoveryLines(AlertPayload payload)
    {
        if (payload is { ProblemStartedAt: { } started, ProblemEndedAt: { } ended, ProblemSeconds: { } seconds })
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"The problem lasted {HealthEvaluator.Words(TimeSpan.FromSeconds(seconds))} ({started:yyyy-MM-dd HH:mm:ss} to {ended:yyyy-MM-dd HH:mm:ss} UTC).");
        }
        if (payload.ErrorChainId is { } chain)
        {
            yield return string.Create(CultureInfo.InvariantCulture,
                $"Failure chain: #{chain}{(payload.ErrorChainUrl is { } link ? " " + link : " (on the Errors page)")}");
        }
    }
}
