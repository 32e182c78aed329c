using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TypeMetrics : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sync_type_metrics",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Service = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    HourStartUtc = table.Column<string>(type: "TEXT", nullable: false),
                    Runs = table.Column<int>(type: "INTEGER", nullable: false),
                    TotalDurationMs = table.Column<long>(type: "INTEGER", nullable: false),
                    MinDurationMs = table.Column<long>(type: "INTEGER", nullable: true),
                    MaxDurationMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ItemsProcessed = table.Column<long>(type: "INTEGER", nullable: false),
                    DurationSketch = table.Column<byte[]>(type: "BLOB", nullable: false),
                    LastUpdatedUtc = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_type_metrics", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sync_type_metrics_Service_HourStartUtc",
                table: "sync_type_metrics",
                columns: new[] { "Service", "HourStartUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_type_metrics_Service_Type_HourStartUtc",
                table: "sync_type_metrics",
                columns: new[] { "Service", "Type", "HourStartUtc" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sync_type_metrics");
        }
    }
}
