using System.Reflection;
using SyncDashboard.Configuration;

namespace SyncDashboard.Operations;

/// <summary>How the process ends when it cannot start: a short paragraph per problem on standard error and exit
/// code 1, instead of an unhandled exception's stack trace (twice) and exit code 134.</summary>
public static class StartupFailure
{
    /// <summary>True when this assembly is the process. A host that loads the app as a library (the tests'
    /// <c>WebApplicationFactory</c>) gets the exception instead: the exit code is not the app's to set there.</summary>
    public static bool OwnsTheProcess => Assembly.GetEntryAssembly() == typeof(StartupFailure).Assembly;

    public static int Report(Exception error, TextWriter output)
    {
        var problems = ConfigurationProblems.Describe(error);
        if (problems.Count == 0)
        {
            // Something other than configuration: its type and message, and where the stack trace can be had.
            problems = [$"{error.GetType().Name}: {error.Message} (Set Logging:LogLevel:Default=Debug to log the stack trace.)"];
        }
        output.WriteLine(problems.Count == 1
            ? "SyncDashboard cannot start:"
            : $"SyncDashboard cannot start: {problems.Count} problems.");
        foreach (var problem in problems)
        {
            output.WriteLine();
            output.WriteLine(problem);
        }
        return 1;
    }
}
