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
