namespace SyncDashboard.Api;

/// <summary>The body of <c>POST /api/alerts/{code}/acknowledge</c>: why the alert is acknowledged.</summary>
public sealed record AcknowledgeRequest(string? Note);
