namespace SyncDashboard.Data;

/// <summary>Ordered by how bad it is, so the worst of several conditions is their maximum.</summary>
public enum HealthStatus { Unknown, Healthy, Degraded, Unhealthy }
