using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DurationSketch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "DurationHistogram",
                table: "sync_metrics",
                type: "TEXT",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "TEXT");

            migrationBuilder.AddColumn<byte[]>(
                name: "DurationSketch",
                table: "sync_metrics",
                type: "BLOB",
                nullable: false,
                // DurationSketch.Empty's encoding; LegacyHistogramUpgrade gives the existing rows theirs.
                defaultValue: new byte[] { 1, 0, 0 });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Rows written or converted since keep no buckets: the old build reads them as having no timed runs.
            migrationBuilder.Sql("UPDATE \"sync_metrics\" SET \"DurationHistogram\" = '[0,0,0,0,0,0,0,0,0,0,0,0,0,0]' WHERE \"DurationHistogram\" IS NULL;");

            migrationBuilder.DropColumn(
                name: "DurationSketch",
                table: "sync_metrics");

            migrationBuilder.AlterColumn<string>(
                name: "DurationHistogram",
                table: "sync_metrics",
                type: "TEXT",
                nullable: false,
                defaultValue: "[0,0,0,0,0,0,0,0,0,0,0,0,0,0]",
                oldClrType: typeof(string),
                oldType: "TEXT",
                oldNullable: true);
        }
    }
}
