using System.Net.Http.Json;
using System.Text.Json;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Api;

public sealed class SloApiFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Ten failures among the last hour's 40 attempts, the newest failed: 25 % bad is 25× the 1 % the success
    /// objective allows, over the hour and the last 5 minutes, so the page rule (14.4×) fires; the health verdict
    /// and the SLO route say so.</summary>
    [Fact]
    public async Task Slo_AndHealth_ShowAFastBurn_OfTheSuccessObjective()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        var now = DateTime.UtcNow;
        await using (var db = await app.CreateDbAsync())
        {
            db.SyncEvents.AddRange(Enumerable.Range(0, 40).Select(i => new SyncEvent
            {
                Service = ServiceName.Todoist, Type = SyncType.Incremental, Trigger = SyncTrigger.Schedule,
                Status = i % 4 == 0 ? SyncStatus.Failed : SyncStatus.Succeeded,
                StartedUtc = now.AddMinutes(-i).AddSeconds(-2), CompletedUtc = now.AddMinutes(-i).AddSeconds(-1), DurationMs = 1000,
            }));
            db.SyncStates.Add(new SyncState { Service = ServiceName.Todoist, LastSuccessfulSyncUtc = now.AddMinutes(-1) });
            await db.SaveChangesAsync(Ct);
        }
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
