using SyncDashboard.Components.Widgets;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

public sealed class DisplayFormatFacts
{
    private static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(0.4, "just now")]
    [InlineData(12, "12 s ago")]
    [InlineData(60, "1 min ago")]
    [InlineData(3 * 3600 + 5, "3 h ago")]
    [InlineData(2 * 86400, "2 d ago")]
    public void Ago_ReadsLikeAHuman_WhenTimeHasPassed(double secondsAgo, string expected) =>
        Assert.Equal(expected, DisplayFormat.Ago(Now.UtcDateTime.AddSeconds(-secondsAgo), Now));

    [Theory]
    [InlineData(0, "0 open failure chains")]
    [InlineData(1, "1 open failure chain")]
    [InlineData(2, "2 open failure chains")]
    [InlineData(12345, "12,345 open failure chains")]
    public void Count_PutsTheNounInTheNumberOfTheCount(long count, string expected) =>
        Assert.Equal(expected, DisplayFormat.Count(count, "open failure chain"));

    [Fact]
    public void Count_TakesTheGivenPlural_ForNounsThatDoNotJustAddAnS() =>
        Assert.Equal("3 replies", DisplayFormat.Count(3, "reply", "replies"));

    [Fact]
    public void Ago_TreatsUnspecifiedKindAsUtc_WhenReadBackFromSqlite()
    {
        var unspecified = DateTime.SpecifyKind(Now.UtcDateTime.AddSeconds(-30), DateTimeKind.Unspecified);

        Assert.Equal("30 s ago", DisplayFormat.Ago(unspecified, Now));
    }

    [Theory]
    [InlineData(null, "—")]
    [InlineData(350L, "350 ms")]
    [InlineData(1500L, "1.5 s")]
    [InlineData(125_000L, "2:05 min")]
    public void Duration_PicksAUnit_WhenGivenMilliseconds(long? ms, string expected) =>
        Assert.Equal(expected, DisplayFormat.Duration(ms));

    [Fact]
    public void Truncate_KeepsLength_WhenTextIsTooLong() =>
        Assert.Equal("abcd…", DisplayFormat.Truncate("abcdefgh", 5));

    [Theory]
    [InlineData(null, "—")]
    [InlineData("short", "short")]
    [InlineData("abcdefghijklmnopqrstuvwxyz", "abcdef…uvwxyz")]
    public void ShortToken_KeepsBothEnds_OfALongToken(string? token, string expected) =>
        Assert.Equal(expected, DisplayFormat.ShortToken(token));

    [Theory]
    [InlineData(null, "—")]
    [InlineData(1.0, "100%")]
    [InlineData(0.755, "75.5%")]
    [InlineData(0.9995, "99.95%")]
    public void Percent_ShowsAShare(double? share, string expected) =>
        Assert.Equal(expected, DisplayFormat.Percent(share));

    [Theory]
    [InlineData(-5, "now")]
    [InlineData(30, "in 30 s")]
    [InlineData(600, "in 10 min")]
    public void In_SaysHowFarAhead(int seconds, string expected) =>
        Assert.Equal(expected, DisplayFormat.In(Now.UtcDateTime.AddSeconds(seconds), Now));
}
