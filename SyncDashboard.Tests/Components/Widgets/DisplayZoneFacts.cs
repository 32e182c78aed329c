using SyncDashboard.Components.Widgets;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

public sealed class DisplayZoneFacts
{
    private static readonly DateTime Noon = new(2026, 7, 1, 12, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("Asia/Tokyo", "2026-07-01 21:00:00")]
    [InlineData("America/New_York", "2026-07-01 08:00:00")]
    [InlineData("Europe/Berlin", "2026-07-01 14:00:00")]
    [InlineData("UTC", "2026-07-01 12:00:00")]
    public void Time_ReadsInTheBrowsersZone_WithUtcAsTheTitle(string ianaId, string expected)
    {
        var zone = DisplayZone.FromBrowser(ianaId);

        Assert.Equal((expected, "2026-07-01 12:00:00 UTC"), (zone.Time(Noon), zone.Title(Noon)));
    }

    [Theory]
    [InlineData("Mars/Olympus_Mons")]
    [InlineData("not a zone")]
    public void FromBrowser_FallsBackToLabelledUtc_WhenTheServerDoesNotKnowTheZone(string ianaId)
    {
        var zone = DisplayZone.FromBrowser(ianaId);

        Assert.Null(zone.Browser);
        Assert.Equal("2026-07-01 12:00:00 UTC", zone.Time(Noon));
        Assert.Equal($"UTC: the server does not know your browser's time zone ({ianaId})", zone.Title(Noon));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void FromBrowser_FallsBackToLabelledUtc_WhenTheBrowserSaysNothing(string? ianaId)
    {
        var zone = DisplayZone.FromBrowser(ianaId);

        Assert.Equal(("2026-07-01 12:00:00 UTC", "UTC: your browser did not say its time zone"), (zone.Time(Noon), zone.Title(Noon)));
    }

    [Fact]
    public void NotYetKnown_ReadsInLabelledUtc_AndSaysWhy()
    {
        Assert.Equal(("2026-07-01 12:00:00 UTC", "UTC: your browser's time zone is not known yet"),
            (DisplayZone.NotYetKnown.Time(Noon), DisplayZone.NotYetKnown.Title(Noon)));
    }
}
