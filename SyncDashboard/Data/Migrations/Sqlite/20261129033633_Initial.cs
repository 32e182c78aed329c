using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SyncDashboard.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "sync_errors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Service = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: false),
                    ErrorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    HttpStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    TodoistErrorTag = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    TodoistErrorCode = table.Column<int>(type: "INTEGER", nullable: true),
                    TodoistEventId = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    RetryAfterSeconds = table.Column<int>(type: "INTEGER", nullable: true),
                    RetryCount = table.Column<int>(type: "INTEGER", nullable: false),
                    NextRetryUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PendingJobId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastOccurredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    ResolvedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Resolution = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    ResolvedBy = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_errors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_metrics",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Service = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Period = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    PeriodStartUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    SuccessCount = table.Column<int>(type: "INTEGER", nullable: false),
                    FailureCount = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemsProcessed = table.Column<long>(type: "INTEGER", nullable: false),
                    TotalDurationMs = table.Column<long>(type: "INTEGER", nullable: false),
                    MinDurationMs = table.Column<long>(type: "INTEGER", nullable: true),
                    MaxDurationMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ErrorRate = table.Column<double>(type: "REAL", nullable: true),
                    DurationHistogram = table.Column<string>(type: "TEXT", nullable: false),
                    LastUpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_metrics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_state",
                columns: table => new
                {
                    Service = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    LastSyncToken = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    LastFullSyncUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastIncrementalSyncUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSuccessfulSyncUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastFailedSyncUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSnapshotUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "INTEGER", nullable: false),
                    IsHealthy = table.Column<bool>(type: "INTEGER", nullable: false),
                    HealthCheckedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RateLimitedUntilUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LeaseOwner = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true),
                    LeaseExpiresUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    IsPaused = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_state", x => x.Service);
                });

            migrationBuilder.CreateTable(
                name: "todoist_items",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    ProjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    SectionId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ParentId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: false),
                    Priority = table.Column<int>(type: "INTEGER", nullable: false),
                    Checked = table.Column<bool>(type: "INTEGER", nullable: false),
                    ChildOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    DayOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsCollapsed = table.Column<bool>(type: "INTEGER", nullable: false),
                    NoteCount = table.Column<int>(type: "INTEGER", nullable: false),
                    Labels = table.Column<string>(type: "TEXT", nullable: false),
                    DueDate = table.Column<string>(type: "TEXT", nullable: true),
                    DueString = table.Column<string>(type: "TEXT", nullable: true),
                    DueIsRecurring = table.Column<bool>(type: "INTEGER", nullable: false),
                    DueTimezone = table.Column<string>(type: "TEXT", nullable: true),
                    DeadlineDate = table.Column<string>(type: "TEXT", nullable: true),
                    DurationAmount = table.Column<int>(type: "INTEGER", nullable: true),
                    DurationUnit = table.Column<string>(type: "TEXT", nullable: true),
                    ResponsibleUid = table.Column<string>(type: "TEXT", nullable: true),
                    AddedByUid = table.Column<string>(type: "TEXT", nullable: true),
                    AssignedByUid = table.Column<string>(type: "TEXT", nullable: true),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SyncedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_todoist_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "todoist_labels",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Color = table.Column<string>(type: "TEXT", nullable: true),
                    IsFavorite = table.Column<bool>(type: "INTEGER", nullable: false),
                    ItemOrder = table.Column<int>(type: "INTEGER", nullable: true),
                    SyncedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_todoist_labels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "todoist_notes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ItemId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Content = table.Column<string>(type: "TEXT", nullable: false),
                    PostedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    PostedUid = table.Column<string>(type: "TEXT", nullable: true),
                    FileName = table.Column<string>(type: "TEXT", nullable: true),
                    FileUrl = table.Column<string>(type: "TEXT", nullable: true),
                    SyncedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_todoist_notes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "todoist_projects",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Color = table.Column<string>(type: "TEXT", nullable: true),
                    ParentId = table.Column<string>(type: "TEXT", nullable: true),
                    ChildOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsFavorite = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsShared = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsCollapsed = table.Column<bool>(type: "INTEGER", nullable: false),
                    InboxProject = table.Column<bool>(type: "INTEGER", nullable: false),
                    ViewStyle = table.Column<string>(type: "TEXT", nullable: true),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SyncedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_todoist_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "todoist_sections",
                columns: table => new
                {
                    Id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "TEXT", nullable: true),
                    ProjectId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Name = table.Column<string>(type: "TEXT", nullable: false),
                    Description = table.Column<string>(type: "TEXT", nullable: true),
                    SectionOrder = table.Column<int>(type: "INTEGER", nullable: false),
                    IsArchived = table.Column<bool>(type: "INTEGER", nullable: false),
                    IsCollapsed = table.Column<bool>(type: "INTEGER", nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    ArchivedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    SyncedAtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_todoist_sections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Service = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Trigger = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CompletedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    DurationMs = table.Column<long>(type: "INTEGER", nullable: true),
                    ItemsProcessed = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemsAdded = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemsUpdated = table.Column<int>(type: "INTEGER", nullable: false),
                    ItemsDeleted = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorCode = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ErrorMessage = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    ErrorKind = table.Column<string>(type: "TEXT", maxLength: 24, nullable: true),
                    HttpStatus = table.Column<int>(type: "INTEGER", nullable: true),
                    SyncTokenBefore = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    SyncTokenAfter = table.Column<string>(type: "TEXT", maxLength: 512, nullable: true),
                    Attempt = table.Column<int>(type: "INTEGER", nullable: false),
                    ErrorChainId = table.Column<long>(type: "INTEGER", nullable: true),
                    JobId = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    Node = table.Column<string>(type: "TEXT", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_events", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sync_events_sync_errors_ErrorChainId",
                        column: x => x.ErrorChainId,
                        principalTable: "sync_errors",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sync_errors_CreatedUtc",
                table: "sync_errors",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_sync_errors_Service_ResolvedUtc",
                table: "sync_errors",
                columns: new[] { "Service", "ResolvedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_events_ErrorChainId",
                table: "sync_events",
                column: "ErrorChainId");

            migrationBuilder.CreateIndex(
                name: "IX_sync_events_latest",
                table: "sync_events",
                columns: new[] { "Service", "StartedUtc", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_sync_events_since",
                table: "sync_events",
                column: "StartedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_sync_events_status",
                table: "sync_events",
                columns: new[] { "Service", "Status", "StartedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_events_trigger",
                table: "sync_events",
                columns: new[] { "Service", "Trigger", "StartedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_events_type",
                table: "sync_events",
                columns: new[] { "Service", "Type", "StartedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_sync_metrics_Service_Period_PeriodStartUtc",
                table: "sync_metrics",
                columns: new[] { "Service", "Period", "PeriodStartUtc" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_todoist_items_ProjectId",
                table: "todoist_items",
                column: "ProjectId");

            migrationBuilder.CreateIndex(
                name: "IX_todoist_items_UpdatedAtUtc",
                table: "todoist_items",
                column: "UpdatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_todoist_notes_ItemId",
                table: "todoist_notes",
                column: "ItemId");

            migrationBuilder.CreateIndex(
                name: "IX_todoist_notes_PostedAtUtc",
                table: "todoist_notes",
                column: "PostedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_todoist_projects_UpdatedAtUtc",
                table: "todoist_projects",
                column: "UpdatedAtUtc");

            migrationBuilder.CreateIndex(
                name: "IX_todoist_sections_UpdatedAtUtc",
                table: "todoist_sections",
                column: "UpdatedAtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "sync_events");

            migrationBuilder.DropTable(
                name: "sync_metrics");

            migrationBuilder.DropTable(
                name: "sync_state");

            migrationBuilder.DropTable(
                name: "todoist_items");

            migrationBuilder.DropTable(
                name: "todoist_labels");

            migrationBuilder.DropTable(
                name: "todoist_notes");

            migrationBuilder.DropTable(
                name: "todoist_projects");

            migrationBuilder.DropTable(
                name: "todoist_sections");

            migrationBuilder.DropTable(
                name: "sync_errors");
        }
    }
}
