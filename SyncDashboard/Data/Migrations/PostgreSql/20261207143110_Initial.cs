using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace SyncDashboard.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "alert_notifications",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Service = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Channel = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Kind = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    FromStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ToStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    AlertCodes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    AlertsJson = table.Column<string>(type: "text", nullable: false),
                    Subject = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Outcome = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    LastAttemptUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NextAttemptUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    JobId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "alert_state",
                columns: table => new
                {
                    Service = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NotifiedStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    ConsecutiveBad = table.Column<int>(type: "integer", nullable: false),
                    ConsecutiveGood = table.Column<int>(type: "integer", nullable: false),
                    LastSentUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    NotifiedCriticalCodes = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: false),
                    LastObservedStatus = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    LastEvaluatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastRunEventId = table.Column<long>(type: "bigint", nullable: true),
                    Evaluations = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_alert_state", x => x.Service);
                });

            migrationBuilder.CreateTable(
                name: "audit_entries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Service = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Actor = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    OccurredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Details = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_audit_entries", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_errors",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Service = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Kind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    ErrorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Message = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    HttpStatus = table.Column<int>(type: "integer", nullable: true),
                    TodoistErrorTag = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TodoistErrorCode = table.Column<int>(type: "integer", nullable: true),
                    TodoistEventId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    RetryAfterSeconds = table.Column<int>(type: "integer", nullable: true),
                    RetryCount = table.Column<int>(type: "integer", nullable: false),
                    NextRetryUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PendingJobId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    LastOccurredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    ResolvedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    Resolution = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ResolvedBy = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_errors", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_metrics",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Service = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Period = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    PeriodStartUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    SuccessCount = table.Column<int>(type: "integer", nullable: false),
                    FailureCount = table.Column<int>(type: "integer", nullable: false),
                    ItemsProcessed = table.Column<long>(type: "bigint", nullable: false),
                    TotalDurationMs = table.Column<long>(type: "bigint", nullable: false),
                    MinDurationMs = table.Column<long>(type: "bigint", nullable: true),
                    MaxDurationMs = table.Column<long>(type: "bigint", nullable: true),
                    ErrorRate = table.Column<double>(type: "double precision", nullable: true),
                    DurationHistogram = table.Column<int[]>(type: "integer[]", nullable: false),
                    LastUpdatedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_metrics", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_state",
                columns: table => new
                {
                    Service = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    LastSyncToken = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    LastFullSyncUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastIncrementalSyncUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSuccessfulSyncUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastFailedSyncUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LastSnapshotUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ConsecutiveFailures = table.Column<int>(type: "integer", nullable: false),
                    IsHealthy = table.Column<bool>(type: "boolean", nullable: false),
                    HealthCheckedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    RateLimitedUntilUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    LeaseOwner = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true),
                    LeaseExpiresUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    IsPaused = table.Column<bool>(type: "boolean", nullable: false),
                    WebhookSyncDueUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sync_state", x => x.Service);
                });

            migrationBuilder.CreateTable(
                name: "todoist_items",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    ProjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    SectionId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ParentId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Content = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: false),
                    Priority = table.Column<int>(type: "integer", nullable: false),
                    Checked = table.Column<bool>(type: "boolean", nullable: false),
                    ChildOrder = table.Column<int>(type: "integer", nullable: false),
                    DayOrder = table.Column<int>(type: "integer", nullable: false),
                    IsCollapsed = table.Column<bool>(type: "boolean", nullable: false),
                    NoteCount = table.Column<int>(type: "integer", nullable: false),
                    Labels = table.Column<string>(type: "text", nullable: false),
                    DueDate = table.Column<string>(type: "text", nullable: true),
                    DueString = table.Column<string>(type: "text", nullable: true),
                    DueIsRecurring = table.Column<bool>(type: "boolean", nullable: false),
                    DueTimezone = table.Column<string>(type: "text", nullable: true),
                    DeadlineDate = table.Column<string>(type: "text", nullable: true),
                    DurationAmount = table.Column<int>(type: "integer", nullable: true),
                    DurationUnit = table.Column<string>(type: "text", nullable: true),
                    ResponsibleUid = table.Column<string>(type: "text", nullable: true),
                    AddedByUid = table.Column<string>(type: "text", nullable: true),
                    AssignedByUid = table.Column<string>(type: "text", nullable: true),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    CompletedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SyncedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_todoist_items", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "todoist_labels",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Color = table.Column<string>(type: "text", nullable: true),
                    IsFavorite = table.Column<bool>(type: "boolean", nullable: false),
                    ItemOrder = table.Column<int>(type: "integer", nullable: true),
                    SyncedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_todoist_labels", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "todoist_notes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ItemId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Content = table.Column<string>(type: "text", nullable: false),
                    PostedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    PostedUid = table.Column<string>(type: "text", nullable: true),
                    FileName = table.Column<string>(type: "text", nullable: true),
                    FileUrl = table.Column<string>(type: "text", nullable: true),
                    SyncedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_todoist_notes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "todoist_projects",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Color = table.Column<string>(type: "text", nullable: true),
                    ParentId = table.Column<string>(type: "text", nullable: true),
                    ChildOrder = table.Column<int>(type: "integer", nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    IsFavorite = table.Column<bool>(type: "boolean", nullable: false),
                    IsShared = table.Column<bool>(type: "boolean", nullable: false),
                    IsCollapsed = table.Column<bool>(type: "boolean", nullable: false),
                    InboxProject = table.Column<bool>(type: "boolean", nullable: false),
                    ViewStyle = table.Column<string>(type: "text", nullable: true),
                    Description = table.Column<string>(type: "text", nullable: true),
                    CreatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SyncedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_todoist_projects", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "todoist_sections",
                columns: table => new
                {
                    Id = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "text", nullable: true),
                    ProjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Name = table.Column<string>(type: "text", nullable: false),
                    Description = table.Column<string>(type: "text", nullable: true),
                    SectionOrder = table.Column<int>(type: "integer", nullable: false),
                    IsArchived = table.Column<bool>(type: "boolean", nullable: false),
                    IsCollapsed = table.Column<bool>(type: "boolean", nullable: false),
                    AddedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    UpdatedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ArchivedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    SyncedAtUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_todoist_sections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "webhook_rejections",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Service = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    HourUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Reason = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: false),
                    Count = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_rejections", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "sync_events",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Service = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Type = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Trigger = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    Status = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    StartedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    CompletedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    DurationMs = table.Column<long>(type: "bigint", nullable: true),
                    ItemsProcessed = table.Column<int>(type: "integer", nullable: false),
                    ItemsAdded = table.Column<int>(type: "integer", nullable: false),
                    ItemsUpdated = table.Column<int>(type: "integer", nullable: false),
                    ItemsDeleted = table.Column<int>(type: "integer", nullable: false),
                    ErrorCode = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    ErrorMessage = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    ErrorKind = table.Column<string>(type: "character varying(24)", maxLength: 24, nullable: true),
                    HttpStatus = table.Column<int>(type: "integer", nullable: true),
                    SyncTokenBefore = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    SyncTokenAfter = table.Column<string>(type: "character varying(512)", maxLength: 512, nullable: true),
                    Attempt = table.Column<int>(type: "integer", nullable: false),
                    ErrorChainId = table.Column<long>(type: "bigint", nullable: true),
                    JobId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    Node = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: true)
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

            migrationBuilder.CreateTable(
                name: "webhook_deliveries",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Service = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    DeliveryId = table.Column<string>(type: "character varying(128)", maxLength: 128, nullable: false),
                    EventName = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    UserId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    ObjectType = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: true),
                    ObjectId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true),
                    TriggeredUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: true),
                    ReceivedUtc = table.Column<DateTime>(type: "timestamp with time zone", nullable: false),
                    Redeliveries = table.Column<int>(type: "integer", nullable: false),
                    ClaimToken = table.Column<string>(type: "character varying(36)", maxLength: 36, nullable: true),
                    SyncEventId = table.Column<long>(type: "bigint", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_webhook_deliveries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_webhook_deliveries_sync_events_SyncEventId",
                        column: x => x.SyncEventId,
                        principalTable: "sync_events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.SetNull);
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

            migrationBuilder.CreateIndex(
                name: "IX_audit_entries_Service_OccurredUtc",
                table: "audit_entries",
                columns: new[] { "Service", "OccurredUtc" });

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
                columns: new[] { "Service", "Status", "StartedUtc", "Type", "DurationMs", "ItemsProcessed" });

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

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_ClaimToken",
                table: "webhook_deliveries",
                column: "ClaimToken");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_DeliveryId",
                table: "webhook_deliveries",
                column: "DeliveryId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_latest",
                table: "webhook_deliveries",
                columns: new[] { "Service", "ReceivedUtc", "Id" },
                descending: new[] { false, true, true });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_Service_TriggeredUtc",
                table: "webhook_deliveries",
                columns: new[] { "Service", "TriggeredUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_webhook_deliveries_SyncEventId",
                table: "webhook_deliveries",
                column: "SyncEventId");

            migrationBuilder.CreateIndex(
                name: "IX_webhook_rejections_Service_HourUtc_Reason",
                table: "webhook_rejections",
                columns: new[] { "Service", "HourUtc", "Reason" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "alert_notifications");

            migrationBuilder.DropTable(
                name: "alert_state");

            migrationBuilder.DropTable(
                name: "audit_entries");

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
                name: "webhook_deliveries");

            migrationBuilder.DropTable(
                name: "webhook_rejections");

            migrationBuilder.DropTable(
                name: "sync_events");

            migrationBuilder.DropTable(
                name: "sync_errors");
        }
    }
}
