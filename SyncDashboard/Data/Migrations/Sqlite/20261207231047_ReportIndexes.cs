using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ReportIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_webhook_deliveries_latest",
                table: "webhook_deliveries");

            migrationBuilder.DropIndex(
                name: "IX_sync_errors_Service_ResolvedUtc",
                table: "sync_errors");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_latest",
                table: "webhook_deliveries",
                columns: new[] { "Service", "ReceivedUtc", "Id", "Redeliveries" },
                descending: new[] { false, true, true, false });

            migrationBuilder.CreateIndex(
                name: "IX_sync_errors_kind",
                table: "sync_errors",
                columns: new[] { "Service", "Kind", "ResolvedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_errors_latest",
                table: "sync_errors",
                columns: new[] { "Service", "LastOccurredUtc", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_sync_errors_open",
                table: "sync_errors",
                columns: new[] { "Service", "ResolvedUtc", "Kind" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_webhook_deliveries_latest",
                table: "webhook_deliveries");

            migrationBuilder.DropIndex(
                name: "IX_sync_errors_kind",
                table: "sync_errors");

            migrationBuilder.DropIndex(
                name: "IX_sync_errors_latest",
                table: "sync_errors");

            migrationBuilder.DropIndex(
                name: "IX_sync_errors_open",
                table: "sync_errors");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_latest",
                table: "webhook_deliveries",
                columns: new[] { "Service", "ReceivedUtc", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_sync_errors_Service_ResolvedUtc",
                table: "sync_errors",
                columns: new[] { "Service", "ResolvedUtc" });
        }
    }
}
