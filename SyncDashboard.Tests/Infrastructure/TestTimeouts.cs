using System.Globalization;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>Every time-out a test waits with, from one place: each budget is what an idle two-core machine needs with
/// room to spare, times <c>SYNCDASHBOARD_TEST_TIMEOUT_SCALE</c> (default 1; .ci/run sets 2) for a machine busy with
/// other work. A time-out only bounds how long a failing test waits, so a generous one costs a passing test nothing,
/// while a tight one fails a correct test on a loaded machine.</summary>
public static class TestTimeouts
{
    public const string ScaleVariable = "SYNCDASHBOARD_TEST_TIMEOUT_SCALE";

    public static double Scale { get; } = ParseScale(Environment.GetEnvironmentVariable(ScaleVariable));

    /// <summary>Whatever a browser test waits for: a Playwright action or navigation, an expectation (Playwright's own
    /// default is 5 s), a page showing what the app just did.</summary>
    public static TimeSpan Browser => Scaled(TimeSpan.FromSeconds(30));

    /// <summary>Something another thread or process makes true: a Hangfire job, a circuit update, a delivery.</summary>
    public static TimeSpan Eventually => Scaled(TimeSpan.FromSeconds(20));

    /// <summary>A bUnit render that waits on the component's own async work (bUnit's default is 1 s).</summary>
    public static TimeSpan Render => Scaled(TimeSpan.FromSeconds(5));

    /// <summary>A host or a child process starting, or stopping after it was told to.</summary>
    public static TimeSpan Process => Scaled(TimeSpan.FromSeconds(30));

    /// <summary><paramref name="idle"/>, a budget on an idle machine, made to fit this one.</summary>
    public static TimeSpan Scaled(TimeSpan idle) => idle * Scale;

    /// <summary>Playwright takes time-outs as milliseconds.</summary>
    public static float Milliseconds(TimeSpan timeout) => (float)timeout.TotalMilliseconds;

    internal static double ParseScale(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return 1;
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var scale)
            && double.IsFinite(scale) && scale > 0)
        {
            return scale;
        }
        throw new InvalidOperationException(
            $"{ScaleVariable} must be a positive number such as 1, 2 or 2.5 (it multiplies every test time-out), "
            + $"not '{value}'.");
    }
}
