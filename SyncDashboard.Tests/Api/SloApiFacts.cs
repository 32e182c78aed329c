using System.Net.Http.Json;
using System.Text.Json;
using SyncDashboard.Configuration;
using SyncDashboard.Health;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Api;

public sealed class SloApiFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>See <see cref="BurningHistory"/>: the page rule fires for the success objective; the health verdict
    /// and the SLO route say so.</summary>
    [Fact]
    public async Task Slo_AndHealth_ShowAFastBurn_OfTheSuccessObjective()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        await using (var db = await app.CreateDbAsync()) await BurningHistory.SeedAsync(db, DateTime.UtcNow, Ct);
        using var client = app.CreateClient();

        var slo = await client.GetFromJsonAsync<JsonElement>("/api/monitoring/slo", Ct);
        var health = await app.Get<HealthQueries>().GetAsync(ServiceName.Todoist, Ct);

        var success = slo.GetProperty("objectives").EnumerateArray().Single(o => o.GetProperty("name").GetString() == "success");
        Assert.Equal(0.75, success.GetProperty("attainment").GetDouble(), 9);
        Assert.Equal("Page", success.GetProperty("firing").GetString());
        var alert = Assert.Single(health.Alerts, a => a.Code == AlertCodes.SloBurnFast);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
        Assert.Contains("success objective", alert.Message);
    }

    /// <summary>See <see cref="BurningHistory"/>: 10 of 40 attempts failed, with no error chain stored, so one item of
    /// 10 failed attempts spent the success budget; allowed 1 % of 40 = 0.4, so 0.4 − 10 = −9.6 left now. The mirror
    /// never went 15 minutes without a success: nothing spent the freshness budget.</summary>
    [Fact]
    public async Task SloSpent_ListsWhatSpentTheBudget_AndTheBurnDown()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        await using (var db = await app.CreateDbAsync()) await BurningHistory.SeedAsync(db, DateTime.UtcNow, Ct);
        using var client = app.CreateClient();

        var spent = await client.GetFromJsonAsync<JsonElement>("/api/monitoring/slo/spent", Ct);

        var objectives = spent.GetProperty("objectives").EnumerateArray().ToList();
        Assert.Equal(["success", "freshness"], objectives.Select(o => o.GetProperty("name").GetString()));
        var item = Assert.Single(objectives[0].GetProperty("spent").EnumerateArray());
        Assert.Equal(("failures", 10.0), (item.GetProperty("kind").GetString(), item.GetProperty("amount").GetDouble()));
        var burnDown = objectives[0].GetProperty("burnDown").EnumerateArray().ToList();
        Assert.Equal(SloQueries.BurnDownSteps + 1, burnDown.Count);
        Assert.Equal(-9.6, burnDown[^1].GetProperty("remaining").GetDouble(), 9);
        Assert.Empty(objectives[1].GetProperty("spent").EnumerateArray());
    }
}
