namespace SyncDashboard.Configuration;

/// <summary>Everything found wrong before start-up, one paragraph per problem, each naming its key and the fix.</summary>
public sealed class StartupProblemsException(IReadOnlyList<string> problems)
    : Exception(string.Join(Environment.NewLine + Environment.NewLine, problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
