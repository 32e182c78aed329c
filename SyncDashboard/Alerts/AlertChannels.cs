using Microsoft.Extensions.Options;
using SyncDashboard.Health;
using SyncDashboard.Monitoring;

namespace SyncDashboard.Alerts;

/// <summary>Which channels are on, for the page's empty state; never their addresses or credentials.</summary>
public sealed record AlertChannels(bool Webhook, bool Email)
{
    public bool Any => Webhook || Email;
}
