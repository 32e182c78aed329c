using Microsoft.Extensions.Options;
using SyncDashboard.Monitoring;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Todoist;

namespace SyncDashboard.Webhooks;

public sealed record WebhookRejectionSummary(long MissingSignature, long BadSignature, long TooLarge, long Malformed)
{
    public long Signatures => MissingSignature + BadSignature;
    public long Total => Signatures + TooLarge + Malformed;
}
