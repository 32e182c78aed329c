using Microsoft.EntityFrameworkCore;
using SyncDashboard.Configuration;
using SyncDashboard.Data;

namespace SyncDashboard.Webhooks;

/// <summary>Which deliveries a webhook sync run covers. The run disarms the debounce, then claims every delivery
/// recorded so far, and only then fetches: a delivery recorded after the claim finds the debounce disarmed and arms
/// the next run, so none is left behind. After the run the claimed deliveries are linked to its sync event.</summary>
public sealed class WebhookClaims(IDbContextFactory<MonitoringDbContext> dbFactory)
{
    /// <summary>Disarms the debounce and claims the unclaimed deliveries; returns how many were claimed.</summary>
    public async Task<int> ClaimAsync(string claimToken, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.SyncStates.Where(s => s.Service == ServiceName.Todoist)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.WebhookSyncDueUtc, (DateTime?)null), ct);
        return await db.WebhookDeliveries
            .Where(d => d.Service == ServiceName.Todoist && d.ClaimToken == null && d.SyncEventId == null)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.ClaimToken, claimToken), ct);
    }

    /// <summary>Links the run's deliveries to the sync event that covered them.</summary>
    public async Task LinkAsync(string claimToken, long syncEventId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.WebhookDeliveries.Where(d => d.ClaimToken == claimToken)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.SyncEventId, syncEventId), ct);
    }

    /// <summary>Hands the deliveries back when the run did not sync (another run held the lease, or Todoist asked us
    /// to wait): the next webhook sync claims them.</summary>
    public async Task ReleaseAsync(string claimToken, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        await db.WebhookDeliveries.Where(d => d.ClaimToken == claimToken && d.SyncEventId == null)
            .ExecuteUpdateAsync(d => d.SetProperty(x => x.ClaimToken, (string?)null), ct);
    }
}
