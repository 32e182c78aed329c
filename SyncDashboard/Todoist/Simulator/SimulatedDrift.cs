namespace SyncDashboard.Todoist.Simulator;

/// <summary>An object an incremental answer lost or corrupted on purpose (<see cref="SimulatorFaults.LoseObjects"/>,
/// <see cref="SimulatorFaults.CorruptObjects"/>): what a verification is expected to find.</summary>
public sealed record SimulatedDrift(string ResourceType, string Id, bool Corrupted);
