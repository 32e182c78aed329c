using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Alerts;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Alerts;

/// <summary>A maintenance window holds exactly its span's notifications, end to end: the whole app on a real database
/// (SQLite and PostgreSQL) against the simulator, the window made over the API, the alert evaluation run by the test at
/// moments of a fake clock, and what is not held delivered by Hangfire to a webhook receiver.</summary>
public sealed class MaintenanceSuppressionFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothProviders]
    public async Task Window_SuppressesExactlyItsSpan_AndOneSummaryFollowsWhenTheProblemOutlivesIt(TestProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = await EmptyDatabase.CreateAsync(provider, Ct);
        // Whole seconds: PostgreSQL keeps microseconds, and the test compares the times it stored with the clock's.
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var app = new ClockedApp(clock, Settings(database, receiver), database.Name);
        await app.StartAsync();
        using var client = app.CreateClient();
        var flow = new Flow(app, clock);
        var start = clock.GetUtcNow().UtcDateTime.AddMinutes(10);

        var created = await client.PostAsJsonAsync("/api/maintenance", new
        {
            reason = "Todoist token rotation",
            start = start.ToString("O", CultureInfo.InvariantCulture),
            durationMinutes = 60,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var windowId = (await created.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("id").GetInt64();

        // A minute before the window: sent.
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 };
        await flow.SyncAsync(TimeSpan.FromMinutes(9));
        Assert.Equal([NotificationKind.StatusChanged], await flow.EvaluateAsync(TimeSpan.Zero));
        // At its first instant, and inside it: recorded, held.
        app.Simulator.Faults = new SimulatorFaults();
        await flow.SyncAsync(TimeSpan.FromMinutes(1));
        Assert.Equal([NotificationKind.Recovered], await flow.EvaluateAsync(TimeSpan.Zero));
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 };
        await flow.SyncAsync(TimeSpan.FromMinutes(1));
        Assert.Equal([NotificationKind.StatusChanged], await flow.EvaluateAsync(TimeSpan.Zero));
        Assert.Empty(await flow.EvaluateAsync(TimeSpan.FromMinutes(58)));
        // At its end (excluded from it) the problem is still there: one summary, once.
        Assert.Equal([NotificationKind.AfterMaintenance], await flow.EvaluateAsync(TimeSpan.FromMinutes(1)));
        Assert.Empty(await flow.EvaluateAsync(TimeSpan.Zero));
        // After it: sent as usual (the hourly reminder of the problem that began at minute 11).
        Assert.Equal([NotificationKind.Reminder], await flow.EvaluateAsync(TimeSpan.FromMinutes(1)));

        var all = await Eventually.ReturnsAsync(async () =>
        {
            await using var db = await app.CreateDbAsync();
            var rows = await db.AlertNotifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync(Ct);
            return rows.All(n => n.Outcome is NotificationOutcome.Sent or NotificationOutcome.Suppressed) ? rows : null;
        });
        Assert.Equal(
        [
            (NotificationKind.StatusChanged, NotificationOutcome.Sent, (long?)null),
            (NotificationKind.Recovered, NotificationOutcome.Suppressed, windowId),
            (NotificationKind.StatusChanged, NotificationOutcome.Suppressed, windowId),
            (NotificationKind.AfterMaintenance, NotificationOutcome.Sent, windowId),
            (NotificationKind.Reminder, NotificationOutcome.Sent, null),
        ], all.Select(n => (n.Kind, n.Outcome, n.MaintenanceWindowId)));
        Assert.All(all, n => Assert.Null(n.NextAttemptUtc));
        Assert.StartsWith("[SyncDashboard] todoist is still Unhealthy after the maintenance window", all[3].Subject);
        await Eventually.ReturnsAsync(() => Task.FromResult(receiver.Received.Count >= 3 ? (object)true : null));
        Assert.Equal(["StatusChanged", "AfterMaintenance", "Reminder"],
            receiver.Received.Select(r => JsonDocument.Parse(r.Body).RootElement.GetProperty("kind").GetString()));

        var listed = await client.GetFromJsonAsync<JsonElement>("/api/maintenance", Ct);
        var window = Assert.Single(listed.EnumerateArray());
        Assert.Equal(("Past", 2), (window.GetProperty("state").GetString(), window.GetProperty("suppressedCount").GetInt32()));
        Assert.Equal(["StatusChanged", "Recovered"],
            window.GetProperty("suppressed").EnumerateArray().Select(s => s.GetProperty("kind").GetString()));
    }

    /// <summary>A problem that ends inside the window leaves nothing to sum up: its recovery was held too.</summary>
    [Fact]
    public async Task Window_SendsNoSummary_WhenTheProblemEndedInsideIt()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = await EmptyDatabase.CreateAsync(TestProvider.Sqlite, Ct);
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var app = new ClockedApp(clock, Settings(database, receiver), database.Name);
        await app.StartAsync();
        using var client = app.CreateClient();
        var flow = new Flow(app, clock);
        Assert.Equal(HttpStatusCode.Created,
            (await client.PostAsJsonAsync("/api/maintenance", new { reason = "upgrade", durationMinutes = 30 }, Ct)).StatusCode);

        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 };
        await flow.SyncAsync(TimeSpan.FromMinutes(1));
        Assert.Equal([NotificationKind.StatusChanged], await flow.EvaluateAsync(TimeSpan.Zero));
        app.Simulator.Faults = new SimulatorFaults();
        await flow.SyncAsync(TimeSpan.FromMinutes(1));
        Assert.Equal([NotificationKind.Recovered], await flow.EvaluateAsync(TimeSpan.Zero));

        Assert.Empty(await flow.EvaluateAsync(TimeSpan.FromMinutes(40)));
        await using var db = await app.CreateDbAsync();
        Assert.All(await db.AlertNotifications.ToListAsync(Ct), n => Assert.Equal((NotificationOutcome.Suppressed, (DateTime?)null),
            (n.Outcome, n.NextAttemptUtc)));
    }

    private static Dictionary<string, string?> Settings(EmptyDatabase database, WebhookReceiver receiver) =>
        new(database.AppSettings())
        {
            ["Alerts:Webhook:Url"] = new Uri(receiver.Address, "hook").ToString(),
            ["Alerts:NotifyAfterBadEvaluations"] = "1",
            ["Alerts:RecoverAfterGoodEvaluations"] = "1",
            ["Alerts:CooldownSeconds"] = "0",
            ["Alerts:ReminderMinutes"] = "60",
            // A failure stays a warning, so the only critical alert is the credentials one.
            ["Health:UnhealthyAfterConsecutiveFailures"] = "100",
            ["Health:MinAttemptsForRates"] = "100000",
        };

    /// <summary>Moves the clock, then syncs or evaluates once; an evaluation returns the kinds of the notifications it
    /// decided.</summary>
    private sealed class Flow(TestApp app, FakeTimeProvider clock)
    {
        private long seen;

        public async Task SyncAsync(TimeSpan after)
        {
            clock.Advance(after);
            await app.SyncAsync(trigger: SyncTrigger.Manual);
        }

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

    private sealed class ClockedApp(FakeTimeProvider clock, Dictionary<string, string?> settings, string database)
        : TestApp(settings, database)
    {
        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Remove(services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(AlertSchedule)));
        }
    }
}
