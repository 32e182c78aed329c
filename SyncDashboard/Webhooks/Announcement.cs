namespace SyncDashboard.Webhooks;

/// <summary>A delivery as the count sees it: which object it announced, and when the change happened.</summary>
public sealed record Announcement(string? ObjectType, string? ObjectId, DateTime AtUtc);
