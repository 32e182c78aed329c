using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;

namespace SyncDashboard.Alerts;

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
