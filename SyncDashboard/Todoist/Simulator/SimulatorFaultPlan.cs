namespace SyncDashboard.Todoist.Simulator;

public enum SimulatorFaultKind
{
    None,
    /// <summary>Hang until the client gives up.</summary>
    Timeout,
    /// <summary>Answer <see cref="SimulatorFaults.ErrorStatus"/> with a Todoist error body.</summary>
    Error,
    /// <summary>Answer 200 with a body that is not valid JSON.</summary>
    Malformed,
}

/// <summary>What to do to one sync request before (or instead of) serving it: wait <see cref="Latency"/>, then act
/// out <see cref="Kind"/>. <see cref="ErrorReply"/> is set for <see cref="SimulatorFaultKind.Error"/>.</summary>
public sealed record SimulatorFaultPlan(TimeSpan Latency, SimulatorFaultKind Kind, SimulatorReply? ErrorReply);
