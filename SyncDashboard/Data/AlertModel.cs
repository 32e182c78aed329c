using Microsoft.EntityFrameworkCore;

namespace SyncDashboard.Data;

/// <summary>The alert tables' mapping, kept beside the feature; <c>MonitoringDbContext</c> calls it.</summary>
internal static class AlertModel
{
    public const int MaxErrorLength = 1000;
    public const int MaxSubjectLength = 200;

    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AlertState>(e =>
        {
            e.ToTable("alert_state");
            e.HasKey(x => x.Service);
            e.Property(x => x.Service).HasMaxLength(32);
            e.Property(x => x.NotifiedCriticalCodes).HasMaxLength(400);
            e.Property(x => x.Version).IsConcurrencyToken();
        });

        modelBuilder.Entity<AlertNotification>(e =>
        {
            e.ToTable("alert_notifications");
            e.Property(x => x.Service).HasMaxLength(32);
            e.Property(x => x.AlertCodes).HasMaxLength(400);
            e.Property(x => x.Subject).HasMaxLength(MaxSubjectLength);
            e.Property(x => x.LastError).HasMaxLength(MaxErrorLength);
            e.Property(x => x.JobId).HasMaxLength(64);
            // Newest first for the page and the API.
            e.HasIndex(x => new { x.CreatedUtc, x.Id }).IsDescending(true, true);
            e.HasIndex(x => new { x.Outcome, x.NextAttemptUtc });
            // What each maintenance window held back, for its page.
            e.HasIndex(x => x.MaintenanceWindowId);
        });

        modelBuilder.Entity<AlertAcknowledgement>(e =>
        {
            e.ToTable("alert_acknowledgements");
            e.Property(x => x.Service).HasMaxLength(32);
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.AcknowledgedBy).HasMaxLength(AuditEntry.MaxActorLength);
            e.Property(x => x.Note).HasMaxLength(AlertAcknowledgement.MaxNoteLength);
            // The ones standing (every health evaluation asks), and the timeline's window.
            e.HasIndex(x => new { x.Service, x.EndedUtc });
            e.HasIndex(x => new { x.Service, x.AcknowledgedUtc });
        });
    }
}
