using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Data;

/// <summary>The whole app on <c>Database:Provider=PostgreSql</c>: it migrates an empty database at start-up, puts
/// Hangfire's tables in their own schema of it, and a Sync now goes through that shared queue into the mirror.</summary>
public sealed class PostgreSqlAppFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SyncNow_RunsThroughHangfireOnPostgreSql_AndFillsTheMirror()
    {
        await using var database = await EmptyDatabase.CreateAsync(TestProvider.PostgreSql, Ct);
        await using var app = new TestApp(new Dictionary<string, string?>(database.AppSettings()), database.Name);
        await app.StartAsync();

        var request = await app.Get<SyncCommands>().RequestSyncAsync(SyncType.Full, "tester", Ct);
        Assert.True(request.Accepted, request.RefusedBecause);

        var run = await Eventually.ReturnsAsync(async () =>
        {
            await using var db = await app.CreateDbAsync();
            return await db.SyncEvents.AsNoTracking()
                .FirstOrDefaultAsync(e => e.JobId == request.JobId && e.Status != SyncStatus.Started, Ct);
        }, TimeSpan.FromSeconds(60));
        Assert.Equal(SyncStatus.Succeeded, run.Status);
        Assert.Equal(DateTimeKind.Utc, run.StartedUtc.Kind);

        await using var check = database.Open();
        await MirrorAssert.EqualsAccountAsync(check, app.Simulator);
        var hangfireTables = await check.Database.SqlQueryRaw<string>(
            "SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = 'hangfire'").ToListAsync(Ct);
        Assert.Contains("job", hangfireTables);
        Assert.Contains("jobqueue", hangfireTables);
    }
}
