using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncDashboard.Access;
using SyncDashboard.Components.Layout;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Simulator;
using Xunit;

namespace SyncDashboard.Tests.Components.Layout;

/// <summary>The layout asks the browser, through its JS module, for its time zone (every time on the page then reads
/// in it) and for the saved dark-mode choice (or else the OS preference), and saves a new choice.</summary>
public sealed class MainLayoutFacts
{
    private static readonly DateTime Started = DashboardBunit.Now.UtcDateTime.AddSeconds(-42);

    [Theory]
    [InlineData("Asia/Tokyo", "2026-03-01 20:59:18")]
    [InlineData("America/New_York", "2026-03-01 06:59:18")]
    public async Task Times_ReadInTheBrowsersZone_WithUtcOnHover(string browserZone, string expected)
    {
        await using var context = CreateContext(out var module);
        module.Setup<string?>("timeZone").SetResult(browserZone);

        var layout = RenderWithEvents(context);

        layout.WaitForAssertion(() => Assert.Equal(expected, StartedCell(layout).TextContent.Trim()));
        Assert.Equal("2026-03-01 11:59:18 UTC", StartedCell(layout).GetAttribute("title"));
    }

    [Fact]
    public async Task Times_ReadInLabelledUtc_WhenTheServerDoesNotKnowTheBrowsersZone()
    {
        await using var context = CreateContext(out var module);
        module.Setup<string?>("timeZone").SetResult("Mars/Olympus_Mons");

        var layout = RenderWithEvents(context);

        layout.WaitForAssertion(() => Assert.Contains("Mars/Olympus_Mons", StartedCell(layout).GetAttribute("title")));
        Assert.Equal("2026-03-01 11:59:18 UTC", StartedCell(layout).TextContent.Trim());
    }

    [Fact]
    public async Task Times_ReadInLabelledUtc_UntilTheBrowserAnswers_ThenInItsZone()
    {
        await using var context = CreateContext(out var module);
        var timeZone = module.Setup<string?>("timeZone");

        var layout = RenderWithEvents(context);

        Assert.Equal("2026-03-01 11:59:18 UTC", StartedCell(layout).TextContent.Trim());
        Assert.Equal("UTC: your browser's time zone is not known yet", StartedCell(layout).GetAttribute("title"));
        await layout.InvokeAsync(() => timeZone.SetResult("Asia/Tokyo"));
        layout.WaitForAssertion(() => Assert.Equal("2026-03-01 20:59:18", StartedCell(layout).TextContent.Trim()));
    }

    [Fact]
    public async Task DarkMode_FollowsTheOsPreference_WhenNoChoiceIsSaved()
    {
        await using var context = CreateContext(out var module, systemDark: true);
        module.Setup<bool?>("savedDarkMode").SetResult(null);

        var layout = RenderWithProbe(context);

        layout.WaitForAssertion(() => Assert.True(IsDark(layout)));
    }

    [Fact]
    public async Task DarkMode_FollowsTheSavedChoice_OverTheOsPreference()
    {
        await using var context = CreateContext(out var module, systemDark: true);
        var saved = module.Setup<bool?>("savedDarkMode");

        var layout = RenderWithProbe(context);
        await layout.InvokeAsync(() => saved.SetResult(false));

        layout.WaitForAssertion(() => module.VerifyInvoke("savedDarkMode"));
        Assert.False(IsDark(layout));
    }

    [Fact]
    public async Task Toggle_SwitchesTheTheme_AndSavesTheChoiceInTheBrowser()
    {
        await using var context = CreateContext(out var module);
        module.Setup<bool?>("savedDarkMode").SetResult(null);
        module.SetupVoid("saveDarkMode", _ => true).SetVoidResult();
        var layout = RenderWithProbe(context);
        layout.WaitForAssertion(() => module.VerifyInvoke("savedDarkMode"));

        await layout.Find("button[aria-label='Toggle dark mode']").ClickAsync(new());

        Assert.True(IsDark(layout));
        Assert.Equal(true, module.VerifyInvoke("saveDarkMode").Arguments[0]);
    }

    private static BunitContext CreateContext(out BunitJSModuleInterop module, bool systemDark = false)
    {
        var context = DashboardBunit.Create(browserZone: false);
        context.Services.AddSingleton(Options.Create(new TodoistOptions()));
        context.Services.AddSingleton(Options.Create(new SimulatorOptions()));
        context.Services.AddSingleton(Options.Create(new AccessOptions()));
        context.Services.AddSingleton<SimulatorEndpoint>();
        context.Services.AddSingleton<TodoistTargetResolver>();
        context.JSInterop.Setup<bool>("mudThemeProvider.isDarkMode").SetResult(systemDark);
        module = context.JSInterop.SetupModule(MainLayout.ModulePath);
        return context;
    }

    private static IRenderedComponent<MainLayout> RenderWithEvents(BunitContext context) =>
        context.Render<MainLayout>(p => p.Add<EventsTable>(l => l.Body, table => table
            .Add(t => t.Events, [Event()])
            .Add(t => t.Now, DashboardBunit.Now)));

    /// <summary>What the pages (and their charts) are told: the layout's "DarkMode" cascade.</summary>
    private static bool IsDark(IRenderedComponent<MainLayout> layout) =>
        layout.FindComponent<DarkModeProbe>().Instance.DarkMode;

    private static IRenderedComponent<MainLayout> RenderWithProbe(BunitContext context) =>
        context.Render<MainLayout>(p => p.Add<DarkModeProbe>(l => l.Body, _ => { }));

    private sealed class DarkModeProbe : ComponentBase
    {
        [CascadingParameter(Name = "DarkMode")] public bool DarkMode { get; set; }
    }

    private static AngleSharp.Dom.IElement StartedCell(IRenderedComponent<MainLayout> layout) =>
        layout.Find("[data-event-id]");

    private static EventRow Event() =>
        new(1, SyncType.Incremental, SyncTrigger.Manual, SyncStatus.Succeeded, Started, Started.AddSeconds(1), 1000,
            ItemsProcessed: 0, ItemsAdded: 0, ItemsUpdated: 0, ItemsDeleted: 0, ErrorCode: null, ErrorMessage: null,
            HttpStatus: null, Attempt: 1, ErrorChainId: null, JobId: null);
}
