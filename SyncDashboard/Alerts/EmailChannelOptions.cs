using System.ComponentModel.DataAnnotations;
using System.Net;
using System.Net.Mail;

namespace SyncDashboard.Alerts;

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
