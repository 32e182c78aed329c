using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Alerts;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Alerts;

/// <summary>Acknowledgements end to end: the whole app on a real database (SQLite and PostgreSQL) against the
/// simulator, acknowledged over the API, with the alert evaluation run by the test at moments of a fake clock (the
/// recurring and after-run evaluations are off, so nothing evaluates behind the test's back) and the notifications
/// delivered by Hangfire to a webhook receiver.</summary>
public sealed class AcknowledgementFlowFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothProviders]
    public async Task Acknowledging_StopsReminders_UntilTheAlertRecovers_AndTheNextOccurrenceNotifiesAgain(TestProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = await EmptyDatabase.CreateAsync(provider, Ct);
        // Whole seconds: PostgreSQL keeps microseconds, and the test compares the times it stored with the clock's.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var app = new ClockedAlertsApp(clock, Settings(database, receiver), database.Name);
        await app.StartAsync();
        using var client = app.CreateClient();
        var flow = new Flow(app, clock);

        // Bad credentials: CREDENTIALS_INVALID (critical) and CONSECUTIVE_FAILURES (a warning), Unhealthy at once.
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 };
        await app.SyncAsync();
        var problemBegan = clock.GetUtcNow().UtcDateTime;
        Assert.Equal([NotificationKind.StatusChanged], await flow.EvaluateAsync(TimeSpan.Zero));
        Assert.Equal([NotificationKind.Reminder], await flow.EvaluateAsync(TimeSpan.FromMinutes(61)));

        // One of the two acknowledged: the other is still reminded about.
        clock.Advance(TimeSpan.FromMinutes(1));
        var first = await AcknowledgeAsync(client, AlertCodes.CredentialsInvalid, "Token revoked by mistake; Ana is rotating it");
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal([NotificationKind.Reminder], await flow.EvaluateAsync(TimeSpan.FromMinutes(61)));

        // Both acknowledged: no reminder however long it stays bad; the acknowledgements stand.
        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(HttpStatusCode.OK, (await AcknowledgeAsync(client, "consecutive_failures", "same cause")).StatusCode);
        Assert.Empty(await flow.EvaluateAsync(TimeSpan.FromMinutes(61)));
        Assert.Empty(await flow.EvaluateAsync(TimeSpan.FromHours(5)));
        var health = await client.GetFromJsonAsync<JsonElement>("/api/monitoring/health", Ct);
        var acknowledged = health.GetProperty("alerts").EnumerateArray()
            .Select(a => a.GetProperty("acknowledged")).ToList();
        Assert.All(acknowledged, a => Assert.Equal(JsonValueKind.Object, a.ValueKind));
        Assert.Contains(acknowledged, a => a.GetProperty("note").GetString() == "Token revoked by mistake; Ana is rotating it");
        await using (var db = await app.CreateDbAsync())
        {
            Assert.Equal(2, await db.AlertAcknowledgements.CountAsync(a => a.EndedUtc == null, Ct));
            Assert.Equal(2, await db.AuditEntries.CountAsync(a => a.Action == AuditAction.AcknowledgeAlert, Ct));
        }

        // The token works again: the recovery ends both acknowledgements and says how long the problem lasted.
        app.Simulator.Faults = new SimulatorFaults();
        clock.Advance(TimeSpan.FromMinutes(1));
        await app.SyncAsync();
        var recoveredAt = clock.GetUtcNow().UtcDateTime;
        Assert.Equal([NotificationKind.Recovered], await flow.EvaluateAsync(TimeSpan.Zero));
        await using (var db = await app.CreateDbAsync())
        {
            var acknowledgements = await db.AlertAcknowledgements.AsNoTracking().ToListAsync(Ct);
            Assert.All(acknowledgements, a => Assert.Equal(recoveredAt, a.EndedUtc));
            var recovery = await db.AlertNotifications.AsNoTracking().OrderBy(n => n.Id).LastAsync(Ct);
            Assert.Equal((problemBegan, recoveredAt), (recovery.ProblemSinceUtc, recovery.ProblemEndedUtc));
            Assert.Equal(await db.SyncErrors.Select(c => (long?)c.Id).SingleAsync(Ct), recovery.ErrorChainId);
            Assert.StartsWith("[SyncDashboard] todoist recovered after 8 h 6 min", recovery.Subject);
        }

        // The alert comes back: news again, and reminded about again, since nobody acknowledged this occurrence.
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 };
        clock.Advance(TimeSpan.FromMinutes(1));
        await app.SyncAsync();
        Assert.Equal([NotificationKind.StatusChanged], await flow.EvaluateAsync(TimeSpan.Zero));
        Assert.Equal([NotificationKind.Reminder], await flow.EvaluateAsync(TimeSpan.FromMinutes(61)));

        // What the webhook got for the recovery: how long, and the link to the failure chain.
        var hook = await Eventually.ReturnsAsync(() => Task.FromResult(
            receiver.Received.FirstOrDefault(r => r.Body.Contains("\"kind\":\"Recovered\"", StringComparison.Ordinal))));
        using var body = JsonDocument.Parse(hook.Body);
        Assert.Equal((recoveredAt - problemBegan).TotalSeconds, body.RootElement.GetProperty("problemSeconds").GetDouble());
        Assert.Matches(@"^https://dash\.example\.test/errors\?resolved=true#chain-\d+$",
            body.RootElement.GetProperty("errorChainUrl").GetString());
    }

    /// <summary>Only an alert health raises now can be acknowledged: one that cleared meanwhile answers 409.</summary>
    [Fact]
    public async Task Acknowledging_AnAlertThatIsNotRaised_Answers409_AndStoresNothing()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        await app.SyncAsync();
        using var client = app.CreateClient();

        var response = await AcknowledgeAsync(client, AlertCodes.StaleData, "looking into it");

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("STALE_DATA is not raised now", await response.Content.ReadAsStringAsync(Ct));
        await using var db = await app.CreateDbAsync();
        Assert.Empty(await db.AlertAcknowledgements.ToListAsync(Ct));
        Assert.Empty(await db.AuditEntries.ToListAsync(Ct));
    }

    private static Task<HttpResponseMessage> AcknowledgeAsync(HttpClient client, string code, string note) =>
        client.PostAsJsonAsync($"/api/alerts/{code}/acknowledge", new { note }, Ct);

    private static Dictionary<string, string?> Settings(EmptyDatabase database, WebhookReceiver receiver)
    {
        var settings = new Dictionary<string, string?>(database.AppSettings())
        {
            ["Alerts:Webhook:Url"] = new Uri(receiver.Address, "hook").ToString(),
            ["Alerts:NotifyAfterBadEvaluations"] = "1",
            ["Alerts:RecoverAfterGoodEvaluations"] = "1",
            ["Alerts:CooldownSeconds"] = "0",
            ["Alerts:ReminderMinutes"] = "60",
            ["Alerts:DashboardUrl"] = "https://dash.example.test",
            // A failure stays a warning, so the only critical alert is the credentials one.
            ["Health:UnhealthyAfterConsecutiveFailures"] = "100",
            ["Health:MinAttemptsForRates"] = "100000",
        };
        return settings;
    }

    /// <summary>Moves the clock, evaluates once, and returns the kinds of the notifications that evaluation decided.</summary>
    private sealed class Flow(TestApp app, FakeTimeProvider clock)
    {
        private long seen;

        public async Task<IReadOnlyList<NotificationKind>> EvaluateAsync(TimeSpan after)
        {
            clock.Advance(after);
            await app.Get<AlertEvaluator>().EvaluateAsync(EvaluationReason.Schedule, Ct);
            await using var db = await app.CreateDbAsync();
            var decided = await db.AlertNotifications.AsNoTracking().Where(n => n.Id > seen).OrderBy(n => n.Id)
                .Select(n => new { n.Id, n.Kind }).ToListAsync(Ct);
            if (decided.Count > 0) seen = decided[^1].Id;
            return decided.Select(n => n.Kind).ToList();
        }
    }

    private sealed class ClockedAlertsApp(FakeTimeProvider clock, Dictionary<string, string?> settings, string database)
        : TestApp(settings, database)
    {
        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Remove(services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(AlertSchedule)));
        }
    }
}
