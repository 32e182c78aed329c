using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>The whole account as a mirror should hold it: active objects plus completed tasks, no tombstones.</summary>
public sealed record SimulatorSnapshot(
    IReadOnlyList<WireItem> Items,
    IReadOnlyList<WireProject> Projects,
    IReadOnlyList<WireSection> Sections,
    IReadOnlyList<WireLabel> Labels,
    IReadOnlyList<WireNote> Notes);
