using SyncDashboard.Components.Widgets;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

/// <summary>The note dialog's times are the browser's wall-clock times, read in its zone like every time on the page.</summary>
public sealed class NoteDraftFacts
{
    private static readonly DisplayZone Berlin = DisplayZone.FromBrowser("Europe/Berlin");

    [Fact]
    public void Parse_ReadsTheInputsInTheBrowsersZone()
    {
        var draft = NoteDraft.Parse("2026-11-01T09:00", "2026-11-01T10:30:15", "  Todoist incident ", Berlin, out var problem);

        Assert.Null(problem);
        Assert.Equal(new NoteDraft(new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc),
            new DateTime(2026, 11, 1, 9, 30, 15, DateTimeKind.Utc), "Todoist incident"), draft);
    }

    [Fact]
    public void Parse_ReadsUtc_WhileTheBrowsersZoneIsNotKnown()
    {
        var draft = NoteDraft.Parse("2026-11-01T09:00", "", "token rotated", DisplayZone.NotYetKnown, out _);

        Assert.Equal(new NoteDraft(new DateTime(2026, 11, 1, 9, 0, 0, DateTimeKind.Utc), null, "token rotated"), draft);
    }

    [Theory]
    [InlineData("", "", "x", "start", "is required")]
    [InlineData("yesterday", "", "x", "start", "is not a time that exists in your time zone")]
    [InlineData("2026-03-29T02:30", "", "x", "start", "is not a time that exists in your time zone")] // clocks go forward
    [InlineData("2026-11-01T09:00", "2026-13-01T00:00", "x", "end", "is not a time that exists in your time zone")]
    [InlineData("2026-11-01T09:00", "2026-11-01T08:59", "x", "end", "must not be before 'start'")]
    [InlineData("2026-11-01T09:00", "", " ", "text", "must not be empty")]
    public void Parse_NamesTheFieldAtFault(string start, string end, string text, string field, string problem)
    {
        Assert.Null(NoteDraft.Parse(start, end, text, Berlin, out var found));
        Assert.Equal((field, problem), (found?.Field, found?.Problem));
    }

    [Fact]
    public void InputValue_IsTheWallClockTimeOfTheZone() =>
        Assert.Equal("2026-11-01T09:00", NoteDraft.InputValue(new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc), Berlin));
}
