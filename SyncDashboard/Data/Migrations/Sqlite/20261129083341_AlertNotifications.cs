using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Data.Migrations.Sqlite
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
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Service = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    FromStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ToStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    AlertCodes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    AlertsJson = table.Column<string>(type: "TEXT", nullable: false),
                    Subject = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastAttemptUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NextAttemptUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alert_state",
                columns: table => new
                {
                    Service = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    NotifiedStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    ConsecutiveBad = table.Column<int>(type: "INTEGER", nullable: false),
                    ConsecutiveGood = table.Column<int>(type: "INTEGER", nullable: false),
                    LastSentUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    NotifiedCriticalCodes = table.Column<string>(type: "TEXT", maxLength: 400, nullable: false),
                    LastObservedStatus = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    LastEvaluatedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastRunEventId = table.Column<long>(type: "INTEGER", nullable: true),
                    Evaluations = table.Column<long>(type: "INTEGER", nullable: false),
                    Version = table.Column<int>(type: "INTEGER", nullable: false)
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
