using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Mail;
using SyncDashboard.Sync;

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

    /// <summary>The dashboard's public address; messages link to its <c>/alerts</c> page. Empty: no link.</summary>
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

/// <summary><c>Alerts:Webhook:*</c>: a generic JSON webhook. The URL may itself carry a secret (many chat services put
/// one in the path), so only its scheme, host and port ever appear in logs or recorded errors.</summary>
public sealed class WebhookChannelOptions
{
    public string? Url { get; set; }

    /// <summary>When set, each body is signed: <c>X-SyncDashboard-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</c>.</summary>
    public string? Secret { get; set; }

    /// <summary>Extra request headers (an <c>Authorization</c> header, say); their values are treated as secrets.</summary>
    public Dictionary<string, string> Headers { get; set; } = [];

    [Range(1, 300)]
    public int TimeoutSeconds { get; set; } = 10;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Url);

    internal IEnumerable<ValidationResult> Validate()
    {
        if (IsConfigured && !AlertOptions.IsHttpUrl(Url!))
        {
            yield return AlertOptions.Fail("Webhook:Url", "must be an absolute http(s) URL");
        }
        foreach (var name in Headers.Keys.Where(n => string.IsNullOrWhiteSpace(n) || n.Any(c => c <= ' ' || c == ':')))
        {
            yield return AlertOptions.Fail($"Webhook:Headers:{name}", "is not a valid header name");
        }
    }
}

/// <summary><c>Alerts:Email:*</c>: e-mail over SMTP. The password comes from configuration or the environment
/// (user-secrets in development) and goes nowhere but the SMTP server.</summary>
public sealed class EmailChannelOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>TLS on connect for port 465, STARTTLS (required) otherwise; false: plain SMTP, for a local relay.</summary>
    public bool UseTls { get; set; } = true;

    public string? User { get; set; }

    public string? Password { get; set; }

    public string? From { get; set; }

    public string[] To { get; set; } = [];

    public int TimeoutSeconds { get; set; } = 30;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    internal IEnumerable<ValidationResult> Validate()
    {
        if (!IsConfigured) yield break;
        if (Port is < 1 or > 65535) yield return AlertOptions.Fail("Email:Port", "must be from 1 to 65535");
        if (TimeoutSeconds is < 1 or > 300) yield return AlertOptions.Fail("Email:TimeoutSeconds", "must be from 1 to 300");
        if (!IsAddress(From)) yield return AlertOptions.Fail("Email:From", "must be an e-mail address when Alerts:Email:Host is set");
        if (To.Length == 0) yield return AlertOptions.Fail("Email:To", "needs at least one address when Alerts:Email:Host is set");
        for (var i = 0; i < To.Length; i++)
        {
            if (!IsAddress(To[i])) yield return AlertOptions.Fail($"Email:To:{i}", "must be an e-mail address");
        }
        if (!string.IsNullOrEmpty(Password) && string.IsNullOrWhiteSpace(User))
        {
            yield return AlertOptions.Fail("Email:User", "must be set when Alerts:Email:Password is");
        }
        if (!UseTls && (!string.IsNullOrEmpty(User) || !string.IsNullOrEmpty(Password)) && !IsLoopback(Host))
        {
            // Plain SMTP would carry the login in clear across the network; a relay on this machine never leaves it.
            yield return AlertOptions.Fail("Email:UseTls", "= false would send Alerts:Email:User and " +
                "Alerts:Email:Password in clear to a host that is not this machine: set Alerts:Email:UseTls=true, or " +
                "remove the login, or relay through a local host (localhost, 127.0.0.1, ::1)");
        }
    }

    private static bool IsLoopback(string? host)
    {
        var name = host?.Trim().TrimStart('[').TrimEnd(']') ?? "";
        return name.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(name, out var address) && IPAddress.IsLoopback(address));
    }

    private static bool IsAddress(string? value) =>
        !string.IsNullOrWhiteSpace(value) && MailAddress.TryCreate(value, out var address) && address.Address == value.Trim();
}
