using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Alerts;

/// <summary>What an acknowledgement did: <see cref="AcknowledgeStatus.Done"/> with the row stored, or
/// <see cref="AcknowledgeStatus.NotActive"/> when health does not raise that alert now.</summary>
public sealed record AcknowledgeResult(AcknowledgeStatus Status, AcknowledgementRow? Acknowledgement = null);
