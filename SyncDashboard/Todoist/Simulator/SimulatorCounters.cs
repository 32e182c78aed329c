namespace SyncDashboard.Todoist.Simulator;

/// <summary>What the simulator has done so far; for tests and diagnostics.</summary>
public sealed record SimulatorCounters(
    long SyncCalls,
    long FullSyncs,
    long IncrementalSyncs,
    long Refused,
    long FaultsInjected,
    long Changes);
