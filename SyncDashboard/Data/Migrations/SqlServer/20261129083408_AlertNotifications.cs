using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AlertNotifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Service = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Channel = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    FromStatus = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ToStatus = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    AlertCodes = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    AlertsJson = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    Subject = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "int", nullable: false),
                    LastError = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: true),
                    LastAttemptUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    NextAttemptUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    SentUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    JobId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alert_state",
                columns: table => new
                {
                    Service = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    NotifiedStatus = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: false),
                    ConsecutiveBad = table.Column<int>(type: "int", nullable: false),
                    ConsecutiveGood = table.Column<int>(type: "int", nullable: false),
                    LastSentUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    NotifiedCriticalCodes = table.Column<string>(type: "nvarchar(400)", maxLength: 400, nullable: false),
                    LastObservedStatus = table.Column<string>(type: "nvarchar(16)", maxLength: 16, nullable: true),
                    LastEvaluatedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastRunEventId = table.Column<long>(type: "bigint", nullable: true),
                    Evaluations = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_state", x => x.Service);
                });

            migrationBuilder.CreateIndex(
                name: "IX_alert_notifications_CreatedUtc_Id",
                table: "alert_notifications",
                columns: new[] { "CreatedUtc", "Id" },
                descending: new bool[0]);

            migrationBuilder.CreateIndex(
                name: "IX_alert_notifications_Outcome_NextAttemptUtc",
                table: "alert_notifications",
                columns: new[] { "Outcome", "NextAttemptUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_notifications");

            migrationBuilder.DropTable(
                name: "alert_state");
        }
    }
}
