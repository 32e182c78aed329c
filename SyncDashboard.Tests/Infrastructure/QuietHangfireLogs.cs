using Hangfire.Logging;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>Hangfire keeps its log provider in a static, so every test host overwrites the last one's, and a host
/// disposed by one test leaves the next test's Hangfire logging into a disposed LoggerFactory. Test hosts use this
/// provider instead, which nothing ever disposes.</summary>
public sealed class QuietHangfireLogs : ILogProvider
{
    public ILog GetLogger(string name) => new Quiet();

    private sealed class Quiet : ILog
    {
        public bool Log(LogLevel logLevel, Func<string>? messageFunc, Exception? exception = null) => false;
    }
}
