using SyncDashboard.Monitoring.Notes;

namespace SyncDashboard.Tests.Monitoring.Notes;

public sealed class NoteRulesFacts
{
    private static readonly DateTime Start = new(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(null, "token rotated", null, null)]
    [InlineData(0, "a moment as a range of nothing", null, null)]
    [InlineData(90, "Todoist incident", null, null)]
    [InlineData(-1, "ends before it starts", "end", "must not be before 'start'")]
    [InlineData(90, "", "text", "must not be empty")]
    [InlineData(90, "a\0b", "text", "must not contain control characters")]
    public void Check_NamesTheFieldAtFault(int? endMinutes, string text, string? field, string? problem)
    {
        var found = NoteRules.Check(Start, endMinutes is { } m ? Start.AddMinutes(m) : null, text);

        Assert.Equal((field, problem), (found?.Field, found?.Problem));
    }

    [Fact]
    public void Check_RefusesText_LongerThanItsColumn() =>
        Assert.Equal("text", NoteRules.Check(Start, null, new string('x', SyncDashboard.Data.TimelineNote.MaxTextLength + 1))?.Field);
}
