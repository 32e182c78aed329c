using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SyncDashboard.Todoist.Simulator;
using Xunit;

namespace SyncDashboard.Tests.Todoist.Simulator;

/// <summary>Injected faults over HTTP, and the admin endpoint that sets them.</summary>
public sealed class SimulatorFaultFacts
{
    [Fact]
    public async Task Sync_Returns503WithJsonBody_WhenErrorRateIsOne()
    {
        await using var sim = await SimulatorHarness.StartAsync(new Dictionary<string, string?>
        {
            ["Simulator:Faults:ErrorRate"] = "1",
            ["Simulator:Faults:ErrorStatus"] = "503",
        });

        using var response = await sim.PostFormAsync("*");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var body = await SimulatorHarness.JsonOf(response);
        Assert.Equal("SERVICE_UNAVAILABLE", body.GetProperty("error_tag").GetString());
        Assert.Equal(503, body.GetProperty("http_code").GetInt32());
        Assert.Equal(1, sim.Simulator.Counters.FaultsInjected);
    }

    [Fact]
    public async Task Sync_Returns429WithRetryAfter_WhenTheInjectedErrorIs429()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 429, RetryAfterSeconds = 42 };

        using var response = await sim.PostFormAsync("*");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(42), response.Headers.RetryAfter?.Delta);
        var body = await SimulatorHarness.JsonOf(response);
        Assert.Equal("LIMITS_REACHED", body.GetProperty("error_tag").GetString());
        Assert.Equal(42, body.GetProperty("error_extra").GetProperty("retry_after").GetInt32());
    }

    [Fact]
    public async Task Sync_Returns200WithUnparsableBody_WhenMalformedRateIsOne()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Simulator.Faults = new SimulatorFaults { MalformedRate = 1 };

        using var response = await sim.PostFormAsync("*");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.ThrowsAny<JsonException>(() => JsonDocument.Parse(text));
    }

    [Fact]
    public async Task Sync_HangsUntilTheClientGivesUp_WhenTimeoutRateIsOne()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Simulator.Faults = new SimulatorFaults { TimeoutRate = 1 };
        using var impatient = new HttpClient { BaseAddress = sim.Address, Timeout = TimeSpan.FromMilliseconds(300) };

        await Assert.ThrowsAnyAsync<TaskCanceledException>(() =>
            impatient.PostAsync("/api/v1/sync", new FormUrlEncodedContent(new Dictionary<string, string> { ["sync_token"] = "*" }),
                TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Sync_WaitsFirst_WhenLatencyIsSet()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        sim.Simulator.Faults = new SimulatorFaults { LatencyMs = 200 };
        var watch = Stopwatch.StartNew();

        using var response = await sim.PostFormAsync("*", """["labels"]""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(190), $"answered after {watch.Elapsed}");
    }

    [Fact]
    public async Task Sync_ReturnsTheSameChanges_WhenFaultsWereInjectedBefore()
    {
        // Two simulators with the same seed and clock evolve identically; only one of them sees faults.
        var settings = new Dictionary<string, string?> { ["Simulator:IncrementalSyncLimit"] = "1" };
        await using var faulted = await SimulatorHarness.StartAsync(settings);
        await using var clean = await SimulatorHarness.StartAsync(settings);
        var faultedToken = (await faulted.SyncAsync("*")).SyncToken!;
        var cleanToken = (await clean.SyncAsync("*")).SyncToken!;
        faulted.Simulator.ApplyRandomChanges(30);
        clean.Simulator.ApplyRandomChanges(30);

        foreach (var fault in new[]
                 {
                     new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 },
                     new SimulatorFaults { ErrorRate = 1, ErrorStatus = 429 },
                     new SimulatorFaults { MalformedRate = 1 },
                 })
        {
            faulted.Simulator.Faults = fault;
            using var failed = await faulted.PostFormAsync(faultedToken);
            var text = await failed.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
            Assert.True(failed.StatusCode != HttpStatusCode.OK || !IsJson(text), $"{fault} was not injected");
        }
        faulted.Simulator.Faults = new SimulatorFaults();

        // The limit of one incremental sync is still unused, and the changes are the same as without faults.
        var afterFaults = await faulted.SyncAsync(faultedToken);
        var withoutFaults = await clean.SyncAsync(cleanToken);
        Assert.True(afterFaults.ObjectCount > 0);
        Assert.Equal(Json(afterFaults with { SyncToken = null }), Json(withoutFaults with { SyncToken = null }));
    }

    [Fact]
    public async Task AdminFaults_RoundTrips_WhenPutThenGet()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var ct = TestContext.Current.CancellationToken;
        var faults = new SimulatorFaults
        {
            ErrorRate = 0.25, ErrorStatus = 500, RetryAfterSeconds = 12, LatencyMs = 5, TimeoutRate = 0.1, MalformedRate = 0.05,
        };

        using var put = await sim.Http.PutAsJsonAsync("/admin/faults", faults, ct);
        var text = await sim.Http.GetStringAsync("/admin/faults", ct);

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal(faults, sim.Simulator.Faults);
        using var json = JsonDocument.Parse(text);
        Assert.Equal(0.25, json.RootElement.GetProperty("errorRate").GetDouble());
        Assert.Equal(500, json.RootElement.GetProperty("errorStatus").GetInt32());
        Assert.Equal(12, json.RootElement.GetProperty("retryAfterSeconds").GetInt32());
        Assert.Equal(5, json.RootElement.GetProperty("latencyMs").GetInt32());
        Assert.Equal(0.1, json.RootElement.GetProperty("timeoutRate").GetDouble());
        Assert.Equal(0.05, json.RootElement.GetProperty("malformedRate").GetDouble());
    }

    [Theory]
    [InlineData("""{"errorRate":2}""", "errorRate")]
    [InlineData("""{"errorStatus":200}""", "errorStatus")]
    [InlineData("""{"latencyMs":-1}""", "latencyMs")]
    [InlineData("""{"timeoutRate":"often"}""", "timeoutRate")]
    public async Task AdminFaults_Returns400NamingTheField_WhenAValueIsInvalid(string body, string field)
    {
        await using var sim = await SimulatorHarness.StartAsync();
        var before = sim.Simulator.Faults;

        using var response = await sim.Http.PutAsync("/admin/faults",
            new StringContent(body, System.Text.Encoding.UTF8, "application/json"), TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await SimulatorHarness.JsonOf(response);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
        Assert.Equal(before, sim.Simulator.Faults);
    }

    private static bool IsJson(string text)
    {
        try { using var _ = JsonDocument.Parse(text); return true; }
        catch (JsonException) { return false; }
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, SyncDashboard.Todoist.Wire.TodoistJson.Options);
}
