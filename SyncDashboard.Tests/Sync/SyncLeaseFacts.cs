using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Sync;

/// <summary>The lease's atomic UPDATE on each real engine: of many runs asking at once exactly one gets it (on a
/// server database they really do run at once), an expired lease is taken over, and only its owner frees it.</summary>
public sealed class SyncLeaseFacts
{
    private static readonly DateTime Now = new(2026, 6, 1, 4, 30, 0, DateTimeKind.Utc);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothProviders]
    public async Task TryAcquire_ManyAtOnce_ExactlyOneGetsIt(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var lease = new SyncLease(database.Factory(), new FakeTimeProvider(Now));
        await SyncStateRow.EnsureAsync(database.Factory(), "todoist", Ct);

        using var go = new ManualResetEventSlim();
        var attempts = Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            go.Wait(Ct);
            return await lease.TryAcquireAsync("todoist", $"node/{i}", TimeSpan.FromMinutes(5), Ct);
        }, Ct)).ToList();
        go.Set();
        var taken = await Task.WhenAll(attempts);

        Assert.Equal(1, taken.Count(t => t));
        await using var db = database.Open();
        var owner = await db.SyncStates.Where(s => s.Service == "todoist").Select(s => s.LeaseOwner).SingleAsync(Ct);
        Assert.Equal($"node/{Array.IndexOf(taken, true)}", owner);
    }

    [Theory, BothProviders]
    public async Task TryAcquire_TakesAnExpiredLease_AndReleaseFreesOnlyTheOwners(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var time = new FakeTimeProvider(Now);
        var lease = new SyncLease(database.Factory(), time);

        Assert.True(await lease.TryAcquireAsync("todoist", "a", TimeSpan.FromMinutes(5), Ct));
        Assert.False(await lease.TryAcquireAsync("todoist", "b", TimeSpan.FromMinutes(5), Ct));
        time.Advance(TimeSpan.FromMinutes(6));
        Assert.False(await lease.IsHeldAsync("todoist", Ct));
        Assert.True(await lease.TryAcquireAsync("todoist", "b", TimeSpan.FromMinutes(5), Ct));

        await lease.ReleaseAsync("todoist", "a", Ct);
        Assert.True(await lease.IsHeldAsync("todoist", Ct));
        await using (var db = database.Open())
        {
            Assert.False(await lease.RenewWithinAsync(db, "todoist", "a", TimeSpan.FromMinutes(5), Ct));
            Assert.True(await lease.RenewWithinAsync(db, "todoist", "b", TimeSpan.FromMinutes(5), Ct));
        }
        await lease.ReleaseAsync("todoist", "b", Ct);
        Assert.False(await lease.IsHeldAsync("todoist", Ct));
    }
}
