using Bunit;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Alerts;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Live;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;
using AlertsPage = SyncDashboard.Components.Pages.Alerts;

namespace SyncDashboard.Tests.Components.Pages;

/// <summary>The /alerts page over a real app's queries (its SQLite file, its health evaluation).</summary>
public sealed class AlertsPageFacts
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Render_ShowsEmptyStates_AndHowToConfigureAChannel_WhenNothingHappened()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        await using var context = Context(app);

        var page = context.Render<AlertsPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal("Unknown", page.Find("[data-testid=health-status]").TextContent.Trim()));
        Assert.Contains("No active alerts", page.Find("[data-testid=alerts-none]").TextContent);
        var channelsOff = page.Find("[data-testid=channels-off]").TextContent;
        Assert.Contains("Alerts:Webhook:Url", channelsOff);
        Assert.Contains("Alerts:Email:Host", channelsOff);
        Assert.Contains("No notifications yet", page.Find("[data-testid=notifications-empty]").TextContent);
        Assert.Empty(page.FindAll("[data-notification-id]"));
    }

    [Fact]
    public async Task Render_ListsActiveAlerts_AndNotificationsNewestFirst_WithOutcome()
    {
        // A channel is on, but N is out of reach: the rows below are the only notifications.
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["Alerts:Webhook:Url"] = "http://127.0.0.1:9/hook",
            ["Alerts:NotifyAfterBadEvaluations"] = "1000",
        });
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 };
        await app.SyncAsync();
        var decided = DateTime.UtcNow.AddMinutes(-10);
        await using (var db = await app.CreateDbAsync())
        {
            db.AlertNotifications.AddRange(
                Row(decided, AlertChannel.Webhook, NotificationOutcome.Sent, attempts: 1, error: null),
                Row(decided.AddMinutes(1), AlertChannel.Email, NotificationOutcome.Failed, attempts: 4,
                    error: "SMTP smtp.example.test:587: 554 Refused"));
            await db.SaveChangesAsync(Ct);
        }
        await using var context = Context(app);

        var page = context.Render<AlertsPage>();

        await page.WaitForAssertionAsync(() => Assert.Equal(2, page.FindAll("[data-notification-id]").Count));
        Assert.Equal("Unhealthy", page.Find("[data-testid=health-status]").TextContent.Trim());
        Assert.NotNull(page.Find($"[data-alert-code={AlertCodes.CredentialsInvalid}]"));
        Assert.Empty(page.FindAll("[data-testid=channels-off]"));
        Assert.Equal(["Failed", "Sent"], page.FindAll("[data-outcome]").Select(e => e.GetAttribute("data-outcome")));
        var rows = page.FindAll("tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("Email", rows[0]);
        Assert.Contains("Healthy → Unhealthy", rows[0]);
        Assert.Contains("554 Refused", rows[0]);
        Assert.Contains("Webhook", rows[1]);
        Assert.Contains("CREDENTIALS_INVALID", rows[1]);
    }

    private static BunitContext Context(TestApp app)
    {
        var context = DashboardBunit.Create();
        context.Services.AddSingleton(app.Get<HealthQueries>());
        context.Services.AddSingleton(app.Get<AlertQueries>());
        context.Services.AddSingleton(app.Get<MonitoringNotifier>());
        return context;
    }

    private static AlertNotification Row(DateTime created, AlertChannel channel, NotificationOutcome outcome, int attempts, string? error) => new()
    {
        Service = "todoist", CreatedUtc = created, Channel = channel, Kind = NotificationKind.StatusChanged,
        FromStatus = HealthStatus.Healthy, ToStatus = HealthStatus.Unhealthy, AlertCodes = AlertCodes.CredentialsInvalid,
        Subject = "[SyncDashboard] todoist is Unhealthy (was Healthy)", Outcome = outcome, Attempts = attempts, LastError = error,
    };
}
