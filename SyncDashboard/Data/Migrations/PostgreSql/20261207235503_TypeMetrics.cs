using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SyncDashboard.Data.Migrations.PostgreSql
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
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Service = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    HourStartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Runs = table.Column<int>(type: "integer", nullable: false),
                    TotalDurationMs = table.Column<long>(type: "bigint", nullable: false),
                    MinDurationMs = table.Column<long>(type: "bigint", nullable: true),
                    MaxDurationMs = table.Column<long>(type: "bigint", nullable: true),
                    ItemsProcessed = table.Column<long>(type: "bigint", nullable: false),
                    DurationSketch = table.Column<byte[]>(type: "bytea", nullable: false),
                    LastUpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
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
