using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Health;
using SyncDashboard.Monitoring;

namespace SyncDashboard.Alerts;

/// <summary>A notification as the page and <c>GET /api/monitoring/notifications</c> show it.</summary>
public sealed record NotificationRow(
    long Id,
    DateTime CreatedAt,
    AlertChannel Channel,
    NotificationKind Kind,
    HealthStatus PreviousStatus,
    HealthStatus Status,
    IReadOnlyList<string> AlertCodes,
    string Subject,
    DeliveryOutcome Outcome,
    int Attempts,
    string? LastError,
    DateTime? LastAttemptAt,
    DateTime? NextAttemptAt,
    DateTime? SentAt);

/// <summary>Which channels are on, for the page's empty state; never their addresses or credentials.</summary>
public sealed record AlertChannels(bool Webhook, bool Email)
{
    public bool Any => Webhook || Email;
}

public sealed class AlertQueries(IDbContextFactory<MonitoringDbContext> dbFactory, IOptions<AlertOptions> options)
{
    public const int MaxLimit = 500;

    public AlertChannels Channels => new(options.Value.Webhook.IsConfigured, options.Value.Email.IsConfigured);

    /// <summary>Newest first.</summary>
    public async Task<IReadOnlyList<NotificationRow>> RecentAsync(int limit, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var rows = await db.AlertNotifications.AsNoTracking()
            .OrderByDescending(n => n.CreatedUtc).ThenByDescending(n => n.Id)
            .Take(Math.Clamp(limit, 1, MaxLimit))
            .ToListAsync(ct);
        return rows.Select(n => new NotificationRow(
            n.Id, n.CreatedUtc, n.Channel, n.Kind, n.FromStatus, n.ToStatus,
            n.AlertCodes.Split(',', StringSplitOptions.RemoveEmptyEntries), n.Subject, n.Outcome, n.Attempts,
            n.LastError, n.LastAttemptUtc, n.NextAttemptUtc, n.SentUtc)).ToList();
    }
}
