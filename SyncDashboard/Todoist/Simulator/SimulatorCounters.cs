namespace SyncDashboard.Todoist.Simulator;

/// <summary>What the simulator has done so far; for tests and diagnostics. <see cref="Announced"/> counts the webhooks
/// its changes announced (once someone listens for them).</summary>
public sealed record SimulatorCounters(
    long SyncCalls,
    long FullSyncs,
    long IncrementalSyncs,
    long Refused,
    long FaultsInjected,
    long Changes,
    long Announced);
