using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncDashboard.Alerts;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Alerts;

/// <summary>Notifications for real: syncs against the simulator with injected faults, evaluations and deliveries run
/// by Hangfire, a webhook receiver and an SMTP sink started by the test.</summary>
public sealed class AlertNotificationFacts
{
    private const string SmtpPassword = "smtp-pa55word-7f3c";
    private const string PathToken = "hook-path-token-91ab";
    private const string SigningSecret = "hook-signing-secret-5e2d";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Transition_NotifiesOncePerChannel_AndRecoveryNotifies()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sink = new SmtpSink();
        // Bad credentials make the sync Unhealthy at once; the failure count stays a warning, so no second critical
        // alert opens while the test checks that a status that stands is not announced again.
        await using var app = new AlertsApp(Settings(receiver, sink, ("Health:UnhealthyAfterConsecutiveFailures", "100")));
        await app.StartAsync();

        await app.SyncAndEvaluateAsync(1);
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 };
        await app.SyncAndEvaluateAsync(2);
        Assert.Equal(0, await app.NotificationCountAsync()); // one bad evaluation is below N = 2
        await app.SyncAndEvaluateAsync(3);
        await app.SyncAndEvaluateAsync(4); // still bad: nothing new

        var raised = await app.WaitForSentAsync(2);
        Assert.Equal([AlertChannel.Webhook, AlertChannel.Email], raised.Select(n => n.Channel).Order());
        Assert.All(raised, n => Assert.Equal((NotificationKind.StatusChanged, HealthStatus.Healthy, HealthStatus.Unhealthy),
            (n.Kind, n.FromStatus, n.ToStatus)));
        await WaitUntilAsync(() => receiver.Received.Count >= 1 && sink.Messages.Count >= 1);

        var hook = Assert.Single(receiver.Received);
        Assert.Equal("/" + PathToken, hook.Path);
        using (var json = JsonDocument.Parse(hook.Body))
        {
            var root = json.RootElement;
            Assert.Equal("todoist", root.GetProperty("service").GetString());
            Assert.Equal("StatusChanged", root.GetProperty("kind").GetString());
            Assert.Equal("Unhealthy", root.GetProperty("status").GetString());
            Assert.Equal("Healthy", root.GetProperty("previousStatus").GetString());
            Assert.Equal("https://dash.example.test/alerts", root.GetProperty("dashboardUrl").GetString());
            Assert.True(root.GetProperty("time").GetDateTime() > DateTime.UtcNow.AddMinutes(-5));
            var alert = root.GetProperty("alerts").EnumerateArray().First();
            Assert.Equal(AlertCodes.CredentialsInvalid, alert.GetProperty("code").GetString());
            Assert.Equal("Critical", alert.GetProperty("severity").GetString());
            Assert.False(string.IsNullOrWhiteSpace(alert.GetProperty("message").GetString()));
            Assert.Equal(JsonValueKind.String, alert.GetProperty("since").ValueKind);
        }
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningSecret), Encoding.UTF8.GetBytes(hook.Body));
        Assert.Equal("sha256=" + Convert.ToHexStringLower(mac), hook.Headers[WebhookSender.SignatureHeader]);

        var mail = Assert.Single(sink.Messages);
        Assert.Equal("ops@example.test", mail.To.Mailboxes.Single().Address);
        Assert.Equal("dashboard@example.test", mail.From.Mailboxes.Single().Address);
        Assert.Contains("Unhealthy", mail.Subject);
        Assert.Contains(AlertCodes.CredentialsInvalid, mail.TextBody);
        Assert.Contains("https://dash.example.test/alerts", mail.TextBody);
        Assert.Equal(SmtpPassword, sink.Passwords.First()); // the password reached the server, and only it (below)

        app.Simulator.Faults = new SimulatorFaults();
        await app.SyncAndEvaluateAsync(5);
        Assert.Equal(2, await app.NotificationCountAsync()); // one good evaluation is below M = 2
        await app.SyncAndEvaluateAsync(6);

        var all = await app.WaitForSentAsync(4);
        var recovered = all.Where(n => n.Kind == NotificationKind.Recovered).ToList();
        Assert.Equal(2, recovered.Count);
        Assert.All(recovered, n => Assert.Equal((HealthStatus.Unhealthy, HealthStatus.Healthy), (n.FromStatus, n.ToStatus)));
        await WaitUntilAsync(() => receiver.Received.Count >= 2 && sink.Messages.Count >= 2);
        using (var json = JsonDocument.Parse(receiver.Received.Last().Body))
        {
            Assert.Equal("Recovered", json.RootElement.GetProperty("kind").GetString());
            Assert.Equal("Healthy", json.RootElement.GetProperty("status").GetString());
            Assert.Equal("Unhealthy", json.RootElement.GetProperty("previousStatus").GetString());
        }
        Assert.Contains("recovered", sink.Messages.Last().Subject);
        Assert.Equal(2, receiver.Requests);
        Assert.Equal(2, sink.MailCommands);
    }

    [Fact]
    public async Task Flapping_BelowN_SendsNothing_ButAStreakOfN_Does()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sink = new SmtpSink();
        await using var app = new AlertsApp(Settings(receiver, sink, ("Alerts:NotifyAfterBadEvaluations", "3")));
        await app.StartAsync();

        var evaluations = 0;
        foreach (var failing in new[] { false, true, false, true, true, false, true, false, true, true, false })
        {
            app.Simulator.Faults = failing ? new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 } : new SimulatorFaults();
            await app.SyncAndEvaluateAsync(++evaluations);
        }
        Assert.Equal(0, await app.NotificationCountAsync());

        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        for (var i = 0; i < 3; i++) await app.SyncAndEvaluateAsync(++evaluations);

        var sent = await app.WaitForSentAsync(2);
        Assert.All(sent, n => Assert.Equal(NotificationKind.StatusChanged, n.Kind));
        await WaitUntilAsync(() => receiver.Received.Count >= 1 && sink.Messages.Count >= 1);
        Assert.Single(receiver.Received);
        Assert.Single(sink.Messages);
        Assert.Equal(0, receiver.Requests - receiver.Received.Count);
    }

    [Fact]
    public async Task FailingChannels_AreRecordedAndRetried_WhileSyncsKeepSucceeding()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.FailFirst = 2;
        await using var sink = new SmtpSink { Refuse = true };
        await using var app = new AlertsApp(Settings(receiver, sink,
            ("Alerts:NotifyAfterBadEvaluations", "1"), ("Alerts:RecoverAfterGoodEvaluations", "1000")));
        await app.StartAsync();

        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 };
        await app.SyncAndEvaluateAsync(1);
        app.Simulator.Faults = new SimulatorFaults();
        // The first delivery fails on both channels; syncs go on as if nothing were being sent.
        await WaitUntilAsync(async () => (await app.NotificationsAsync()).All(n => n.Attempts >= 1 && n.Outcome != NotificationOutcome.Pending));
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(SyncOutcomeKind.Succeeded, (await app.SyncAsync()).Kind);
        }

        await WaitUntilAsync(async () => (await app.NotificationsAsync()).All(n =>
            n.Outcome == NotificationOutcome.Sent || n is { Outcome: NotificationOutcome.Failed, NextAttemptUtc: null }), TestTimeouts.Scaled(TimeSpan.FromSeconds(40)));
        var notifications = await app.NotificationsAsync();
        var webhook = notifications.Single(n => n.Channel == AlertChannel.Webhook);
        Assert.Equal(NotificationOutcome.Sent, webhook.Outcome);
        Assert.Equal(3, webhook.Attempts);
        Assert.Contains("HTTP 500", webhook.LastError);
        Assert.Equal(3, receiver.Requests);
        Assert.Single(receiver.Received);

        var email = notifications.Single(n => n.Channel == AlertChannel.Email);
        Assert.Equal(NotificationOutcome.Failed, email.Outcome);
        Assert.Equal(3, email.Attempts); // Alerts:DeliveryAttempts
        Assert.Contains("554", email.LastError);
        Assert.Equal(3, sink.MailCommands);
        Assert.Empty(sink.Messages);

        await using var db = await app.CreateDbAsync();
        Assert.Equal(4, await db.SyncEvents.CountAsync(Ct));
        Assert.Equal(3, await db.SyncEvents.CountAsync(e => e.Status == SyncStatus.Succeeded, Ct));

        // Secrets: not in recorded errors, logs, the database file or Hangfire's job arguments.
        string[] secrets = [SmtpPassword, PathToken, SigningSecret];
        foreach (var n in notifications) Assert.DoesNotContain(secrets, s => (n.LastError ?? "").Contains(s));
        foreach (var line in app.Logs.Lines) Assert.False(secrets.Any(line.Contains), line);
        foreach (var file in new[] { app.DatabaseFile, app.DatabaseFile + "-wal" }.Where(File.Exists))
        {
            using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var copy = new MemoryStream();
            await stream.CopyToAsync(copy, Ct);
            var text = Encoding.UTF8.GetString(copy.ToArray());
            Assert.DoesNotContain(secrets, s => text.Contains(s, StringComparison.Ordinal));
        }
        var monitoring = app.Get<JobStorage>().GetMonitoringApi();
        List<Hangfire.Common.Job> DeliveryJobs() => monitoring.SucceededJobs(0, 200).Select(j => j.Value.Job)
            .Where(j => j?.Method.Name == nameof(AlertJobs.DeliverAsync)).Select(j => j!).ToList();
        // 3 webhook + 3 e-mail attempts, each its own job (the last may still be finishing in Hangfire).
        await WaitUntilAsync(() => DeliveryJobs().Count >= 6);
        var deliveries = DeliveryJobs();
        Assert.Equal(6, deliveries.Count);
        Assert.All(deliveries, j => Assert.Equal([typeof(long), typeof(CancellationToken)], j.Args.Select(a => a?.GetType() ?? typeof(CancellationToken))));
    }

    /// <summary>Several nodes (here: several evaluations in parallel) judging the same bad state decide from one
    /// shared memory: exactly one of them announces it.</summary>
    [Fact]
    public async Task ConcurrentEvaluations_AnnounceAChangeOnce()
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sink = new SmtpSink();
        await using var app = new AlertsApp(Settings(receiver, sink, ("Alerts:NotifyAfterBadEvaluations", "1")));
        await app.StartAsync();
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 };
        await app.SyncAndEvaluateAsync(1);
        app.Simulator.Faults = new SimulatorFaults();
        await app.SyncAndEvaluateAsync(2);
        await app.SyncAndEvaluateAsync(3); // recovered: the next bad state is news again
        app.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403 };
        await app.SyncAsync(); // its own evaluation races the ones below

        // An evaluator each, as on separate nodes: nothing in process serializes them, only the stored version.
        var nodes = Enumerable.Range(0, 8).Select(_ => ActivatorUtilities.CreateInstance<AlertEvaluator>(app.Services)).ToList();
        await Task.WhenAll(nodes.Select(node => Task.Run(() => node.EvaluateAsync(EvaluationReason.Schedule, Ct), Ct)));

        var all = await app.WaitForSentAsync(6);
        Assert.Equal(2, all.Count(n => n.Kind == NotificationKind.StatusChanged && n.ToStatus == HealthStatus.Unhealthy
                                       && n.Id > all.Where(r => r.Kind == NotificationKind.Recovered).Max(r => r.Id)));
        await using var db = await app.CreateDbAsync();
        Assert.True(await db.AlertStates.Select(s => s.Evaluations).SingleAsync(Ct) >= 11);
    }

    private static Dictionary<string, string?> Settings(
        WebhookReceiver receiver, SmtpSink sink, params (string Key, string Value)[] overrides)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Alerts:Webhook:Url"] = new Uri(receiver.Address, PathToken).ToString(),
            ["Alerts:Webhook:Secret"] = SigningSecret,
            ["Alerts:Email:Host"] = "127.0.0.1",
            ["Alerts:Email:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Alerts:Email:UseTls"] = "false",
            ["Alerts:Email:User"] = "alerts",
            ["Alerts:Email:Password"] = SmtpPassword,
            ["Alerts:Email:From"] = "dashboard@example.test",
            ["Alerts:Email:To:0"] = "ops@example.test",
            ["Alerts:NotifyAfterBadEvaluations"] = "2",
            ["Alerts:RecoverAfterGoodEvaluations"] = "2",
            // These tests count the notifications of the per-run alerts; a few failures among a few attempts also burn
            // the success objective's budget fast enough to page (SLO_BURN_FAST, a critical alert of its own, tested
            // in SloApiFacts and SloQueriesFacts), so the burn-rate rules are kept out of them.
            ["Slo:MinAttemptsForBurnAlerts"] = "100000",
            ["Alerts:CooldownSeconds"] = "0",
            ["Alerts:ReminderMinutes"] = "0",
            ["Alerts:DashboardUrl"] = "https://dash.example.test",
            ["Alerts:DeliveryAttempts"] = "3",
            ["Alerts:DeliveryRetrySeconds"] = "0.5",
            // Rates over a test's few attempts would flag the failures of the last hour long after they stopped.
            ["Health:MinAttemptsForRates"] = "100000",
        };
        foreach (var (key, value) in overrides) settings[key] = value;
        return settings;
    }

    private static async Task WaitUntilAsync(Func<bool> condition, TimeSpan? within = null) =>
        await WaitUntilAsync(() => Task.FromResult(condition()), within);

    private static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + TestTimeouts.Scaled(within ?? TimeSpan.FromSeconds(20));
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The condition did not come true in time.");
            await Task.Delay(100, Ct);
        }
    }

    /// <summary>The test app with captured logs and helpers that wait for Hangfire's evaluations and deliveries.</summary>
    private sealed class AlertsApp(Dictionary<string, string?> settings) : TestApp(settings)
    {
        public CapturingLoggerProvider Logs { get; } = new();

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<ILoggerProvider>(Logs);

        /// <summary>One sync, then waits until Hangfire has counted it as the <paramref name="evaluation"/>th evaluation.</summary>
        public async Task SyncAndEvaluateAsync(long evaluation)
        {
            await SyncAsync();
            await WaitUntilAsync(async () =>
            {
                await using var db = await CreateDbAsync();
                return await db.AlertStates.Select(s => (long?)s.Evaluations).SingleOrDefaultAsync(Ct) >= evaluation;
            });
            await using var check = await CreateDbAsync();
            Assert.Equal(evaluation, await check.AlertStates.Select(s => s.Evaluations).SingleAsync(Ct));
        }

        public async Task<int> NotificationCountAsync()
        {
            await using var db = await CreateDbAsync();
            return await db.AlertNotifications.CountAsync(Ct);
        }

        public async Task<List<AlertNotification>> NotificationsAsync()
        {
            await using var db = await CreateDbAsync();
            return await db.AlertNotifications.AsNoTracking().OrderBy(n => n.Id).ToListAsync(Ct);
        }

        /// <summary>Waits until <paramref name="count"/> notifications exist and all are sent, and returns them.</summary>
        public async Task<List<AlertNotification>> WaitForSentAsync(int count)
        {
            await WaitUntilAsync(async () =>
            {
                var all = await NotificationsAsync();
                return all.Count >= count && all.All(n => n.Outcome == NotificationOutcome.Sent);
            });
            var sent = await NotificationsAsync();
            Assert.Equal(count, sent.Count);
            return sent;
        }
    }
}
