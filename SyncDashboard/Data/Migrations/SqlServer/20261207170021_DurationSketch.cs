using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Data.Migrations.SqlServer
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
                type: "nvarchar(max)",
                nullable: true,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)");

            migrationBuilder.AddColumn<byte[]>(
                name: "DurationSketch",
                table: "sync_metrics",
                type: "varbinary(max)",
                nullable: false,
                // DurationSketch.Empty's encoding; LegacyHistogramUpgrade gives the existing rows theirs.
                defaultValue: new byte[] { 1, 0, 0 });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Rows written or converted since keep no buckets: the old build reads them as having no timed runs.
            migrationBuilder.Sql("UPDATE [sync_metrics] SET [DurationHistogram] = N'[0,0,0,0,0,0,0,0,0,0,0,0,0,0]' WHERE [DurationHistogram] IS NULL;");

            migrationBuilder.DropColumn(
                name: "DurationSketch",
                table: "sync_metrics");

            migrationBuilder.AlterColumn<string>(
                name: "DurationHistogram",
                table: "sync_metrics",
                type: "nvarchar(max)",
                nullable: false,
                defaultValue: "[0,0,0,0,0,0,0,0,0,0,0,0,0,0]",
                oldClrType: typeof(string),
                oldType: "nvarchar(max)",
                oldNullable: true);
        }
    }
}
