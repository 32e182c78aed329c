using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CoveringStatusIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sync_events_status",
                table: "sync_events");

            migrationBuilder.CreateIndex(
                name: "IX_sync_events_status",
                table: "sync_events",
                columns: new[] { "Service", "Status", "StartedUtc", "Type", "DurationMs", "ItemsProcessed" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_sync_events_status",
                table: "sync_events");

            migrationBuilder.CreateIndex(
                name: "IX_sync_events_status",
                table: "sync_events",
                columns: new[] { "Service", "Status", "StartedUtc" });
        }
    }
}
