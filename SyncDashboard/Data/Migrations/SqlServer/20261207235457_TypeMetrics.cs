using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Data.Migrations.SqlServer
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Service = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    HourStartUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Runs = table.Column<int>(type: "int", nullable: false),
                    TotalDurationMs = table.Column<long>(type: "bigint", nullable: false),
                    MinDurationMs = table.Column<long>(type: "bigint", nullable: true),
                    MaxDurationMs = table.Column<long>(type: "bigint", nullable: true),
                    ItemsProcessed = table.Column<long>(type: "bigint", nullable: false),
                    DurationSketch = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    LastUpdatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
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
