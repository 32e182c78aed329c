namespace SyncDashboard.Todoist.Simulator;

/// <summary>What to do to one sync request before (or instead of) serving it: wait <see cref="Latency"/>, then act
/// out <see cref="Kind"/>. <see cref="ErrorReply"/> is set for <see cref="SimulatorFaultKind.Error"/>.</summary>
public sealed record SimulatorFaultPlan(TimeSpan Latency, SimulatorFaultKind Kind, SimulatorReply? ErrorReply);
