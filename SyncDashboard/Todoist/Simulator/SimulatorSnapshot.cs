using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>The whole account as a mirror should hold it: active objects plus completed tasks, no tombstones.</summary>
public sealed record SimulatorSnapshot(
    IReadOnlyList<WireItem> Items,
    IReadOnlyList<WireProject> Projects,
    IReadOnlyList<WireSection> Sections,
    IReadOnlyList<WireLabel> Labels,
    IReadOnlyList<WireNote> Notes);

/// <summary>What the simulator has done so far; for tests and diagnostics.</summary>
public sealed record SimulatorCounters(
    long SyncCalls,
    long FullSyncs,
    long IncrementalSyncs,
    long Refused,
    long FaultsInjected,
    long Changes);
