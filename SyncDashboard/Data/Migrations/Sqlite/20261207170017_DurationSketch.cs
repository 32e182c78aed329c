using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DurationSketch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // The table rebuilt by hand, in the migration's one transaction. EF Core's own rebuild for the nullable
            // DurationHistogram turned foreign keys off around the DROP, which SQLite allows only between transactions,
            // so it ran in three: a process killed between them left the column added and the migration unrecorded,
            // and every later start failed on "duplicate column name: DurationSketch" (CrashSafetyFacts, seed
            // 1257697479). Nothing refers to sync_metrics, so the rebuild needs no PRAGMA. It also repairs a database
            // such a kill left behind: the leftover copy is dropped, and the rows are copied without the new column.
            migrationBuilder.Sql("""DROP TABLE IF EXISTS "ef_temp_sync_metrics";""");
            migrationBuilder.Sql("""
                CREATE TABLE "ef_temp_sync_metrics" (
                    "Id" INTEGER NOT NULL CONSTRAINT "PK_sync_metrics" PRIMARY KEY AUTOINCREMENT,
                    "DurationHistogram" TEXT NULL,
                    "DurationSketch" BLOB NOT NULL,
                    "ErrorRate" REAL NULL,
                    "FailureCount" INTEGER NOT NULL,
                    "ItemsProcessed" INTEGER NOT NULL,
                    "LastUpdatedUtc" TEXT NOT NULL,
                    "MaxDurationMs" INTEGER NULL,
                    "MinDurationMs" INTEGER NULL,
                    "Period" TEXT NOT NULL,
                    "PeriodStartUtc" TEXT NOT NULL,
                    "Service" TEXT NOT NULL,
                    "SuccessCount" INTEGER NOT NULL,
                    "TotalDurationMs" INTEGER NOT NULL
                );
                """);
            // DurationSketch.Empty's encoding; LegacyHistogramUpgrade gives the existing rows theirs.
            migrationBuilder.Sql("""
                INSERT INTO "ef_temp_sync_metrics" ("Id", "DurationHistogram", "DurationSketch", "ErrorRate", "FailureCount",
                    "ItemsProcessed", "LastUpdatedUtc", "MaxDurationMs", "MinDurationMs", "Period", "PeriodStartUtc", "Service",
                    "SuccessCount", "TotalDurationMs")
                SELECT "Id", "DurationHistogram", X'010000', "ErrorRate", "FailureCount", "ItemsProcessed", "LastUpdatedUtc",
                    "MaxDurationMs", "MinDurationMs", "Period", "PeriodStartUtc", "Service", "SuccessCount", "TotalDurationMs"
                FROM "sync_metrics";
                """);
            migrationBuilder.Sql("""DROP TABLE "sync_metrics";""");
            migrationBuilder.Sql("""ALTER TABLE "ef_temp_sync_metrics" RENAME TO "sync_metrics";""");
            migrationBuilder.Sql("""
                CREATE UNIQUE INDEX "IX_sync_metrics_Service_Period_PeriodStartUtc" ON "sync_metrics" ("Service", "Period", "PeriodStartUtc");
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Rows written or converted since keep no buckets: the old build reads them as having no timed runs.
            migrationBuilder.Sql("UPDATE \"sync_metrics\" SET \"DurationHistogram\" = '[0,0,0,0,0,0,0,0,0,0,0,0,0,0]' WHERE \"DurationHistogram\" IS NULL;");

            migrationBuilder.DropColumn(
                name: "DurationSketch",
                table: "sync_metrics");

            migrationBuilder.AlterColumn<string>(
                name: "DurationHistogram",
                table: "sync_metrics",
                type: "TEXT",
                nullable: false,
                defaultValue: "[0,0,0,0,0,0,0,0,0,0,0,0,0,0]",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
