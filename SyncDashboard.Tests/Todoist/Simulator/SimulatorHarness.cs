using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Configuration;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Simulator;
using SyncDashboard.Todoist.Wire;
using Xunit;

namespace SyncDashboard.Tests.Todoist.Simulator;

/// <summary>The simulator alone, in a tiny host on 127.0.0.1 with a free port and a fake clock (or the real one, for
/// tests whose client runs on real time in another process); not the whole app.</summary>
internal sealed class SimulatorHarness : IAsyncDisposable
{
    public const string Token = "simulator-token";
    public static readonly DateTimeOffset Start = new(2025, 2, 10, 10, 33, 38, TimeSpan.Zero);

    private readonly IHost host;

    private SimulatorHarness(IHost host, Uri address)
    {
        this.host = host;
        Address = address;
        Http = new HttpClient { BaseAddress = address };
    }

    public Uri Address { get; }
    public HttpClient Http { get; }
    /// <summary>The fake clock; only for harnesses started without <c>realClock</c>.</summary>
    public FakeTimeProvider Time => host.Services.GetRequiredService<TimeProvider>() as FakeTimeProvider
        ?? throw new InvalidOperationException("This harness runs on the real clock.");
    public TodoistSimulator Simulator => host.Services.GetRequiredService<TodoistSimulator>();
    public SimulatorEndpoint Endpoint => host.Services.GetRequiredService<SimulatorEndpoint>();
    public SimulatorOptions Options => host.Services.GetRequiredService<IOptions<SimulatorOptions>>().Value;
    /// <summary>The webhook sender; it posts only when <c>Simulator:Webhooks:TargetUrl</c> is set (there is no app).</summary>
    public SimulatorWebhooks Webhooks => host.Services.GetRequiredService<SimulatorWebhooks>();

    /// <param name="realClock">Run the account and its rate-limit window on <see cref="TimeProvider.System"/>: a client
    /// on real time (a child process) would otherwise see timestamps from 2025 and a limit window that never moves.</param>
    public static async Task<SimulatorHarness> StartAsync(IDictionary<string, string?>? settings = null, bool realClock = false)
    {
        var ct = TestContext.Current.CancellationToken;
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Todoist:ApiToken"] = "",
            ["Simulator:Url"] = "http://127.0.0.1:0",
            ["Simulator:ChangeIntervalSeconds"] = "0",
            ["Simulator:Tasks"] = "300",
        });
        if (settings is not null) builder.Configuration.AddInMemoryCollection(settings);
        builder.Services.AddLogging();
        builder.Services.AddSingleton(realClock ? TimeProvider.System : new FakeTimeProvider(Start));
        builder.Services.AddTodoistOptions();
        builder.Services.AddValidatedOptions<SimulatorOptions>(SimulatorOptions.Section);
        builder.AddTodoistSimulator();

        var host = builder.Build();
        await host.StartAsync(ct);
        var address = await host.Services.GetRequiredService<SimulatorEndpoint>().WhenStartedAsync(ct);
        return new SimulatorHarness(host, address);
    }

    /// <summary>A sync call as the reference documents it: a form with JSON-encoded values.</summary>
    public Task<HttpResponseMessage> PostFormAsync(string syncToken, string resourceTypes = """["all"]""", string? bearer = Token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sync")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["sync_token"] = syncToken,
                ["resource_types"] = resourceTypes,
            }),
        };
        return SendAsync(request, bearer);
    }

    /// <summary>A sync call as the official SDK sends it: a JSON body.</summary>
    public Task<HttpResponseMessage> PostJsonAsync(string syncToken, string[] resourceTypes, string? bearer = Token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/api/v1/sync")
        {
            Content = JsonContent.Create(new Dictionary<string, object>
            {
                ["sync_token"] = syncToken,
                ["resource_types"] = resourceTypes,
            }),
        };
        return SendAsync(request, bearer);
    }

    public Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, string? bearer = Token)
    {
        if (bearer is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
        return Http.SendAsync(request, TestContext.Current.CancellationToken);
    }

    /// <summary>A successful sync, parsed with the app's own wire options.</summary>
    public async Task<SyncResponse> SyncAsync(string syncToken, string resourceTypes = """["all"]""")
    {
        using var response = await PostFormAsync(syncToken, resourceTypes);
        var body = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {body}");
        return JsonSerializer.Deserialize<SyncResponse>(body, TodoistJson.Options)!;
    }

    public static async Task<JsonElement> JsonOf(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken);
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        await host.StopAsync(CancellationToken.None);
        host.Dispose();
    }
}
