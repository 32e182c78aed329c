using SyncDashboard.Todoist.Wire;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>What the simulator answers to one sync call, independent of HTTP: a status, and either the sync response
/// or Todoist's JSON error body.</summary>
public sealed record SimulatorReply(int StatusCode, SyncResponse? Response, SimulatorErrorBody? Error)
{
    public static SimulatorReply Ok(SyncResponse response) => new(200, response, null);

    /// <summary>Seconds for the <c>Retry-After</c> header, when the error carries one.</summary>
    public int? RetryAfterSeconds =>
        Error?.ErrorExtra.TryGetValue("retry_after", out var value) == true && value is int seconds ? seconds : null;
}
