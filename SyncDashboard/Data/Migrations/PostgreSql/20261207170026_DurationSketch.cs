using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DurationSketch : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<int[]>(
                name: "DurationHistogram",
                table: "sync_metrics",
                type: "integer[]",
                nullable: true,
                oldClrType: typeof(int[]),
                oldType: "integer[]");

            migrationBuilder.AddColumn<byte[]>(
                name: "DurationSketch",
                table: "sync_metrics",
                type: "bytea",
                nullable: false,
                // DurationSketch.Empty's encoding; LegacyHistogramUpgrade gives the existing rows theirs.
                defaultValue: new byte[] { 1, 0, 0 });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Rows written or converted since keep no buckets: the old build reads them as having no timed runs.
            migrationBuilder.Sql("UPDATE \"sync_metrics\" SET \"DurationHistogram\" = array_fill(0, ARRAY[14]) WHERE \"DurationHistogram\" IS NULL;");

            migrationBuilder.DropColumn(
                name: "DurationSketch",
                table: "sync_metrics");

            migrationBuilder.AlterColumn<int[]>(
                name: "DurationHistogram",
                table: "sync_metrics",
                type: "integer[]",
                nullable: false,
                defaultValue: new int[14],
                oldClrType: typeof(int[]),
                oldType: "integer[]",
                oldNullable: true);
        }
    }
}
