namespace SyncDashboard.Data;

/// <summary>What a verification found for one resource type (<c>items</c>, <c>projects</c>, <c>sections</c>,
/// <c>labels</c>, <c>notes</c>, Todoist's names): counts per kind and a few examples of each.</summary>
public sealed record DriftByType(string ResourceType, int Missing, int Extra, int Changed, IReadOnlyList<DriftExample> Examples)
{
    public int Total => Missing + Extra + Changed;
}
