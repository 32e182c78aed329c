using System.Net;
using System.Text;
using System.Text.Json;
using Xunit;

namespace SyncDashboard.Tests.Todoist.Simulator;

/// <summary>The sync endpoint over real HTTP, as any Todoist client would see it.</summary>
public sealed class SimulatorHttpFacts
{
    private const string TimestampPattern = @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$";

    /// <summary>The keys Todoist API v1 sends for each object, a null one too.</summary>
    private static readonly Dictionary<string, string[]> Keys = new()
    {
        ["items"] =
        [
            "id", "user_id", "project_id", "section_id", "parent_id", "added_by_uid", "assigned_by_uid", "responsible_uid",
            "labels", "deadline", "duration", "checked", "is_deleted", "added_at", "completed_at", "completed_by_uid",
            "updated_at", "due", "priority", "child_order", "content", "description", "day_order", "is_collapsed", "note_count",
        ],
        ["projects"] =
        [
            "id", "name", "color", "parent_id", "child_order", "is_archived", "is_deleted", "is_favorite", "is_frozen",
            "is_shared", "is_collapsed", "inbox_project", "can_assign_tasks", "view_style", "description", "created_at",
            "updated_at", "default_order",
        ],
        ["sections"] =
        [
            "id", "user_id", "project_id", "added_at", "updated_at", "archived_at", "name", "description", "section_order",
            "is_archived", "is_deleted", "is_collapsed",
        ],
        ["labels"] = ["id", "name", "color", "is_favorite", "order", "is_deleted"],
        ["notes"] =
        [
            "id", "item_id", "content", "posted_at", "posted_uid", "file_attachment", "uids_to_notify", "reactions",
            "is_deleted",
        ],
    };

    private static readonly string[] DueKeys = ["is_recurring", "string", "date", "datetime", "timezone", "lang"];

    [Fact]
    public async Task Sync_SendsEveryKeyOfEveryObject_NullsIncluded()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        using var fullResponse = await sim.PostFormAsync("*");
        var full = await SimulatorHarness.JsonOf(fullResponse);
        sim.Simulator.ApplyRandomChanges(300);
        using var changesResponse = await sim.PostFormAsync(full.GetProperty("sync_token").GetString()!);
        var changes = await SimulatorHarness.JsonOf(changesResponse);

        foreach (var body in new[] { full, changes })
        {
            foreach (var (type, keys) in Keys)
            {
                Assert.All(body.GetProperty(type).EnumerateArray(), o =>
                    Assert.Equal(keys.Order(), o.EnumerateObject().Select(p => p.Name).Order()));
            }
            Assert.All(body.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("due")).Where(d => d.ValueKind != JsonValueKind.Null),
                due => Assert.Equal(DueKeys.Order(), due.EnumerateObject().Select(p => p.Name).Order()));
        }
        // The nulls are there: a top-level task has a parent_id, and it is null.
        Assert.Contains(full.GetProperty("items").EnumerateArray(), i => i.GetProperty("parent_id").ValueKind == JsonValueKind.Null);
        Assert.Contains(full.GetProperty("items").EnumerateArray(), i => i.GetProperty("due").ValueKind == JsonValueKind.Null);
        // Deleted objects of every type come back whole.
        Assert.All(Keys.Keys, type => Assert.Contains(changes.GetProperty(type).EnumerateArray(), o => o.GetProperty("is_deleted").GetBoolean()));
    }

    [Fact]
    public async Task Sync_AcceptsFormAndJsonBodies()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        using var form = await sim.PostFormAsync("*", """["items","labels"]""");
        using var json = await sim.PostJsonAsync("*", ["items", "labels"]);

        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        var formBody = await SimulatorHarness.JsonOf(form);
        var jsonBody = await SimulatorHarness.JsonOf(json);
        Assert.Equal(formBody.GetProperty("items").GetArrayLength(), jsonBody.GetProperty("items").GetArrayLength());
        Assert.False(jsonBody.TryGetProperty("projects", out _));
        Assert.Equal("application/json", json.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Sync_WritesTodoistFieldNamesAndTimestamps()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        using var fullResponse = await sim.PostFormAsync("*");
        var full = await SimulatorHarness.JsonOf(fullResponse);
        sim.Simulator.ApplyRandomChanges(60);
        using var changesResponse = await sim.PostFormAsync(full.GetProperty("sync_token").GetString()!);
        var changes = await SimulatorHarness.JsonOf(changesResponse);

        Assert.True(full.GetProperty("full_sync").GetBoolean());
        Assert.Matches(TimestampPattern, full.GetProperty("full_sync_date_utc").GetString());
        var item = full.GetProperty("items")[0];
        foreach (var name in new[] { "id", "project_id", "checked", "is_deleted", "child_order", "day_order", "priority", "content", "note_count", "added_at" })
        {
            Assert.True(item.TryGetProperty(name, out _), $"items[] lacks {name}");
        }
        Assert.Matches(TimestampPattern, item.GetProperty("added_at").GetString());
        Assert.Contains(full.GetProperty("projects").EnumerateArray(), p => p.GetProperty("inbox_project").GetBoolean());
        Assert.True(full.GetProperty("sections")[0].TryGetProperty("section_order", out _));
        var note = full.GetProperty("notes")[0];
        Assert.True(note.TryGetProperty("item_id", out _));
        Assert.Matches(TimestampPattern, note.GetProperty("posted_at").GetString());

        Assert.False(changes.GetProperty("full_sync").GetBoolean());
        Assert.False(changes.TryGetProperty("full_sync_date_utc", out _));
        var completed = changes.GetProperty("items").EnumerateArray().First(i => i.GetProperty("checked").GetBoolean());
        Assert.Matches(TimestampPattern, completed.GetProperty("completed_at").GetString());
        Assert.Contains(changes.GetProperty("items").EnumerateArray(), i => i.GetProperty("is_deleted").GetBoolean());
    }

    [Fact]
    public async Task Sync_Returns403AuthInvalidToken_WhenTheBearerTokenIsWrong()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        using var response = await sim.PostFormAsync("*", bearer: "wrong");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var body = await SimulatorHarness.JsonOf(response);
        Assert.Equal("AUTH_INVALID_TOKEN", body.GetProperty("error_tag").GetString());
        Assert.Equal(401, body.GetProperty("error_code").GetInt32());
        Assert.Equal(403, body.GetProperty("http_code").GetInt32());
        Assert.True(body.GetProperty("error_extra").TryGetProperty("event_id", out _));
    }

    [Fact]
    public async Task Sync_Returns401_WhenThereIsNoAuthorizationHeader()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        using var response = await sim.PostFormAsync("*", bearer: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Sync_Returns400NamingTheSyncToken_WhenTokenIsUnknown()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        using var response = await sim.PostJsonAsync("c2VlbiBub3doZXJl", ["all"]);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await SimulatorHarness.JsonOf(response);
        Assert.Contains("sync token", body.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Sync_Returns400ArgumentMissing_WhenSyncTokenIsMissing()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        using var response = await sim.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/sync")
        {
            Content = new StringContent("""{"resource_types":["all"]}""", Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ARGUMENT_MISSING", (await SimulatorHarness.JsonOf(response)).GetProperty("error_tag").GetString());
    }

    [Fact]
    public async Task Sync_Returns405WithTodoistsErrorBody_WhenMethodIsGet()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        using var response = await sim.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/sync"));

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        AssertTodoistError(await SimulatorHarness.JsonOf(response), 405, "METHOD_NOT_ALLOWED");
    }

    [Fact]
    public async Task Sync_Returns404WithTodoistsErrorBody_WhenPathIsMixedCase()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        using var response = await sim.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/API/v1/Sync")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["sync_token"] = "*" }),
        });

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        AssertTodoistError(await SimulatorHarness.JsonOf(response), 404, "NOT_FOUND");
    }

    [Fact]
    public async Task Endpoint_Returns404WithTodoistsErrorBody_WhenTheEndpointIsNotModelled()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        using var response = await sim.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/v1/tasks"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        AssertTodoistError(await SimulatorHarness.JsonOf(response), 404, "NOT_FOUND");
    }

    [Fact]
    public async Task Sync_Returns400NamingResourceTypes_WhenATypeIsNotModelled()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        using var response = await sim.PostFormAsync("*", """["items","reminders"]""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await SimulatorHarness.JsonOf(response);
        AssertTodoistError(body, 400, "INVALID_ARGUMENT_VALUE");
        Assert.Equal("resource_types", body.GetProperty("error_extra").GetProperty("argument").GetString());
        Assert.Contains("reminders", body.GetProperty("error_extra").GetProperty("explanation").GetString());
    }

    [Fact]
    public async Task Sync_AnswersEachCommandInSyncStatus_WhenAFormCarriesCommands()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var before = JsonSerializer.Serialize(sim.Simulator.Snapshot(), SyncDashboard.Todoist.Wire.TodoistJson.Options);

        using var response = await sim.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/sync")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["commands"] = """[{"type":"item_add","uuid":"c1","temp_id":"t1","args":{"content":"Milk"}},{"type":"item_close","uuid":"c2","args":{"id":"x"}}]""",
            }),
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await SimulatorHarness.JsonOf(response);
        var status = body.GetProperty("sync_status");
        Assert.Equal(["c1", "c2"], status.EnumerateObject().Select(p => p.Name));
        Assert.All(status.EnumerateObject(), p => AssertTodoistError(p.Value, 400, "INVALID_ARGUMENT_VALUE"));
        Assert.Empty(body.GetProperty("temp_id_mapping").EnumerateObject());
        Assert.False(string.IsNullOrEmpty(body.GetProperty("sync_token").GetString()));
        Assert.False(body.TryGetProperty("items", out _));
        Assert.Equal(before, JsonSerializer.Serialize(sim.Simulator.Snapshot(), SyncDashboard.Todoist.Wire.TodoistJson.Options));
    }

    [Theory]
    [InlineData("""{"commands":{"type":"item_add"}}""")]
    [InlineData("""{"commands":[{"type":"item_add"}]}""")]
    [InlineData("""{"commands":[{"uuid":"c1"}]}""")]
    public async Task Sync_Returns400NamingCommands_WhenACommandHasNoTypeOrUuid(string json)
    {
        await using var sim = await SimulatorHarness.StartAsync();

        using var response = await sim.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/sync")
        {
            Content = new StringContent(json, Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await SimulatorHarness.JsonOf(response);
        Assert.Equal("commands", body.GetProperty("error_extra").GetProperty("argument").GetString());
    }

    private static void AssertTodoistError(JsonElement body, int status, string tag)
    {
        Assert.Equal(JsonValueKind.String, body.GetProperty("error").ValueKind);
        Assert.Equal(JsonValueKind.Number, body.GetProperty("error_code").ValueKind);
        Assert.Equal(tag, body.GetProperty("error_tag").GetString());
        Assert.Equal(status, body.GetProperty("http_code").GetInt32());
        Assert.Equal(JsonValueKind.Object, body.GetProperty("error_extra").ValueKind);
    }

    [Fact]
    public async Task Sync_Returns413_WhenBodyIsOverOneMebibyte()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var padding = new string('x', 1024 * 1024);

        using var response = await sim.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/v1/sync")
        {
            Content = new StringContent($$"""{"sync_token":"*","padding":"{{padding}}"}""", Encoding.UTF8, "application/json"),
        });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Sync_Returns429WithRetryAfter_UntilTheWindowHasPassed()
    {
        await using var sim = await SimulatorHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:FullSyncLimit"] = "2",
            ["Simulator:IncrementalSyncLimit"] = "1",
        });
        (await sim.PostFormAsync("*", """["labels"]""")).Dispose();
        var token = (await sim.SyncAsync("*", """["labels"]""")).SyncToken!;
        (await sim.PostFormAsync(token, """["labels"]""")).Dispose();

        using var fullRefused = await sim.PostFormAsync("*", """["labels"]""");
        using var incrementalRefused = await sim.PostFormAsync(token, """["labels"]""");
        sim.Time.Advance(TimeSpan.FromMinutes(15));
        using var fullAllowed = await sim.PostFormAsync("*", """["labels"]""");
        using var incrementalAllowed = await sim.PostFormAsync(token, """["labels"]""");

        Assert.Equal(HttpStatusCode.TooManyRequests, fullRefused.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(15), fullRefused.Headers.RetryAfter?.Delta);
        var body = await SimulatorHarness.JsonOf(fullRefused);
        Assert.Equal("LIMITS_REACHED", body.GetProperty("error_tag").GetString());
        Assert.Equal(35, body.GetProperty("error_code").GetInt32());
        Assert.Equal(900, body.GetProperty("error_extra").GetProperty("retry_after").GetInt32());
        Assert.Equal(HttpStatusCode.TooManyRequests, incrementalRefused.StatusCode);
        Assert.NotNull(incrementalRefused.Headers.RetryAfter);
        Assert.Equal(HttpStatusCode.OK, fullAllowed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, incrementalAllowed.StatusCode);
    }

    [Fact]
    public async Task Endpoint_ReportsTheBoundAddress_WhenPortIsZero()
    {
        await using var sim = await SimulatorHarness.StartAsync();

        Assert.Equal("127.0.0.1", sim.Address.Host);
        Assert.NotEqual(0, sim.Address.Port);
        Assert.Equal(sim.Address, sim.Endpoint.Address);
    }
}
