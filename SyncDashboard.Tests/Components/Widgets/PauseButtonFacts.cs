using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

/// <summary>The button over a real SQLite file and the real <see cref="SyncDashboard.Sync.PauseCommands"/>.</summary>
public sealed class PauseButtonFacts
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;

    /// <summary>The button shown may be stale (someone else pressed it first): the snackbar says what this press did.</summary>
    [Theory]
    [InlineData(false, "pause", "Syncing paused: scheduled and retry runs wait; Sync now still runs.", Severity.Warning)]
    [InlineData(true, "pause", "Syncing was already paused.", Severity.Info)]
    [InlineData(true, "resume", "Syncing resumed: the schedule runs again.", Severity.Success)]
    [InlineData(false, "resume", "Syncing was not paused.", Severity.Info)]
    public async Task Press_SaysWhatItChanged_WhenSyncingWasOrWasNotPaused(
        bool paused, string button, string message, Severity severity)
    {
        await using var database = await TestDatabase.CreateAsync();
        await SetPausedAsync(database, paused);
        await using var context = DashboardBunit.CreateOperator(database: database);
        var rendered = context.Render<PauseButton>(p => p.Add(b => b.IsPaused, button == "resume"));

        await rendered.Find($"[data-testid={button}]").ClickAsync(new());

        var shown = Assert.Single(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal((message, severity), (shown.Message, shown.Severity));
    }

    [Fact]
    public async Task Pause_SaysOnlyThatItFailed_AndCanBePressedAgain_WhenTheDatabaseFails()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = DashboardBunit.CreateOperator(database: database);
        var rendered = context.Render<PauseButton>(p => p.Add(b => b.IsPaused, false));
        await using (var db = database.Open())
        {
            // The pause and its audit entry commit together, so without the audit table nothing commits.
            await db.Database.ExecuteSqlRawAsync("DROP TABLE audit_entries", Ct);
        }

        await rendered.Find("[data-testid=pause]").ClickAsync(new());

        var shown = Assert.Single(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(("Syncing could not be paused or resumed; see the server log.", Severity.Error), (shown.Message, shown.Severity));
        rendered.WaitForAssertion(() => Assert.False(rendered.Find("[data-testid=pause]").HasAttribute("disabled")));
        await using var after = database.Open();
        Assert.False(await after.SyncStates.AnyAsync(s => s.IsPaused, Ct));
    }

    private static async Task SetPausedAsync(TestDatabase database, bool paused)
    {
        await using var db = database.Open();
        db.SyncStates.Add(new SyncState { Service = ServiceName.Todoist, IsPaused = paused });
        await db.SaveChangesAsync(Ct);
    }
}
