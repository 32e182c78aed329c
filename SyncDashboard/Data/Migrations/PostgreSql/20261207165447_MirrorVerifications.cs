using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SyncDashboard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class MirrorVerifications : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "mirror_verifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Service = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SyncEventId = table.Column<long>(type: "bigint", nullable: true),
                    VerifiedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Missing = table.Column<int>(type: "integer", nullable: false),
                    Extra = table.Column<int>(type: "integer", nullable: false),
                    Changed = table.Column<int>(type: "integer", nullable: false),
                    ByType = table.Column<string>(type: "text", nullable: false),
                    AlignAttempts = table.Column<int>(type: "integer", nullable: false),
                    ExtraCalls = table.Column<int>(type: "integer", nullable: false),
                    Note = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_mirror_verifications", x => x.Id);
                    table.ForeignKey(
                        name: "FK_mirror_verifications_sync_events_SyncEventId",
                        column: x => x.SyncEventId,
                        principalTable: "sync_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_mirror_verifications_Service_VerifiedUtc",
                table: "mirror_verifications",
                columns: new[] { "Service", "VerifiedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_mirror_verifications_SyncEventId",
                table: "mirror_verifications",
                column: "SyncEventId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "mirror_verifications");
        }
    }
}
