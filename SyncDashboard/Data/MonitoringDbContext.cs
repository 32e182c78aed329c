using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace SyncDashboard.Data;

/// <summary>The monitoring database: sync history, state, rollups and the Todoist mirror. One derived context per
/// provider (<see cref="SqliteMonitoringDbContext"/>, <see cref="SqlServerMonitoringDbContext"/>,
/// <see cref="PostgreSqlMonitoringDbContext"/>) so each keeps its
/// own migrations; code depends on this base type only.</summary>
public abstract class MonitoringDbContext(DbContextOptions options) : DbContext(options)
{
    public DbSet<SyncEvent> SyncEvents => Set<SyncEvent>();
    public DbSet<SyncTypeMetric> SyncTypeMetrics => Set<SyncTypeMetric>();
    public DbSet<SyncMetric> SyncMetrics => Set<SyncMetric>();
    public DbSet<SyncError> SyncErrors => Set<SyncError>();
    public DbSet<SyncState> SyncStates => Set<SyncState>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AlertState> AlertStates => Set<AlertState>();
    public DbSet<AlertNotification> AlertNotifications => Set<AlertNotification>();
    public DbSet<AlertAcknowledgement> AlertAcknowledgements => Set<AlertAcknowledgement>();
    public DbSet<TimelineNote> TimelineNotes => Set<TimelineNote>();
    public DbSet<MaintenanceWindow> MaintenanceWindows => Set<MaintenanceWindow>();
    public DbSet<WebhookDelivery> WebhookDeliveries => Set<WebhookDelivery>();
    public DbSet<WebhookRejection> WebhookRejections => Set<WebhookRejection>();
    public DbSet<TodoistItem> Items => Set<TodoistItem>();
    public DbSet<TodoistProject> Projects => Set<TodoistProject>();
    public DbSet<TodoistSection> Sections => Set<TodoistSection>();
    public DbSet<TodoistLabel> Labels => Set<TodoistLabel>();
    public DbSet<TodoistNote> Notes => Set<TodoistNote>();
    public DbSet<RevokedSession> RevokedSessions => Set<RevokedSession>();
    public DbSet<MirrorVerification> MirrorVerifications => Set<MirrorVerification>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // Every time is UTC; the providers hand DateTime back as Unspecified, so say so on the way out.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<DateTime?>().HaveConversion<UtcDateTimeConverter>();
        configurationBuilder.Properties<SyncType>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SyncTrigger>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<SyncStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<MetricPeriod>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<ErrorResolution>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<FailureKind>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<AuditAction>().HaveConversion<string>().HaveMaxLength(24);
        configurationBuilder.Properties<HealthStatus>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<AlertChannel>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<NotificationKind>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<NotificationOutcome>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<VerificationOutcome>().HaveConversion<string>().HaveMaxLength(16);
        configurationBuilder.Properties<WebhookRejectionReason>().HaveConversion<string>().HaveMaxLength(24);
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SyncEvent>(e =>
        {
            e.ToTable("sync_events");
            e.Property(x => x.Service).HasMaxLength(32);
            e.Property(x => x.ErrorCode).HasMaxLength(64);
            e.Property(x => x.ErrorMessage).HasMaxLength(2000);
            e.Property(x => x.SyncTokenBefore).HasMaxLength(512);
            e.Property(x => x.SyncTokenAfter).HasMaxLength(512);
            e.Property(x => x.JobId).HasMaxLength(64);
            e.Property(x => x.Node).HasMaxLength(128);
            // Every completion is conditional on the status it read: an event closed as abandoned by one node cannot
            // be completed again by the run that was presumed dead, and neither can count it twice.
            e.Property(x => x.Status).IsConcurrencyToken();
            // Latest N for a service, and keyset paging by (start, id).
            e.HasIndex(x => new { x.Service, x.StartedUtc, x.Id }).IsDescending(false, true, true)
                .HasDatabaseName("IX_sync_events_latest");
            // By status since T; the trailing columns make it covering for the performance page, whose week of runs
            // would otherwise cost one table look-up each.
            e.HasIndex(x => new { x.Service, x.Status, x.StartedUtc, x.Type, x.DurationMs, x.ItemsProcessed })
                .HasDatabaseName("IX_sync_events_status");
            e.HasIndex(x => new { x.Service, x.Type, x.StartedUtc }).HasDatabaseName("IX_sync_events_type");
            e.HasIndex(x => new { x.Service, x.Trigger, x.StartedUtc }).HasDatabaseName("IX_sync_events_trigger");
            e.HasIndex(x => x.StartedUtc).HasDatabaseName("IX_sync_events_since");
            e.HasIndex(x => x.ErrorChainId);
            e.HasOne<SyncError>().WithMany().HasForeignKey(x => x.ErrorChainId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<SyncMetric>(e =>
        {
            e.ToTable("sync_metrics");
            e.Property(x => x.Service).HasMaxLength(32);
            e.HasIndex(x => new { x.Service, x.Period, x.PeriodStartUtc }).IsUnique();
            e.Property(x => x.DurationSketch).HasConversion(s => s.Encode(), b => DurationSketch.Decode(b));
            // The column the bucket counts always had; rows written since leave it null.
            e.Property(x => x.LegacyDurationHistogram).HasColumnName("DurationHistogram");
        });

        modelBuilder.Entity<SyncTypeMetric>(e =>
        {
            e.ToTable("sync_type_metrics");
            e.Property(x => x.Service).HasMaxLength(32);
            e.HasIndex(x => new { x.Service, x.Type, x.HourStartUtc }).IsUnique();
            e.HasIndex(x => new { x.Service, x.HourStartUtc });
            e.Property(x => x.DurationSketch).HasConversion(s => s.Encode(), b => DurationSketch.Decode(b));
        });

        modelBuilder.Entity<SyncError>(e =>
        {
            e.ToTable("sync_errors");
            e.Property(x => x.Service).HasMaxLength(32);
            e.Property(x => x.ErrorCode).HasMaxLength(64);
            e.Property(x => x.Message).HasMaxLength(2000);
            e.Property(x => x.TodoistErrorTag).HasMaxLength(64);
            e.Property(x => x.TodoistEventId).HasMaxLength(128);
            e.Property(x => x.PendingJobId).HasMaxLength(64);
            e.Property(x => x.ResolvedBy).HasMaxLength(128);
            e.Ignore(x => x.IsOpen);
            // The open chains, with their kind: the report's counts of open chains by kind read this index alone.
            e.HasIndex(x => new { x.Service, x.ResolvedUtc, x.Kind }).HasDatabaseName("IX_sync_errors_open");
            e.HasIndex(x => x.CreatedUtc);
            // The error report with resolved chains: its newest chains are the first entries of this one (no sort of
            // every chain), and its counts by kind are read from this one alone.
            e.HasIndex(x => new { x.Service, x.LastOccurredUtc, x.Id }).IsDescending(false, true, true)
                .HasDatabaseName("IX_sync_errors_latest");
            e.HasIndex(x => new { x.Service, x.Kind, x.ResolvedUtc }).HasDatabaseName("IX_sync_errors_kind");
        });

        modelBuilder.Entity<SyncState>(e =>
        {
            e.ToTable("sync_state");
            e.HasKey(x => x.Service);
            e.Property(x => x.Service).HasMaxLength(32);
            e.Property(x => x.LastSyncToken).HasMaxLength(512);
            e.Property(x => x.LeaseOwner).HasMaxLength(128);
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.Property(x => x.Service).HasMaxLength(32);
            e.Property(x => x.Actor).HasMaxLength(AuditEntry.MaxActorLength);
            e.Property(x => x.Details).HasMaxLength(AuditEntry.MaxDetailsLength);
            e.HasIndex(x => new { x.Service, x.OccurredUtc });
        });

        AlertModel.Configure(modelBuilder);
        modelBuilder.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhook_deliveries");
            e.Property(x => x.Service).HasMaxLength(32);
            e.Property(x => x.DeliveryId).HasMaxLength(128);
            e.Property(x => x.EventName).HasMaxLength(64);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.ObjectType).HasMaxLength(16);
            e.Property(x => x.ObjectId).HasMaxLength(64);
            e.Property(x => x.ClaimToken).HasMaxLength(36);
            // The dedupe key: two nodes receiving the same redelivery at once cannot both record it.
            e.HasIndex(x => x.DeliveryId).IsUnique();
            // Redeliveries last, so the page's count of the last 24 hours reads this index alone.
            e.HasIndex(x => new { x.Service, x.ReceivedUtc, x.Id, x.Redeliveries }).IsDescending(false, true, true, false)
                .HasDatabaseName("IX_webhook_deliveries_latest");
            e.HasIndex(x => new { x.Service, x.TriggeredUtc });
            e.HasIndex(x => x.ClaimToken);
            e.HasIndex(x => x.SyncEventId);
            e.HasOne<SyncEvent>().WithMany().HasForeignKey(x => x.SyncEventId).OnDelete(DeleteBehavior.SetNull);
        });

        modelBuilder.Entity<WebhookRejection>(e =>
        {
            e.ToTable("webhook_rejections");
            e.Property(x => x.Service).HasMaxLength(32);
            e.HasIndex(x => new { x.Service, x.HourUtc, x.Reason }).IsUnique();
        });

        modelBuilder.Entity<TodoistItem>(e =>
        {
            e.ToTable("todoist_items");
            MirrorId(e.Property(x => x.Id));
            MirrorId(e.Property(x => x.ProjectId));
            MirrorId(e.Property(x => x.SectionId));
            MirrorId(e.Property(x => x.ParentId));
            e.HasIndex(x => x.ProjectId);
            e.HasIndex(x => x.UpdatedAtUtc);
        });
        modelBuilder.Entity<TodoistProject>(e =>
        {
            e.ToTable("todoist_projects");
            MirrorId(e.Property(x => x.Id));
            e.HasIndex(x => x.UpdatedAtUtc);
        });
        modelBuilder.Entity<TodoistSection>(e =>
        {
            e.ToTable("todoist_sections");
            MirrorId(e.Property(x => x.Id));
            MirrorId(e.Property(x => x.ProjectId));
            e.HasIndex(x => x.UpdatedAtUtc);
        });
        modelBuilder.Entity<TodoistLabel>(e =>
        {
            e.ToTable("todoist_labels");
            MirrorId(e.Property(x => x.Id));
        });
        modelBuilder.Entity<TodoistNote>(e =>
        {
            e.ToTable("todoist_notes");
            MirrorId(e.Property(x => x.Id));
            MirrorId(e.Property(x => x.ItemId));
            e.HasIndex(x => x.ItemId);
            e.HasIndex(x => x.PostedAtUtc);
        });
        modelBuilder.Entity<RevokedSession>(e =>
        {
            e.ToTable("revoked_sessions");
            e.HasKey(x => x.SessionId);
            e.Property(x => x.SessionId).HasMaxLength(64);
            e.HasIndex(x => x.RevokedUtc);
        });
        MirrorVerificationModel.Configure(modelBuilder);
        modelBuilder.Entity<TimelineNote>(e =>
        {
            e.ToTable("timeline_notes");
            e.Property(x => x.Service).HasMaxLength(32);
            e.Property(x => x.Text).HasMaxLength(TimelineNote.MaxTextLength);
            e.Property(x => x.CreatedBy).HasMaxLength(AuditEntry.MaxActorLength);
            e.HasIndex(x => new { x.Service, x.StartUtc });
        });
        modelBuilder.Entity<MaintenanceWindow>(e =>
        {
            e.ToTable("maintenance_windows");
            e.Property(x => x.Service).HasMaxLength(32);
            e.Property(x => x.Reason).HasMaxLength(MaintenanceWindow.MaxReasonLength);
            e.Property(x => x.Cron).HasMaxLength(MaintenanceWindow.MaxCronLength);
            e.Property(x => x.TimeZone).HasMaxLength(MaintenanceWindow.MaxTimeZoneLength);
            e.Property(x => x.CreatedBy).HasMaxLength(AuditEntry.MaxActorLength);
            e.Property(x => x.EndedBy).HasMaxLength(AuditEntry.MaxActorLength);
            e.HasIndex(x => x.Service);
        });
    }

    // Todoist ids are short opaque strings; a bound length keeps them indexable on SQL Server.
    private static void MirrorId<T>(Microsoft.EntityFrameworkCore.Metadata.Builders.PropertyBuilder<T> property) =>
        property.HasMaxLength(64);

    // Unspecified means UTC here: that is what the providers return and what every writer in this app stores.
    private sealed class UtcDateTimeConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}
