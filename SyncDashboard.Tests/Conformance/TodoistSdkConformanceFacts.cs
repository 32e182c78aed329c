using System.Text.Json;
using System.Text.Json.Nodes;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Todoist.Simulator;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Conformance;

/// <summary>Todoist's own TypeScript SDK, pinned in package.json, as a client of a live simulator: every answer the
/// simulator gives must pass the SDK's schemas, as real Todoist's do.</summary>
public sealed class TodoistSdkConformanceFacts(TodoistSdkFixture sdk) : IClassFixture<TodoistSdkFixture>
{
    private const string ClientSecret = "conformance-client-secret";

    /// <summary>Every kind of change the simulated account makes, as Todoist names it in webhooks.</summary>
    private static readonly string[] EveryKindOfChange =
    [
        "item:added", "item:updated", "item:completed", "item:uncompleted", "item:deleted",
        "note:added", "note:updated", "note:deleted",
        "project:added", "project:updated", "project:deleted",
        "section:added", "section:updated", "section:deleted",
        "label:added", "label:updated", "label:deleted",
    ];

    private static readonly string[] Modelled = ["items", "projects", "sections", "labels", "notes"];

    public static TheoryData<string> ResourceTypeRequests =>
    [
        "all", "items", "projects", "sections", "labels", "notes",
        "all,-items", "all,-projects", "all,-sections", "all,-labels", "all,-notes",
        "items,projects,sections,labels,notes", "-notes,all",
    ];

    [Fact]
    public async Task Session_LoadsThePinnedSdk()
    {
        await using var node = await sdk.StartAsync();

        Assert.Equal(sdk.PinnedVersion, node.SdkVersion);
    }

    [Theory]
    [MemberData(nameof(ResourceTypeRequests))]
    public async Task FullSync_PassesTheSdksSchemas(string request)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await using var node = await sdk.StartAsync(sim);
        var types = request.Split(',');

        var reply = await node.SyncAsync("*", types);

        AssertAccepted(reply, $"a full sync of [{request}]");
        Assert.True(reply.GetProperty("fullSync").GetBoolean());
        Assert.Equal(Expected(types), Arrays(reply));
        Assert.All(Arrays(reply), name => Assert.True(reply.GetProperty("counts").GetProperty(name).GetInt32() > 0, name));
    }

    [Theory]
    [MemberData(nameof(ResourceTypeRequests))]
    public async Task IncrementalSync_PassesTheSdksSchemas_WhenEveryKindOfChangeHappened(string request)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await using var node = await sdk.StartAsync(sim);
        var types = request.Split(',');
        var announced = sim.Simulator.Webhooks();
        var first = (await node.SyncAsync("*", types)).GetProperty("syncToken").GetString();
        var latest = first;
        var kinds = new HashSet<string>();

        // Rounds, so that objects are added in one and edited, completed, reopened or deleted in a later one.
        for (var round = 0; round < 12; round++)
        {
            sim.Simulator.ApplyRandomChanges(40);
            while (announced.TryRead(out var webhook)) kinds.Add(webhook.EventName);
            var delta = await node.SyncAsync(latest, types);
            AssertAccepted(delta, $"an incremental sync of [{request}] in round {round}");
            Assert.False(delta.GetProperty("fullSync").GetBoolean());
            latest = delta.GetProperty("syncToken").GetString();
        }
        var everything = await node.SyncAsync(first, types);

        Assert.Empty(EveryKindOfChange.Except(kinds));
        AssertAccepted(everything, $"an incremental sync of [{request}] holding every kind of change");
        Assert.Equal(Expected(types), Arrays(everything));
    }

    [Fact]
    public async Task Schemas_RejectAFullSync_WhenANullFieldIsDropped()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await using var node = await sdk.StartAsync(sim);
        using var response = await sim.PostFormAsync("*");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken))!;
        var item = body["items"]!.AsArray().First(i => i!["parent_id"] is null)!.AsObject();
        var index = body["items"]!.AsArray().IndexOf(item);

        var intact = await node.SendAsync(new { op = "parse", schema = "sync", body });
        item.Remove("parent_id");
        var dropped = await node.SendAsync(new { op = "parse", schema = "sync", body });

        Assert.True(intact.GetProperty("valid").GetBoolean(), intact.ToString());
        Assert.False(dropped.GetProperty("valid").GetBoolean());
        Assert.Contains(dropped.GetProperty("issues").EnumerateArray(),
            i => i.GetProperty("path").GetString() == $"items.{index}.parentId");
    }

    [Theory]
    [InlineData(400)]
    [InlineData(401)]
    [InlineData(403)]
    [InlineData(404)]
    [InlineData(405)]
    [InlineData(413)]
    [InlineData(415)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public async Task ErrorBody_PassesTheSdksSchema(int status)
    {
        await using var sim = await SimulatorHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:FullSyncLimit"] = "1",
        });
        await using var node = await sdk.StartAsync(sim);
        if (status == 429) AssertAccepted(await node.SyncAsync("*", ["labels"]), "the one full sync allowed");
        if (status is 500 or 503) sim.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = status };

        var reply = status switch
        {
            // Requests the SDK can make go through its own client; the others are sent as Todoist clients do.
            400 => await node.SyncAsync("c2VlbiBub3doZXJl", ["all"]),
            401 => await node.SyncAsync("*", ["all"], token: ""),
            403 => await node.SyncAsync("*", ["all"], token: "not-the-token"),
            404 => await node.SendAsync(new { op = "raw", method = "POST", path = "/api/v1/tasks" }),
            405 => await node.SendAsync(new { op = "raw", method = "GET", path = "/api/v1/sync" }),
            413 => await node.SendAsync(new
            {
                op = "raw", method = "POST", path = "/api/v1/sync", contentType = "application/json",
                body = $$"""{"sync_token":"*","padding":"{{new string('x', 1024 * 1024)}}"}""",
            }),
            415 => await node.SendAsync(new
            {
                op = "raw", method = "POST", path = "/api/v1/sync", contentType = "text/plain", body = "sync_token=*",
            }),
            _ => await node.SyncAsync("*", ["labels"]),
        };

        var (actual, verdict) = reply.TryGetProperty("errorBody", out var errorBody)
            ? (reply.GetProperty("status").GetInt32(), errorBody)
            : (reply.GetProperty("status").GetInt32(), reply);
        Assert.True(status == actual, $"expected {status}: {reply}");
        Assert.True(verdict.ValueKind == JsonValueKind.Object && verdict.GetProperty("valid").GetBoolean(),
            $"The SDK refused the {status} body: {reply}");
        var body = verdict.GetProperty("body");
        Assert.Equal(status, body.GetProperty("http_code").GetInt32());
        if (status == 429) Assert.True(body.GetProperty("error_extra").GetProperty("retry_after").GetInt32() > 0);
    }

    [Fact]
    public async Task Sync_AnswersA400TheSdkReads_WhenAResourceTypeIsNotModelled()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await using var node = await sdk.StartAsync(sim);

        var reply = await node.SyncAsync("*", ["items", "reminders"]);

        Assert.Equal(400, reply.GetProperty("status").GetInt32());
        var error = reply.GetProperty("errorBody");
        Assert.True(error.GetProperty("valid").GetBoolean(), reply.ToString());
        Assert.Equal("resource_types", error.GetProperty("body").GetProperty("error_extra").GetProperty("argument").GetString());
    }

    [Fact]
    public async Task Commands_AreRefusedOneByOneInSyncStatus_AsTheSdkExpects()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        await using var node = await sdk.StartAsync(sim);
        object[] commands =
        [
            new { type = "item_add", uuid = "6f7b1d2e-0f5c-4c1e-9a55-1d0b8e1a7c11", temp_id = "t1", args = new { content = "Milk" } },
        ];

        var raw = await node.SendAsync(new
        {
            op = "raw", method = "POST", path = "/api/v1/sync", contentType = "application/json",
            body = JsonSerializer.Serialize(new { sync_token = "*", resource_types = new[] { "labels" }, commands }),
        });
        var viaSdk = await node.SendAsync(new { op = "sync", syncToken = "*", resourceTypes = new[] { "labels" }, commands });

        Assert.Equal(200, raw.GetProperty("status").GetInt32());
        Assert.True(raw.GetProperty("valid").GetBoolean(), raw.ToString());
        var status = raw.GetProperty("body").GetProperty("sync_status").GetProperty("6f7b1d2e-0f5c-4c1e-9a55-1d0b8e1a7c11");
        Assert.Equal(400, status.GetProperty("http_code").GetInt32());
        Assert.Equal(JsonValueKind.Object, raw.GetProperty("body").GetProperty("temp_id_mapping").ValueKind);
        Assert.True(raw.GetProperty("body").GetProperty("labels").GetArrayLength() > 0);
        // The SDK turns a refused command into its own error, with the message Todoist's sync_status gave.
        Assert.Equal("request", viaSdk.GetProperty("kind").GetString());
        Assert.Equal(status.GetProperty("error").GetString(), viaSdk.GetProperty("message").GetString());
    }

    [Fact]
    public async Task Webhooks_PassTheSdksSchemasAndSignatureCheck_ForEveryKindOfChange()
    {
        await using var node = await sdk.StartAsync();
        await using var sim = await SimulatorHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Todoist:ClientSecret"] = ClientSecret,
            ["Simulator:Webhooks:TargetUrl"] = node.WebhookUrl.ToString(),
        });
        await node.UseAsync(sim.Address, SimulatorHarness.Token, ClientSecret);
        var sender = sim.Webhooks;
        await Eventually.ReturnsAsync(() => Task.FromResult(sender.Target));

        for (var round = 0; round < 12; round++) sim.Simulator.ApplyRandomChanges(40);
        var announced = sim.Simulator.Counters.Announced;
        var deliveries = await Eventually.ReturnsAsync(async () =>
        {
            var all = (await node.SendAsync(new { op = "webhooks" })).GetProperty("deliveries").EnumerateArray().ToList();
            return all.Count >= announced ? all : null;
        }, TodoistSdkFixture.Patience);

        Assert.Equal(announced, deliveries.Count);
        Assert.All(deliveries, d =>
        {
            Assert.True(d.GetProperty("valid").GetBoolean(), $"The SDK refused a delivery: {d}");
            Assert.True(d.GetProperty("signatureValid").GetBoolean(), $"The SDK could not verify a signature: {d}");
            Assert.Equal("Todoist-Webhooks", d.GetProperty("userAgent").GetString());
            Assert.False(string.IsNullOrEmpty(d.GetProperty("deliveryId").GetString()));
            Assert.StartsWith("application/json", d.GetProperty("contentType").GetString());
        });
        var kinds = deliveries.Select(d => d.GetProperty("eventName").GetString()!).ToHashSet();
        Assert.Empty(EveryKindOfChange.Except(kinds));
        Assert.All(deliveries.Where(d => d.GetProperty("eventName").GetString() == "item:updated"),
            d => Assert.True(d.GetProperty("hasExtra").GetBoolean(), d.ToString()));
        Assert.Equal(0, sender.Counters.Failed);
    }

    private static void AssertAccepted(JsonElement reply, string what) =>
        Assert.True(reply.GetProperty("ok").GetBoolean(), $"The SDK refused {what}: {reply}");

    private static SortedSet<string> Arrays(JsonElement reply) =>
        new(reply.GetProperty("counts").EnumerateObject().Select(p => p.Name), StringComparer.Ordinal);

    /// <summary>The arrays a response to <paramref name="types"/> holds: names add, "all" adds every modelled type,
    /// a "-" removes.</summary>
    private static SortedSet<string> Expected(string[] types)
    {
        var included = types.Where(t => !t.StartsWith('-')).SelectMany(t => t == "all" ? Modelled : [t]);
        var excluded = types.Where(t => t.StartsWith('-')).Select(t => t[1..]);
        return new SortedSet<string>(included.Except(excluded), StringComparer.Ordinal);
    }
}
