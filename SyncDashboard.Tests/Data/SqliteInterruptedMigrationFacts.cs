using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Data;

/// <summary>A SQLite database left half-migrated by a process killed in the duration sketch's migration, as EF Core's
/// own table rebuild left it (it ran in three transactions around <c>PRAGMA foreign_keys</c>): the new column added,
/// a copy of the table made, the migration not recorded. The next start must finish the migration, not fail on
/// "duplicate column name" forever (what <see cref="Sync.CrashSafetyFacts"/> found with seed 1257697479).</summary>
public sealed class SqliteInterruptedMigrationFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Migrate_FinishesTheDurationSketchMigration_AfterAKillBetweenItsStatements()
    {
        await using var database = await EmptyDatabase.CreateAsync(TestProvider.Sqlite, Ct);
        await using (var db = database.Open())
        {
            var migrations = db.GetService<IMigrationsAssembly>().Migrations.Keys.Order(StringComparer.Ordinal).ToList();
            var sketch = migrations.FindIndex(m => m.EndsWith("_DurationSketch", StringComparison.Ordinal));
            await db.GetService<IMigrator>().MigrateAsync(migrations[sketch - 1], cancellationToken: Ct);
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO "sync_metrics" ("Service", "Period", "PeriodStartUtc", "SuccessCount", "FailureCount",
                    "ItemsProcessed", "TotalDurationMs", "LastUpdatedUtc", "DurationHistogram")
                VALUES ('todoist', 'Hourly', '2026-06-01 10:00:00', 3, 1, 12, 900, '2026-06-01 10:59:00', '[0,0,0,0,0,0,0,0,3]');
                """, Ct);
            // The first of EF Core's three transactions, as it committed before the kill.
            await db.Database.ExecuteSqlRawAsync("""
                ALTER TABLE "sync_metrics" ADD "DurationSketch" BLOB NOT NULL DEFAULT X'010000';
                CREATE TABLE "ef_temp_sync_metrics" ("Id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT, "Service" TEXT NOT NULL);
                """, Ct);
        }

        await using (var db = database.Open()) await db.Database.MigrateAsync(Ct);

        await using var after = database.Open();
        Assert.Empty(await after.Database.GetPendingMigrationsAsync(Ct));
        var row = Assert.Single(await after.SyncMetrics.AsNoTracking().ToListAsync(Ct));
        Assert.Equal((3, 1, 900L), (row.SuccessCount, row.FailureCount, row.TotalDurationMs));
        Assert.Equal(0, await after.Database.SqlQueryRaw<int>(
            """SELECT COUNT(*) AS "Value" FROM sqlite_master WHERE name = 'ef_temp_sync_metrics'""").SingleAsync(Ct));
    }
}
