using SyncDashboard.Configuration;
using SyncDashboard.Data;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>A success objective burning fast: an attempt a minute over the last 40 minutes, one in four failed (the
/// newest too). 25 % bad is 25× the 1 % the default objective allows, over the hour and the last 5 minutes (2 of 5),
/// so the page rule (14.4×) fires; attainment 75 %.</summary>
public static class BurningHistory
{
    public const int Attempts = 40;

    public static async Task SeedAsync(MonitoringDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        db.SyncEvents.AddRange(Enumerable.Range(0, Attempts).Select(i => new SyncEvent
        {
            Service = ServiceName.Todoist, Type = SyncType.Incremental, Trigger = SyncTrigger.Schedule,
            Status = i % 4 == 0 ? SyncStatus.Failed : SyncStatus.Succeeded,
            StartedUtc = nowUtc.AddMinutes(-i).AddSeconds(-2), CompletedUtc = nowUtc.AddMinutes(-i).AddSeconds(-1), DurationMs = 1000,
        }));
        db.SyncStates.Add(new SyncState { Service = ServiceName.Todoist, LastSuccessfulSyncUtc = nowUtc.AddMinutes(-1) });
        await db.SaveChangesAsync(ct);
        await StoredRuns.RollUpAsync(db, ct);
    }
}
