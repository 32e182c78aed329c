using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class RevokedSessions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "revoked_sessions",
                columns: table => new
                {
                    SessionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    RevokedUtc = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_revoked_sessions", x => x.SessionId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_revoked_sessions_RevokedUtc",
                table: "revoked_sessions",
                column: "RevokedUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "revoked_sessions");
        }
    }
}
