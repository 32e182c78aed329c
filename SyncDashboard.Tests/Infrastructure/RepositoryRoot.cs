namespace SyncDashboard.Tests.Infrastructure;

public static class RepositoryRoot
{
    /// <summary>The folder holding SyncDashboard.sln, found by walking up from the test assembly.</summary>
    public static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "SyncDashboard.sln"))) return dir.FullName;
        }
        throw new InvalidOperationException("SyncDashboard.sln not found above " + AppContext.BaseDirectory);
    }
}
