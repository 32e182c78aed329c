using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AcknowledgementsAndNotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "BadSinceUtc",
                table: "alert_state",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "GoodSinceUtc",
                table: "alert_state",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ErrorChainId",
                table: "alert_notifications",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProblemEndedUtc",
                table: "alert_notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ProblemSinceUtc",
                table: "alert_notifications",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "alert_acknowledgements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Service = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    AcknowledgedUtc = table.Column<string>(type: "TEXT", nullable: false),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    EndedUtc = table.Column<string>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_acknowledgements", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "timeline_notes",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Service = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    StartUtc = table.Column<string>(type: "TEXT", nullable: false),
                    EndUtc = table.Column<string>(type: "TEXT", nullable: true),
                    Text = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    CreatedUtc = table.Column<string>(type: "TEXT", nullable: false)
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
