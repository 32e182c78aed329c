using Bunit;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

public sealed class RetryCountdownFacts
{
    [Fact]
    public async Task Countdown_TicksDownWithTheClock_ThenSaysDue()
    {
        var time = new FakeTimeProvider(DashboardBunit.Now);
        await using var context = DashboardBunit.Create(time);
        var countdown = context.Render<RetryCountdown>(p => p.Add(c => c.At, DashboardBunit.Now.UtcDateTime.AddSeconds(65)));
        Assert.Contains("1:05", countdown.Markup);

        time.Advance(TimeSpan.FromSeconds(1));
        countdown.WaitForAssertion(() => Assert.Contains("1:04", countdown.Markup));

        time.Advance(TimeSpan.FromSeconds(60));
        countdown.WaitForAssertion(() => Assert.Contains("0:04", countdown.Markup));

        time.Advance(TimeSpan.FromSeconds(5));
        countdown.WaitForAssertion(() => Assert.Contains("retry due now", countdown.Markup));
    }

    [Theory]
    [InlineData(0.2, "0:01")]
    [InlineData(59, "0:59")]
    [InlineData(3600, "1:00:00")]
    [InlineData(-3, "0:00")]
    public void Countdown_Format_RoundsUpToTheSecond(double seconds, string expected) =>
        Assert.Equal(expected, DisplayFormat.Countdown(TimeSpan.FromSeconds(seconds)));
}
