using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Mail;
using SyncDashboard.Configuration;

namespace SyncDashboard.Alerts;

/// <summary><c>Alerts:*</c>: when health changes are worth a message, and where messages go. Each channel is on only
/// when configured (a webhook URL, an SMTP host); with neither, nothing is evaluated or stored.</summary>
public sealed class AlertOptions : IValidatableObject
{
    public const string Section = "Alerts";

    /// <summary>Consecutive bad evaluations (Degraded or Unhealthy) before a bad status is announced: N.</summary>
    [Range(1, 1000)]
    public int NotifyAfterBadEvaluations { get; set; } = 2;

    /// <summary>Consecutive Healthy evaluations before a recovery is announced: M.</summary>
    [Range(1, 1000)]
    public int RecoverAfterGoodEvaluations { get; set; } = 2;

    /// <summary>The least time between two notifications; a change inside it is held, not dropped, and sent by the
    /// first evaluation after it if it still stands. Escalations to Unhealthy and new critical alerts are not held.</summary>
    [Range(0, 86_400)]
    public int CooldownSeconds { get; set; } = 300;

    /// <summary>While bad, repeat the notification this often; 0 = no reminders.</summary>
    [Range(0, 10_080)]
    public int ReminderMinutes { get; set; } = 60;

    /// <summary>Cron of the recurring evaluation, so that staleness is noticed when no sync runs at all.</summary>
    [Required]
    public string EvaluationCron { get; set; } = "* * * * *";

    /// <summary>The dashboard's public address; messages link to its <c>/alerts</c> page, a recovery also to its failure
    /// chain's card on <c>/errors</c>. Empty: no links.</summary>
    public string? DashboardUrl { get; set; }

    /// <summary>Delivery attempts per notification and channel, the first included.</summary>
    [Range(1, 20)]
    public int DeliveryAttempts { get; set; } = 4;

    /// <summary>The wait before the first redelivery; it doubles with each further one.</summary>
    [Range(0.1, 3600.0)]
    public double DeliveryRetrySeconds { get; set; } = 30;

    public WebhookChannelOptions Webhook { get; set; } = new();

    public EmailChannelOptions Email { get; set; } = new();

    public bool AnyChannel => Webhook.IsConfigured || Email.IsConfigured;

    public TimeSpan Cooldown => TimeSpan.FromSeconds(CooldownSeconds);

    public TimeSpan Reminder => TimeSpan.FromMinutes(ReminderMinutes);

    public TimeSpan RetryDelay(int failedAttempts) =>
        TimeSpan.FromSeconds(DeliveryRetrySeconds * Math.Pow(2, Math.Max(0, failedAttempts - 1)));

    /// <summary>Nested sections are checked here, naming each key in full: data annotations stop at the top level.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!CronValidator.TryParse(EvaluationCron, out var cronError))
        {
            yield return Fail(nameof(EvaluationCron), $"= '{EvaluationCron}' is not a valid cron expression ({cronError})");
        }
        if (!string.IsNullOrWhiteSpace(DashboardUrl) && !IsHttpUrl(DashboardUrl))
        {
            yield return Fail(nameof(DashboardUrl), "must be an absolute http(s) URL");
        }
        foreach (var result in Webhook.Validate()) yield return result;
        foreach (var result in Email.Validate()) yield return result;
    }

    internal static bool IsHttpUrl(string value) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps);

    internal static ValidationResult Fail(string key, string problem) =>
        new($"{Section}:{key} {problem}.", [key]);
}
