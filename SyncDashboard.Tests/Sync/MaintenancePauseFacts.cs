using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Sync;

/// <summary>A window that pauses syncing holds the runs a pause holds, for exactly its span, and they wait for its end;
/// "Sync now" still runs. The whole app on a real SQLite file against the simulator, with a fake clock.</summary>
public sealed class MaintenancePauseFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task PausingWindow_DefersHeldRunsToItsEnd_ForExactlyItsSpan()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var app = new ClockedApp(clock);
        await app.StartAsync();
        using var client = app.CreateClient();
        var start = clock.GetUtcNow().UtcDateTime.AddMinutes(10);
        var end = start.AddMinutes(30);
        var created = await client.PostAsJsonAsync("/api/maintenance", new
        {
            reason = "Todoist maintenance", start = start.ToString("O"), durationMinutes = 30, pauseSyncing = true,
        }, Ct);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        clock.Advance(TimeSpan.FromMinutes(9));
        Assert.Equal(SyncOutcomeKind.Succeeded, (await app.SyncAsync(trigger: SyncTrigger.Schedule)).Kind);

        clock.Advance(TimeSpan.FromMinutes(1));
        var held = await app.SyncAsync(trigger: SyncTrigger.Webhook);
        Assert.Equal((SyncOutcomeKind.Deferred, (DateTime?)end), (held.Kind, held.DeferredUntilUtc));
        clock.Advance(TimeSpan.FromMinutes(29));
        Assert.Equal(SyncOutcomeKind.Deferred, (await app.SyncAsync(trigger: SyncTrigger.Schedule)).Kind);
        Assert.Equal(SyncOutcomeKind.Succeeded, (await app.SyncAsync(trigger: SyncTrigger.Manual)).Kind);

        clock.Advance(TimeSpan.FromMinutes(1));
        Assert.Equal(SyncOutcomeKind.Succeeded, (await app.SyncAsync(trigger: SyncTrigger.Schedule)).Kind);
        // The window used the pause's rules without touching the operator's pause switch.
        await using var db = await app.CreateDbAsync();
        Assert.False(db.SyncStates.Single().IsPaused);
    }

    private sealed class ClockedApp(FakeTimeProvider clock) : TestApp
    {
        protected override void ConfigureTestServices(IServiceCollection services) => services.AddSingleton<TimeProvider>(clock);
    }
}
