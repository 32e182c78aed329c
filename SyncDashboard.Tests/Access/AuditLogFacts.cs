using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Access;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Access;

public sealed class AuditLogFacts
{
    private static readonly DateTimeOffset Now = new(2026, 6, 1, 9, 15, 0, TimeSpan.Zero);

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Record_StoresWhoWhatAndWhen()
    {
        await using var database = await TestDatabase.CreateAsync();
        var audit = new AuditLog(database.Factory(), new FakeTimeProvider(Now));

        await audit.RecordAsync(AuditAction.Pause, "ana", "paused from the overview", Ct);

        await using var db = database.Open();
        var entry = await db.AuditEntries.SingleAsync(Ct);
        Assert.Equal((AuditAction.Pause, "ana", "paused from the overview", Now.UtcDateTime, "todoist"),
            (entry.Action, entry.Actor, entry.Details, entry.OccurredUtc, entry.Service));
    }

    [Fact]
    public async Task Add_CommitsWithTheCallersUnitOfWork_AndClipsLongText()
    {
        await using var database = await TestDatabase.CreateAsync();
        var audit = new AuditLog(database.Factory(), new FakeTimeProvider(Now));

        await using (var db = database.Open())
        {
            audit.Add(db, AuditAction.ResolveError, new string('a', 300), new string('d', 900));
            Assert.Equal(0, await database.Open().AuditEntries.CountAsync(Ct)); // nothing before the caller saves
            await db.SaveChangesAsync(Ct);
        }

        await using var check = database.Open();
        var entry = await check.AuditEntries.SingleAsync(Ct);
        Assert.Equal(AuditEntry.MaxActorLength, entry.Actor.Length);
        Assert.Equal(AuditEntry.MaxDetailsLength, entry.Details!.Length);
    }
}
