using System.Text.Json;
using SyncDashboard.Alerts;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Tests.Alerts;

/// <summary>What a notification says, from its row: a recovery says how long the problem lasted and links to its
/// failure chain; an acknowledged alert says who acknowledged it and why.</summary>
public sealed class AlertMessageFacts
{
    private static readonly DateTime Began = new(2026, 11, 29, 8, 41, 7, DateTimeKind.Utc);
    private static readonly DateTime Ended = Began.AddHours(1).AddMinutes(5);

    private static AlertNotification Recovery(long? chain, DateTime? since = null) => new()
    {
        Id = 7,
        Service = "todoist",
        CreatedUtc = Ended.AddMinutes(1),
        Kind = NotificationKind.Recovered,
        FromStatus = HealthStatus.Unhealthy,
        ToStatus = HealthStatus.Healthy,
        Subject = "s",
        ProblemSinceUtc = since ?? Began,
        ProblemEndedUtc = Ended,
        ErrorChainId = chain,
    };

    [Fact]
    public void Subject_OfARecovery_SaysHowLongTheProblemLasted()
    {
        var planned = new PlannedNotification(NotificationKind.Recovered, HealthStatus.Unhealthy, HealthStatus.Healthy, Began, Ended);

        Assert.Equal("[SyncDashboard] todoist recovered after 1 h 5 min: Healthy again (was Unhealthy)",
            AlertMessage.Subject("todoist", planned, []));
    }

    [Fact]
    public void Subject_OfARecovery_LeavesTheLengthOut_WhenItsStartWasNotRecorded()
    {
        var planned = new PlannedNotification(NotificationKind.Recovered, HealthStatus.Degraded, HealthStatus.Healthy, null, Ended);

        Assert.Equal("[SyncDashboard] todoist recovered: Healthy again (was Degraded)", AlertMessage.Subject("todoist", planned, []));
    }

    [Fact]
    public void Payload_OfARecovery_CarriesTheProblemAndAnAbsoluteLinkToItsChain()
    {
        var payload = AlertMessage.Payload(Recovery(chain: 12), "https://dash.example.test/sync/");

        Assert.Equal((Began, Ended, 3900.0), (payload.ProblemStartedAt, payload.ProblemEndedAt, payload.ProblemSeconds));
        Assert.Equal(12, payload.ErrorChainId);
        Assert.Equal("https://dash.example.test/sync/errors?resolved=true#chain-12", payload.ErrorChainUrl);
        var json = JsonSerializer.Serialize(payload, AlertMessage.Json);
        Assert.Contains("\"problemSeconds\":3900", json);
        Assert.Contains("\"errorChainUrl\":\"https://dash.example.test/sync/errors?resolved=true#chain-12\"", json);
    }

    /// <summary>The link is the one the dashboard itself puts on a chain (History's drawer), under the public address.</summary>
    [Theory]
    [InlineData(1)]
    [InlineData(4711)]
    public void ChainPage_IsTheDashboardsOwnLinkToTheChain(long chain) =>
        Assert.Equal("https://dash.example.test/" + ErrorChainCard.LinkTo(chain), AlertMessage.ChainPage("https://dash.example.test", chain));

    [Fact]
    public void Payload_HasNoChainLink_WithoutAPublicAddress_ButNamesTheChain()
    {
        var payload = AlertMessage.Payload(Recovery(chain: 12), dashboardUrl: null);

        Assert.Equal((12L, (string?)null), (payload.ErrorChainId, payload.ErrorChainUrl));
        Assert.Contains("Failure chain: #12 (on the Errors page)", AlertMessage.EmailText(payload));
    }

    [Fact]
    public void EmailText_OfARecovery_SaysHowLongAndLinksTheChain()
    {
        var text = AlertMessage.EmailText(AlertMessage.Payload(Recovery(chain: 12), "https://dash.example.test"));

        Assert.Contains("The problem lasted 1 h 5 min (2026-11-29 08:41:07 to 2026-11-29 09:46:07 UTC).", text);
        Assert.Contains("Failure chain: #12 https://dash.example.test/errors?resolved=true#chain-12", text);
    }

    [Fact]
    public void EmailText_OfARecoveryWithoutAChain_SaysOnlyHowLong()
    {
        var text = AlertMessage.EmailText(AlertMessage.Payload(Recovery(chain: null), "https://dash.example.test"));

        Assert.Contains("The problem lasted 1 h 5 min", text);
        Assert.DoesNotContain("Failure chain", text);
    }

    [Fact]
    public void EmailText_SaysWhoAcknowledgedAnAlert_AndWhy()
    {
        HealthAlertRow[] alerts =
        [
            new(AlertCodes.StaleData, AlertSeverity.Warning, "No successful sync for 2 h.", Began,
                new AcknowledgementRow(3, AlertCodes.StaleData, "ana", Began.AddMinutes(5), "Todoist is down,\nwatching", null)),
            new(AlertCodes.ConsecutiveFailures, AlertSeverity.Warning, "The last sync failed.", Began),
        ];
        var notification = new AlertNotification
        {
            Service = "todoist", Kind = NotificationKind.Reminder, FromStatus = HealthStatus.Degraded,
            ToStatus = HealthStatus.Degraded, Subject = "s", AlertsJson = AlertMessage.AlertsJson(alerts),
        };

        var text = AlertMessage.EmailText(AlertMessage.Payload(notification, null));

        Assert.Contains("  Acknowledged by ana at 2026-11-29 08:46 UTC: Todoist is down, watching", text);
        Assert.Single(text.Split('\n'), line => line.Contains("Acknowledged"));
    }
}
