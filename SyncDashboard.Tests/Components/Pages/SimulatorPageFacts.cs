using System.Net;
using System.Net.Http.Headers;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Pages;

/// <summary>The Simulator page exists only in demo mode.</summary>
public sealed class SimulatorPageFacts
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Simulator_IsNotFound_AndNotLinked_WithARealTodoistToken()
    {
        await using var app = new TestApp(new Dictionary<string, string?> { ["Todoist:ApiToken"] = "a-real-looking-token" });
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var simulator = await http.GetAsync("/simulator", Ct);
        var overview = await http.GetStringAsync("/", Ct);

        Assert.Equal(HttpStatusCode.NotFound, simulator.StatusCode);
        Assert.DoesNotContain("href=\"simulator\"", overview);
        Assert.DoesNotContain("data-testid=\"demo-chip\"", overview);
    }

    [Fact]
    public async Task Simulator_IsLinkedAndServed_InDemoMode()
    {
        await using var app = new TestApp();
        using var http = app.CreateClient();
        http.DefaultRequestHeaders.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var simulator = await http.GetAsync("/simulator", Ct);
        var overview = await http.GetStringAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, simulator.StatusCode);
        Assert.Contains("data-testid=\"simulator-panel\"", await simulator.Content.ReadAsStringAsync(Ct));
        Assert.Contains("href=\"simulator\"", overview);
    }
}
