namespace SyncDashboard.Configuration;

/// <summary>The value of the <c>Service</c> column that every monitoring row carries. One service is synced today; the
/// column keeps the tables ready for a second without a migration.</summary>
public static class ServiceName
{
    public const string Todoist = "todoist";
}
