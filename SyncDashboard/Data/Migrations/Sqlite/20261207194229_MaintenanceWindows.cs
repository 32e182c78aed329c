using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MaintenanceWindows : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MaintenanceWindowId",
                table: "alert_notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "maintenance_windows",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Service = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    Cron = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    TimeZone = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    StartUtc = table.Column<string>(type: "TEXT", nullable: true),
                    DurationMinutes = table.Column<int>(type: "INTEGER", nullable: false),
                    PauseSyncing = table.Column<bool>(type: "INTEGER", nullable: false),
                    ExcludeFromSlo = table.Column<bool>(type: "INTEGER", nullable: false),
                    EndedUtc = table.Column<string>(type: "TEXT", nullable: true),
                    EndedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedUtc = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_maintenance_windows", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_notifications_MaintenanceWindowId",
                table: "alert_notifications",
                column: "MaintenanceWindowId");

            migrationBuilder.CreateIndex(
                name: "IX_maintenance_windows_Service",
                table: "maintenance_windows",
                column: "Service");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "maintenance_windows");

            migrationBuilder.DropIndex(
                name: "IX_alert_notifications_MaintenanceWindowId",
                table: "alert_notifications");

            migrationBuilder.DropColumn(
                name: "MaintenanceWindowId",
                table: "alert_notifications");
        }
    }
}
