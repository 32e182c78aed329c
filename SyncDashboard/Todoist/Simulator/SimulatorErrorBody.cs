namespace SyncDashboard.Todoist.Simulator;

/// <summary>Todoist's error body: <c>{"error", "error_code", "error_tag", "http_code", "error_extra"}</c>.</summary>
public sealed record SimulatorErrorBody(
    string Error,
    int ErrorCode,
    string ErrorTag,
    int HttpCode,
    IReadOnlyDictionary<string, object> ErrorExtra);
