using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AcknowledgementsAndNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "BadSinceUtc",
                table: "alert_state",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "GoodSinceUtc",
                table: "alert_state",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ErrorChainId",
                table: "alert_notifications",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProblemEndedUtc",
                table: "alert_notifications",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ProblemSinceUtc",
                table: "alert_notifications",
                type: "datetime2",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "alert_acknowledgements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Service = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    AcknowledgedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Note = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    EndedUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_acknowledgements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "timeline_notes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Service = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    StartUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    EndUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    Text = table.Column<string>(type: "nvarchar(500)", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "nvarchar(128)", maxLength: 128, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_timeline_notes", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_acknowledgements_Service_AcknowledgedUtc",
                table: "alert_acknowledgements",
                columns: new[] { "Service", "AcknowledgedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_alert_acknowledgements_Service_EndedUtc",
                table: "alert_acknowledgements",
                columns: new[] { "Service", "EndedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_timeline_notes_Service_StartUtc",
                table: "timeline_notes",
                columns: new[] { "Service", "StartUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_acknowledgements");

            migrationBuilder.DropTable(
                name: "timeline_notes");

            migrationBuilder.DropColumn(
                name: "BadSinceUtc",
                table: "alert_state");

            migrationBuilder.DropColumn(
                name: "GoodSinceUtc",
                table: "alert_state");

            migrationBuilder.DropColumn(
                name: "ErrorChainId",
                table: "alert_notifications");

            migrationBuilder.DropColumn(
                name: "ProblemEndedUtc",
                table: "alert_notifications");

            migrationBuilder.DropColumn(
                name: "ProblemSinceUtc",
                table: "alert_notifications");
        }
    }
}
