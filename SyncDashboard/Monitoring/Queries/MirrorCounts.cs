namespace SyncDashboard.Monitoring.Queries;

/// <summary>How many objects the mirror holds, per resource type.</summary>
public sealed record MirrorCounts(int Items, int CompletedItems, int Projects, int Sections, int Labels, int Notes);
