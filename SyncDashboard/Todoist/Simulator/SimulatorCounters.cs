namespace SyncDashboard.Todoist.Simulator;

/// <summary>What the simulator has done so far; for tests, diagnostics and the Simulator page. Every call to the sync
/// endpoint is one of <see cref="SyncCalls"/> and is counted once more by how it was answered: served as a
/// <see cref="FullSyncs">full</see> or <see cref="IncrementalSyncs">incremental</see> sync, <see cref="Refused"/>
/// with an error of its own (token, arguments, limits), or given an injected fault (<see cref="FaultsInjected"/>), so
/// that the four add up to <see cref="SyncCalls"/>. <see cref="Announced"/> counts the webhooks its changes announced
/// (once someone listens for them).</summary>
public sealed record SimulatorCounters(
    long SyncCalls,
    long FullSyncs,
    long IncrementalSyncs,
    long Refused,
    long FaultsInjected,
    long Changes,
    long Announced);
