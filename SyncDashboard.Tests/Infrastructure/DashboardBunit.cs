using Bunit;
using Bunit.TestDoubles;
using Hangfire;
using Hangfire.InMemory;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;
using SyncDashboard.Components.Layout;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Live;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>The one place that builds a bUnit context the way the app's components expect it.</summary>
public static class DashboardBunit
{
    /// <summary>The clock every component test starts from.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    // bUnit's wait time-out is process-wide; set before the first context of the run.
    static DashboardBunit() => BunitContext.DefaultWaitTimeout = TestTimeouts.Render;

    /// <summary>A browser in UTC, so local times read as the UTC ones; <paramref name="browserZone"/> false leaves the
    /// zone to the app's own <see cref="BrowserTimeZone"/> (a test of the layout that reads it).</summary>
    public static BunitContext Create(FakeTimeProvider? time = null, bool browserZone = true)
    {
        var context = new BunitContext();
        // MudBlazor calls JS for popovers, resize observers and the like; none of it matters to markup assertions.
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton<TimeProvider>(time ?? new FakeTimeProvider(Now));
        context.Services.AddTransient<OperatorAction>();
        if (browserZone) context.Services.AddCascadingValue(_ => DisplayZone.FromBrowser("UTC"));
        else BrowserTimeZone.AddTo(context.Services);
        return context;
    }

    /// <summary>A context as someone sees the app once the circuit is up: interactive, signed in with the given
    /// policies (by default both, so action buttons render and are enabled), and with <paramref name="database"/>
    /// the real queries and commands the pages inject.</summary>
    public static BunitContext CreateOperator(
        FakeTimeProvider? time = null, TestDatabase? database = null, params string[] policies) =>
        CreateOperator(out _, time, database, policies);

    /// <summary>The same, handing out the authorization, so that a test can take a policy away while a page is open
    /// (its buttons stay on screen until something re-renders them).</summary>
    public static BunitContext CreateOperator(out BunitAuthorizationContext authorization,
        FakeTimeProvider? time = null, TestDatabase? database = null, params string[] policies)
    {
        var context = Create(time);
        if (database is not null) AddMonitoring(context, database);
        var auth = authorization = context.AddAuthorization();
        auth.SetAuthorized("ana");
        auth.SetPolicies(policies.Length > 0 ? policies : [SyncDashboard.Access.AccessPolicies.View, SyncDashboard.Access.AccessPolicies.Operate]);
        // Last: it builds the renderer, after which no service may be added.
        context.SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return context;
    }

    /// <summary>The real queries and commands a page injects, over <paramref name="database"/> and Hangfire's in-memory
    /// storage (no server: queued jobs stay queued, which is what a page test wants to see).</summary>
    private static void AddMonitoring(BunitContext context, TestDatabase database)
    {
        var services = context.Services;
        var storage = new InMemoryStorage();
        services.AddLogging();
        services.AddSingleton<IDbContextFactory<SyncDashboard.Data.MonitoringDbContext>>(database.Factory());
        services.AddSingleton<JobStorage>(storage);
        services.AddSingleton<IBackgroundJobClient>(new BackgroundJobClient(storage));
        services.AddSingleton(Options.Create(new SyncDashboard.Sync.RetryOptions()));
        services.AddSingleton<SyncDashboard.Live.MonitoringNotifier>();
        services.AddSingleton<SyncDashboard.Access.AuditLog>();
        services.AddSingleton<SyncDashboard.Monitoring.Queries.EventQueries>();
        services.AddSingleton<SyncDashboard.Monitoring.Queries.StateQueries>();
        services.AddSingleton<SyncDashboard.Monitoring.Queries.ErrorQueries>();
        services.AddSingleton<SyncDashboard.Sync.RetryScheduler>();
        services.AddSingleton<SyncDashboard.Sync.ErrorCommands>();
        services.AddSingleton<SyncDashboard.Sync.SyncLease>();
        services.AddSingleton<SyncDashboard.Sync.SyncCommands>();
        services.AddSingleton<SyncDashboard.Sync.PauseCommands>();
        // Demo mode (no Todoist token) with the built-in simulator, for the Simulator panel.
        services.AddSingleton(Options.Create(new SyncDashboard.Todoist.TodoistOptions()));
        services.AddSingleton(Options.Create(new SyncDashboard.Todoist.Simulator.SimulatorOptions()));
        services.AddSingleton<SyncDashboard.Todoist.Simulator.SimulatorEndpoint>();
        services.AddSingleton<SyncDashboard.Todoist.TodoistTargetResolver>();
        services.AddSingleton<SyncDashboard.Todoist.Simulator.TodoistSimulator>();
        services.AddSingleton<SyncDashboard.Todoist.Simulator.SimulatorFaultCommands>();
    }
}
