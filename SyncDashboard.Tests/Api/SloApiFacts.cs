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
}
