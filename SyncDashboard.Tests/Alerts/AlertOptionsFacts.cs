using System.ComponentModel.DataAnnotations;
using SyncDashboard.Alerts;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Alerts;

public sealed class AlertOptionsFacts
{
    [Fact]
    public void Defaults_AreValid_WithEveryChannelOff()
    {
        var options = new AlertOptions();
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
        Assert.False(options.AnyChannel);
    }

    [Theory]
    [InlineData("Alerts:Webhook:Url", "not a url", "Alerts:Webhook:Url")]
    [InlineData("Alerts:Webhook:Url", "ftp://example.test/hook", "Alerts:Webhook:Url")]
    [InlineData("Alerts:DashboardUrl", "dashboard.example.test", "Alerts:DashboardUrl")]
    [InlineData("Alerts:Email:To:0", "not-an-address", "Alerts:Email:To:0")]
    [InlineData("Alerts:Email:From", "", "Alerts:Email:From")]
    [InlineData("Alerts:EvaluationCron", "every minute", "Alerts:EvaluationCron")]
    [InlineData("Alerts:NotifyAfterBadEvaluations", "0", "NotifyAfterBadEvaluations")]
    public async Task Startup_Fails_NamingTheKey_WhenASettingIsInvalid(string key, string value, string named)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alerts:Email:Host"] = "127.0.0.1",
            ["Alerts:Email:From"] = "dashboard@example.test",
            ["Alerts:Email:To:0"] = "ops@example.test",
            [key] = value,
        };
        await using var app = new TestApp(settings);

        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);

        Assert.Contains(named, Flatten(error));
    }

    [Theory]
    [InlineData("Alerts:Email:User", "alerts@example.test")]
    [InlineData("Alerts:Email:Password", "smtp-password")]
    public async Task Startup_Fails_NamingTheKeys_WhenALoginWouldGoInClear(string key, string value)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alerts:Email:Host"] = "smtp.example.test",
            ["Alerts:Email:UseTls"] = "false",
            ["Alerts:Email:User"] = "alerts@example.test",
            ["Alerts:Email:From"] = "dashboard@example.test",
            ["Alerts:Email:To:0"] = "ops@example.test",
            [key] = value,
        };
        await using var app = new TestApp(settings);

        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);

        var message = Flatten(error);
        Assert.Contains("Alerts:Email:UseTls", message);
        Assert.Contains("Alerts:Email:User and Alerts:Email:Password", message);
    }

    [Theory]
    [InlineData("smtp.example.test", true, true)]
    [InlineData("smtp.example.test", false, false)]
    [InlineData("192.168.1.20", false, false)]
    [InlineData("localhost", false, true)]
    [InlineData("127.0.0.1", false, true)]
    [InlineData("127.0.0.2", false, true)]
    [InlineData("::1", false, true)]
    [InlineData("[::1]", false, true)]
    public void Validate_AllowsAPlainLogin_OnlyToThisMachine(string host, bool useTls, bool valid)
    {
        var email = new EmailChannelOptions
        {
            Host = host, UseTls = useTls, User = "alerts", Password = "smtp-password",
            From = "dashboard@example.test", To = ["ops@example.test"],
        };

        Assert.Equal(valid, !email.Validate().Any());
    }

    [Fact]
    public void Validate_AllowsPlainSmtp_WithoutALogin()
    {
        var email = new EmailChannelOptions
        {
            Host = "relay.example.test", UseTls = false, From = "dashboard@example.test", To = ["ops@example.test"],
        };

        Assert.Empty(email.Validate());
    }

    [Fact]
    public void Scrub_RemovesEveryConfiguredSecret_FromAnErrorText()
    {
        var options = new AlertOptions
        {
            Webhook = new WebhookChannelOptions
            {
                Url = "https://hooks.example.test/services/T000/B000/XXXXSECRETPATH?token=abc123",
                Secret = "signing-secret",
                Headers = { ["Authorization"] = "Bearer header-secret" },
            },
            Email = new EmailChannelOptions { Host = "smtp.example.test", Password = "smtp-password" },
        };
        var error = "failed at https://hooks.example.test/services/T000/B000/XXXXSECRETPATH?token=abc123 with " +
                    "signing-secret, Bearer header-secret, smtp-password and /services/T000/B000/XXXXSECRETPATH?token=abc123";

        var scrubbed = AlertDelivery.Scrub(error, options);

        Assert.DoesNotContain("SECRETPATH", scrubbed);
        Assert.DoesNotContain("abc123", scrubbed);
        Assert.DoesNotContain("signing-secret", scrubbed);
        Assert.DoesNotContain("header-secret", scrubbed);
        Assert.DoesNotContain("smtp-password", scrubbed);
        Assert.StartsWith("failed at ", scrubbed);
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : "");
}
