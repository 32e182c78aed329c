namespace SyncDashboard.Todoist.Simulator;

[Flags]
internal enum ResourceTypes
{
    None = 0,
    Items = 1,
    Projects = 2,
    Sections = 4,
    Labels = 8,
    Notes = 16,
    All = Items | Projects | Sections | Labels | Notes,
}
