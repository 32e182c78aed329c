namespace SyncDashboard.Todoist.Simulator;

/// <summary>What the simulator's webhook sender has done, for the tests and the logs.</summary>
public sealed record SimulatorWebhookCounters(long Sent, long Dropped, long Duplicated, long Failed);
