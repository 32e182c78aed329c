using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SyncDashboard.Components.Pages;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Pages;

/// <summary>Notes on the Timeline page: an operator adds one through the dialog and deletes it; a viewer sees notes
/// but no button. Over a real SQLite file and the real <see cref="SyncDashboard.Monitoring.Notes.NoteCommands"/>.</summary>
public sealed class TimelineNotesFacts
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    [Fact]
    public async Task Operator_AddsANoteOverARange_SeesItWithItsRange_AndDeletesIt()
    {
        await using var pages = await ChartPageBunit.CreateAsync(asOperator: true);
        var dialogs = pages.Context.Render<MudDialogProvider>();
        var page = pages.Context.Render<Timeline>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid=timeline]").GetAttribute("data-live")));

        page.Find("[data-testid=add-note]").Click();
        dialogs.WaitForAssertion(() => dialogs.Find("[data-testid=note-dialog]"));
        // The start offers now, in the browser's zone (UTC here).
        Assert.Equal("2026-03-01T12:00", dialogs.Find("[data-testid=note-start] input").GetAttribute("value"));
        dialogs.Find("[data-testid=note-start] input").Change("2026-03-01T09:00");
        dialogs.Find("[data-testid=note-end] input").Change("2026-03-01T08:00");
        dialogs.Find("[data-testid=note-text] textarea").Input("Todoist incident");
        dialogs.Find("[data-testid=note-submit]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("The end must not be before the start.", dialogs.Markup));
        dialogs.Find("[data-testid=note-end] input").Change("2026-03-01T10:30");
        dialogs.Find("[data-testid=note-submit]").Click();

        var row = page.WaitForElement("[data-marker-kind=Note]").Closest("tr")!;
        Assert.Contains("2026-03-01 09:00:00 to 2026-03-01 10:30:00", row.TextContent);
        Assert.Contains("Todoist incident (ana)", row.TextContent);
        await using (var db = pages.Database.Open())
        {
            var note = await db.TimelineNotes.SingleAsync(Ct);
            Assert.Equal((new DateTime(2026, 3, 1, 9, 0, 0, DateTimeKind.Utc), new DateTime(2026, 3, 1, 10, 30, 0, DateTimeKind.Utc)),
                (note.StartUtc, note.EndUtc!.Value));
        }

        page.Find("[data-testid=delete-note]").Click();
        dialogs.WaitForAssertion(() => Assert.Contains("Delete this note?", dialogs.Markup));
        dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click();

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-marker-kind=Note]")));
        await using var after = pages.Database.Open();
        Assert.Empty(await after.TimelineNotes.ToListAsync(Ct));
        Assert.Equal([AuditAction.AddNote, AuditAction.DeleteNote],
            await after.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task Viewer_SeesNotes_ButNoButtonToAddOrDeleteThem()
    {
        await using var pages = await ChartPageBunit.CreateAsync();
        await using (var db = pages.Database.Open())
        {
            db.TimelineNotes.Add(new TimelineNote
            {
                Service = "todoist", StartUtc = DashboardBunit.Now.UtcDateTime.AddHours(-1), Text = "token rotated",
                CreatedBy = "otto", CreatedUtc = DashboardBunit.Now.UtcDateTime,
            });
            await db.SaveChangesAsync(Ct);
        }

        var page = pages.Context.Render<Timeline>();

        page.WaitForAssertion(() => Assert.Contains("token rotated (otto)", page.Find("[data-marker-kind=Note]").Closest("tr")!.TextContent));
        Assert.Empty(page.FindAll("[data-testid=add-note]"));
        Assert.Empty(page.FindAll("[data-testid=delete-note]"));
    }
}
