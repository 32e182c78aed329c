using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Sync;

/// <summary>Hangfire keeps its storage and activator in statics (JobStorage.Current, JobActivator.Current). Every
/// host registers its own, and the app queues jobs through DI, never through the static BackgroundJob API: two hosts
/// in one process (the tests) must each run their own jobs against their own database.</summary>
public sealed class HangfireIsolationFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AJobQueuedInOneHost_RunsInThatHost_EvenAfterAnotherHostConfiguredHangfire()
    {
        await using var first = new TestApp();
        await first.StartAsync();
        await using var second = new TestApp(); // configures Hangfire last: the statics now point here
        await second.StartAsync();
        using var http = first.CreateClient();

        var response = await http.PostAsync("/api/sync?type=full", null, Ct);
        response.EnsureSuccessStatusCode();

        var run = await Eventually.ReturnsAsync(async () =>
        {
            await using var db = await first.CreateDbAsync();
            return await db.SyncEvents.SingleOrDefaultAsync(e => e.Status == SyncStatus.Succeeded, Ct);
        });
        Assert.Equal(SyncTrigger.Manual, run.Trigger);
        await using var other = await second.CreateDbAsync();
        Assert.Equal(0, await other.SyncEvents.CountAsync(Ct));
    }
}
