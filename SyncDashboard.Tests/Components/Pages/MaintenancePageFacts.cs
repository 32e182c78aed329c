using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using SyncDashboard.Components.Pages;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Pages;

/// <summary>The Maintenance page over a real SQLite file and the real <see cref="SyncDashboard.Maintenance.MaintenanceCommands"/>:
/// an operator creates windows through the form (the same rules as the API) and ends them; a viewer only reads.</summary>
public sealed class MaintenancePageFacts
{
    private static CancellationToken Ct => Xunit.TestContext.Current.CancellationToken;
    private static DateTime Now => DashboardBunit.Now.UtcDateTime;

    private static string Text(string markup) => System.Text.RegularExpressions.Regex.Replace(markup, @"\s+", " ");

    [Fact]
    public async Task Operator_CreatesAnAdHocWindowForTwoHours_SeesItActive_AndEndsIt()
    {
        await using var pages = await ChartPageBunit.CreateAsync(asOperator: true);
        pages.Context.Render<MudPopoverProvider>();
        var page = pages.Context.Render<MaintenancePage>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid=maintenance]").GetAttribute("data-live")));
        Assert.NotNull(page.Find("[data-testid=maintenance-none]"));

        page.Find("[data-testid=maintenance-submit]").Click();
        page.WaitForAssertion(() => Assert.Contains("The reason ", page.Find("[data-testid=maintenance-reason]").TextContent));

        page.Find("[data-testid=maintenance-reason] input").Input("Todoist token rotation");
        page.Find("[data-testid=maintenance-pause] input").Change(true);
        page.Find("[data-testid=maintenance-submit]").Click();

        var state = page.WaitForElement("[data-testid=maintenance-state]");
        Assert.Equal("Active", state.TextContent.Trim());
        var row = state.Closest("tr")!;
        Assert.Contains("now: 2026-03-01 12:00:00 to 2026-03-01 14:00:00", Text(row.TextContent));
        Assert.Contains("syncing paused", row.TextContent);
        await using (var db = pages.Database.Open())
        {
            var window = await db.MaintenanceWindows.SingleAsync(Ct);
            Assert.Equal(("Todoist token rotation", (DateTime?)Now, 120, true, true),
                (window.Reason, window.StartUtc, window.DurationMinutes, window.PauseSyncing, window.ExcludeFromSlo));
        }

        page.Find("[data-testid=maintenance-end]").Click();
        page.WaitForAssertion(() => Assert.Equal("Past", page.Find("[data-testid=maintenance-state]").TextContent.Trim()));
        await using var after = pages.Database.Open();
        Assert.Equal([AuditAction.AddMaintenance, AuditAction.EndMaintenance],
            await after.AuditEntries.OrderBy(a => a.Id).Select(a => a.Action).ToListAsync(Ct));
    }

    [Fact]
    public async Task Operator_IsToldWhatIsWrong_WithAScheduledWindowsCron()
    {
        await using var pages = await ChartPageBunit.CreateAsync(asOperator: true);
        pages.Context.Render<MudPopoverProvider>();
        var page = pages.Context.Render<MaintenancePage>();
        page.WaitForAssertion(() => Assert.Equal("true", page.Find("[data-testid=maintenance]").GetAttribute("data-live")));

        page.Find("[data-testid=maintenance-reason] input").Input("database upgrade");
        page.Find("[data-testid=maintenance-scheduled] input").Change(true);
        page.Find("[data-testid=maintenance-cron] input").Change("0 25 * * *");
        page.Find("[data-testid=maintenance-submit]").Click();

        page.WaitForAssertion(() => Assert.Contains("The cron is not a cron expression", page.Find("[data-testid=maintenance-cron]").TextContent));
        page.Find("[data-testid=maintenance-cron] input").Change("0 2 * * SUN");
        page.Find("[data-testid=maintenance-submit]").Click();

        var state = page.WaitForElement("[data-testid=maintenance-state]");
        Assert.Equal("Upcoming", state.TextContent.Trim());
        // The zone defaults to the browser's (UTC here); 1 March 2026 is a Sunday past 02:00, so the next is the 8th.
        Assert.Contains("next: 2026-03-08 02:00:00 to 2026-03-08 04:00:00", Text(state.Closest("tr")!.TextContent));
        await using var db = pages.Database.Open();
        Assert.Equal(("0 2 * * SUN", "UTC"), await db.MaintenanceWindows.Select(w => ValueTuple.Create(w.Cron, w.TimeZone)).SingleAsync(Ct));
    }

    [Fact]
    public async Task Viewer_SeesWindowsAndWhatTheyHeldBack_ButNoFormOrButtons()
    {
        await using var pages = await ChartPageBunit.CreateAsync();
        await using (var db = pages.Database.Open())
        {
            var window = new MaintenanceWindow
            {
                Service = "todoist", Reason = "upgrade", StartUtc = Now.AddHours(-1), DurationMinutes = 30, CreatedBy = "otto",
                CreatedUtc = Now.AddHours(-1),
            };
            db.MaintenanceWindows.Add(window);
            await db.SaveChangesAsync(Ct);
            db.AlertNotifications.Add(new AlertNotification
            {
                Service = "todoist", CreatedUtc = Now.AddMinutes(-50), Channel = AlertChannel.Webhook, Kind = NotificationKind.StatusChanged,
                Subject = "[SyncDashboard] todoist is Unhealthy (was Healthy)", Outcome = NotificationOutcome.Suppressed,
                MaintenanceWindowId = window.Id,
            });
            await db.SaveChangesAsync(Ct);
        }

        var page = pages.Context.Render<MaintenancePage>();

        var held = page.WaitForElement("[data-testid=maintenance-suppressed]");
        Assert.Contains("1 notification", held.TextContent);
        Assert.Contains("todoist is Unhealthy (was Healthy)", held.TextContent);
        Assert.Equal("Past", page.Find("[data-testid=maintenance-state]").TextContent.Trim());
        Assert.Empty(page.FindAll("[data-testid=maintenance-form]"));
        Assert.Empty(page.FindAll("[data-testid=maintenance-end]"));
        Assert.Empty(page.FindAll("[data-testid=maintenance-delete]"));
    }
}
