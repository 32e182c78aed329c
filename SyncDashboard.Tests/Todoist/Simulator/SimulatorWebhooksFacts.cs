using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Webhooks;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Simulator;
using SyncDashboard.Todoist.Wire;
using SyncDashboard.Webhooks;

namespace SyncDashboard.Tests.Todoist.Simulator;

/// <summary>The simulator announces its account's changes as signed Todoist webhooks to the app's own address.</summary>
public sealed partial class SimulatorWebhooksFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static WebhookTestApp App(params (string Key, string Value)[] settings)
    {
        var overrides = new Dictionary<string, string?> { ["Webhooks:DebounceSeconds"] = "1" };
        foreach (var (key, value) in settings) overrides[key] = value;
        return new WebhookTestApp(overrides);
    }

    [Fact]
    public async Task Changes_ArePostedSigned_AndTheirWebhookSyncBringsThemIn()
    {
        await using var app = App();
        app.StartOnRealPort();
        await app.StartAsync();
        await app.SyncAsync();
        var sender = app.Get<SimulatorWebhooks>();
        await Eventually.ReturnsAsync(() => Task.FromResult(sender.Target));

        app.Simulator.ApplyRandomChanges(6);

        var deliveries = await Eventually.ReturnsAsync(async () =>
        {
            var all = await app.DeliveriesAsync();
            return all.Count > 0 && all.Count == sender.Counters.Sent && all.All(d => d.SyncEventId is not null) ? all : null;
        });
        Assert.All(deliveries, d =>
        {
            Assert.Equal(app.Simulator.UserId, d.UserId);
            Assert.Matches(EventName(), d.EventName);
            Assert.NotNull(d.ObjectId);
            Assert.NotNull(d.TriggeredUtc);
        });
        Assert.Equal(0, sender.Counters.Failed);
        var sync = await Eventually.ReturnsAsync(async () =>
            (await app.WebhookSyncsAsync()).LastOrDefault(e => e.Status == SyncStatus.Succeeded));
        await using var db = await app.CreateDbAsync();
        await MirrorAssert.EqualsAccountAsync(db, app.Simulator);
        // Every change the webhook sync found was announced.
        var report = await app.Get<WebhookQueries>().GetAsync(ServiceName.Todoist, 50, Ct);
        Assert.All(report.Missed.Where(m => m.Trigger == SyncTrigger.Webhook), m => Assert.Equal(0, m.Missed));
        Assert.Contains(report.Missed, m => m.EventId == sync.Id);
    }

    [Fact]
    public async Task DuplicateRateOne_SendsEveryDeliveryTwice_AndTheAppRecordsItOnce()
    {
        await using var app = App(("Simulator:Webhooks:DuplicateRate", "1"));
        app.StartOnRealPort();
        await app.StartAsync();
        await app.SyncAsync();
        var sender = app.Get<SimulatorWebhooks>();
        await Eventually.ReturnsAsync(() => Task.FromResult(sender.Target));

        app.Simulator.ApplyRandomChanges(3);

        var deliveries = await Eventually.ReturnsAsync(async () =>
        {
            var all = await app.DeliveriesAsync();
            return all.Count > 0 && sender.Counters.Sent == 2 * all.Count && all.All(d => d.Redeliveries == 1) ? all : null;
        });
        Assert.Equal(deliveries.Count, sender.Counters.Duplicated);
    }

    [Fact]
    public async Task DelayAndReorderRatesOne_DeliverLateAndOutOfOrder_AndTheirSyncsStillBringTheMirrorRight()
    {
        const int delayMs = 1500, reorderMs = 2000;
        await using var app = App(
            ("Simulator:Webhooks:DelayRate", "1"), ("Simulator:Webhooks:DelayMs", $"{delayMs}"),
            ("Simulator:Webhooks:ReorderRate", "1"), ("Simulator:Webhooks:ReorderMs", $"{reorderMs}"));
        app.StartOnRealPort();
        await app.StartAsync();
        await app.SyncAsync();
        var sender = app.Get<SimulatorWebhooks>();
        await Eventually.ReturnsAsync(() => Task.FromResult(sender.Target));

        app.Simulator.ApplyRandomChanges(10);
        // Delays are wall-clock (the network they imitate): every delivery is due by then.
        var allDue = DateTime.UtcNow.AddMilliseconds(delayMs + reorderMs + 500);

        var deliveries = await Eventually.ReturnsAsync(async () =>
        {
            var all = await app.DeliveriesAsync();
            return DateTime.UtcNow > allDue && all.Count > 1 && all.Count == sender.Counters.Sent
                   && all.All(d => d.SyncEventId is not null) ? all : null;
        }, TimeSpan.FromSeconds(30));

        Assert.Equal(0, sender.Counters.Failed);
        // Late: none arrived sooner than the delay after its change.
        Assert.All(deliveries, d => Assert.True(d.ReceivedUtc - d.TriggeredUtc!.Value >= TimeSpan.FromMilliseconds(delayMs - 20),
            $"{d.EventName} arrived {(d.ReceivedUtc - d.TriggeredUtc!.Value).TotalMilliseconds} ms after its change"));
        // Out of order: some delivery arrived after one announcing a later change.
        var arrived = deliveries.OrderBy(d => d.Id).Select(d => d.TriggeredUtc!.Value).ToList();
        Assert.Contains(Enumerable.Range(1, arrived.Count - 1), i => arrived[i] < arrived[..i].Max());
        // Their syncs brought the account in; each late change still counts for the window it belongs to.
        var syncs = await app.WebhookSyncsAsync();
        Assert.All(syncs, e => Assert.Equal(SyncStatus.Succeeded, e.Status));
        Assert.All(deliveries, d => Assert.Contains(syncs, e => e.Id == d.SyncEventId));
        await using var db = await app.CreateDbAsync();
        await MirrorAssert.EqualsAccountAsync(db, app.Simulator);
        var report = await app.Get<WebhookQueries>().GetAsync(ServiceName.Todoist, 50, Ct);
        Assert.All(report.Missed.Where(m => m.Trigger == SyncTrigger.Webhook), m => Assert.Equal(0, m.Missed));
    }

    [Fact]
    public async Task DropRateOne_SendsNothing()
    {
        await using var app = App(("Simulator:Webhooks:DropRate", "1"));
        app.StartOnRealPort();
        await app.StartAsync();
        var sender = app.Get<SimulatorWebhooks>();
        await Eventually.ReturnsAsync(() => Task.FromResult(sender.Target));

        app.Simulator.ApplyRandomChanges(3);

        await Eventually.ReturnsAsync(() => Task.FromResult(sender.Counters.Dropped > 0 ? sender.Counters : null));
        Assert.Equal(0, sender.Counters.Sent);
        Assert.Empty(await app.DeliveriesAsync());
    }

    [Fact]
    public void NoAddress_OnTheInMemoryTestServer_MeansNoSending()
    {
        using var app = App();
        _ = app.Services;

        Assert.Null(app.Get<SimulatorWebhooks>().Target);
    }

    [Fact]
    public void Journal_NamesEachTouchedObjectOnce_AsTodoistWould()
    {
        var simulator = new TodoistSimulator(Options.Create(new SimulatorOptions { Tasks = 50, ChangeIntervalSeconds = 0 }),
            new FakeTimeProvider(SimulatorHarness.Start));
        var feed = simulator.Webhooks();

        simulator.ApplyRandomChanges(40);

        var announced = new List<SimulatedWebhook>();
        while (feed.TryRead(out var webhook)) announced.Add(webhook);
        Assert.NotEmpty(announced);
        Assert.All(announced, w => Assert.Matches(EventName(), w.EventName));
        var keys = announced.Select(w => (w.EventName.Split(':')[0], IdOf(w.EventData))).ToList();
        Assert.Equal(keys.Count, keys.Distinct().Count());
        Assert.Equal(announced.Count, simulator.Counters.Announced);
    }

    [Fact]
    public void Journal_ShapesEachEventAsTodoistDoes()
    {
        var simulator = new TodoistSimulator(Options.Create(new SimulatorOptions { Tasks = 50, ChangeIntervalSeconds = 0 }),
            new FakeTimeProvider(SimulatorHarness.Start));
        var feed = simulator.Webhooks();

        simulator.ApplyRandomChanges(300);

        var announced = new List<SimulatedWebhook>();
        while (feed.TryRead(out var webhook)) announced.Add(webhook);
        var items = simulator.Snapshot().Items.ToDictionary(i => i.Id);
        // A comment carries its task, as it is now; a label its order as item_order.
        Assert.All(announced.Where(w => w.EventName.StartsWith("note:")), w =>
        {
            var note = Assert.IsType<WebhookNote>(w.EventData);
            Assert.Equal(note.ItemId, note.Item.Id);
            Assert.EndsWith(note.Item.Id, note.Url);
        });
        Assert.All(announced.Where(w => w.EventName.StartsWith("label:")), w => Assert.IsType<WebhookLabel>(w.EventData));
        // Only item:updated carries the task as it was.
        Assert.All(announced, w =>
        {
            if (w.EventName != "item:updated")
            {
                Assert.Null(w.EventDataExtra);
                return;
            }
            var extra = Assert.IsType<WebhookItemUpdate>(w.EventDataExtra);
            Assert.Equal(((WireItem)w.EventData).Id, extra.OldItem.Id);
            Assert.NotEqual(Serialize(w.EventData), Serialize(extra.OldItem));
        });
        Assert.Contains(announced, w => w.EventName == "item:updated");
    }

    [Fact]
    public async Task Deliveries_AreTodoistsV1Envelope_SignedWithTheClientSecret()
    {
        const string secret = "client-secret-for-this-test";
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var sim = await SimulatorHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Todoist:ClientSecret"] = secret,
            ["Simulator:Webhooks:TargetUrl"] = new Uri(receiver.Address, "/webhooks/todoist").ToString(),
        });
        await Eventually.ReturnsAsync(() => Task.FromResult(sim.Webhooks.Target));

        sim.Simulator.ApplyRandomChanges(200);

        var announced = sim.Simulator.Counters.Announced;
        var received = await Eventually.ReturnsAsync(() =>
            Task.FromResult(receiver.Received.Count >= announced ? receiver.Received.ToList() : null));
        Assert.Equal(announced, received.Count);
        Assert.All(received, delivery =>
        {
            Assert.True(WebhookSignature.IsValid(WebhookSignature.KeyOf(secret), Encoding.UTF8.GetBytes(delivery.Body),
                delivery.Headers[WebhookSignature.Header]));
            Assert.Equal(WebhookSignature.UserAgent, delivery.Headers["User-Agent"]);
            Assert.True(Guid.TryParse(delivery.Headers[WebhookSignature.DeliveryIdHeader], out _));
            using var json = JsonDocument.Parse(delivery.Body);
            var body = json.RootElement;
            Assert.Equal("1", body.GetProperty("version").GetString());
            Assert.Equal(sim.Simulator.UserId, body.GetProperty("user_id").GetString());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$", body.GetProperty("triggered_at").GetString());
            var initiator = body.GetProperty("initiator");
            Assert.Equal(["email", "full_name", "id", "image_id", "is_premium"], initiator.EnumerateObject().Select(p => p.Name).Order());
            var name = body.GetProperty("event_name").GetString()!;
            Assert.Equal(name == "item:updated", body.TryGetProperty("event_data_extra", out _));
            var data = body.GetProperty("event_data");
            if (name.StartsWith("note:"))
            {
                Assert.True(data.TryGetProperty("url", out _) && data.GetProperty("item").TryGetProperty("parent_id", out _));
            }
            if (name.StartsWith("label:"))
            {
                Assert.True(data.TryGetProperty("item_order", out _) && !data.TryGetProperty("order", out _));
            }
        });
    }

    [Theory]
    [InlineData(null, false, false, "item:added")]
    [InlineData(false, false, true, "item:deleted")]
    [InlineData(false, true, false, "item:completed")]
    [InlineData(true, false, false, "item:uncompleted")]
    [InlineData(false, false, false, "item:updated")]
    public void NameOf_Item_FollowsTodoistsEventNames(bool? wasChecked, bool isChecked, bool isDeleted, string expected)
    {
        var before = wasChecked is { } c ? new WireItem { Id = "1", Checked = c } : null;
        var after = new WireItem { Id = "1", Checked = isChecked, IsDeleted = isDeleted };

        Assert.Equal(expected, WebhookEvents.NameOf(before, after));
    }

    [Fact]
    public void NameOf_Project_KnowsArchiving()
    {
        var project = new WireProject { Id = "p" };

        Assert.Equal("project:archived", WebhookEvents.NameOf(project, project with { IsArchived = true }));
        Assert.Equal("project:unarchived", WebhookEvents.NameOf(project with { IsArchived = true }, project));
        Assert.Equal("project:added", WebhookEvents.NameOf(null, project));
    }

    private static string Serialize(object value) => JsonSerializer.Serialize(value, TodoistJson.Options);

    private static string IdOf(object data) => data switch
    {
        WireItem i => i.Id, WebhookNote n => n.Id, WireProject p => p.Id, WireSection s => s.Id, WebhookLabel l => l.Id,
        _ => throw new ArgumentException(data.GetType().Name),
    };

    [GeneratedRegex("^(item|note|project|section|label):(added|updated|deleted|completed|uncompleted|archived|unarchived)$")]
    private static partial Regex EventName();
}
