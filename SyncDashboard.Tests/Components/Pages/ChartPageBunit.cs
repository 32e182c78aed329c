using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SyncDashboard.Components.Charts;
using SyncDashboard.Health;
using SyncDashboard.Live;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Pages;

/// <summary>A bUnit context for the chart pages over a real, migrated SQLite file, with the chart module's calls
/// recorded so a test can read what each chart was drawn with.</summary>
public sealed class ChartPageBunit : IAsyncDisposable
{
    private ChartPageBunit(BunitContext context, TestDatabase database, BunitJSModuleInterop module)
    {
        Context = context;
        Database = database;
        Module = module;
    }

    public BunitContext Context { get; }
    public TestDatabase Database { get; }
    public BunitJSModuleInterop Module { get; }
    public MonitoringNotifier Notifier => Context.Services.GetRequiredService<MonitoringNotifier>();

    /// <param name="asOperator">Signed in as an operator on a live circuit, so the Timeline's note buttons work;
    /// otherwise as a viewer, who sees none.</param>
    public static async Task<ChartPageBunit> CreateAsync(bool asOperator = false)
    {
        var database = await TestDatabase.CreateAsync();
        var context = DashboardBunit.Create();
        var authorization = context.AddAuthorization();
        authorization.SetAuthorized(asOperator ? "ana" : "viewer");
        authorization.SetPolicies(asOperator
            ? [SyncDashboard.Access.AccessPolicies.View, SyncDashboard.Access.AccessPolicies.Operate]
            : [SyncDashboard.Access.AccessPolicies.View]);
        context.Services.AddSingleton(database.Factory());
        context.Services.AddSingleton(Options.Create(new HealthOptions()));
        context.Services.AddSingleton(new MonitoringNotifier(NullLogger<MonitoringNotifier>.Instance));
        context.Services.AddSingleton<TimelineQueries>();
        context.Services.AddSingleton<SyncDashboard.Access.AuditLog>();
        context.Services.AddSingleton<SyncDashboard.Monitoring.Notes.NoteCommands>();
        context.Services.AddSingleton<SyncDashboard.Maintenance.MaintenanceQueries>();
        context.Services.AddSingleton<SyncDashboard.Maintenance.MaintenanceCommands>();
        context.Services.AddSingleton<PerformanceQueries>();
        context.Services.AddSingleton<PerformanceTrendQueries>();
        var module = context.JSInterop.SetupModule(ApexChart.ModulePath);
        module.SetupVoid("render", _ => true).SetVoidResult();
        module.SetupVoid("update", _ => true).SetVoidResult();
        module.SetupVoid("destroy", _ => true).SetVoidResult();
        // Last: it builds the renderer, after which no service may be added.
        if (asOperator) context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return new ChartPageBunit(context, database, module);
    }

    public Task SeedAsync(int days = 7) => DashboardHistory.SeedAsync(Database.Factory(), DashboardBunit.Now.UtcDateTime, days);

    /// <summary>The options the chart whose first series is <paramref name="firstSeries"/> was last drawn or updated
    /// with (bUnit's markup does not keep element reference ids across renders, so charts are told apart by content).</summary>
    public System.Text.Json.JsonElement LastOptions(string firstSeries) =>
        Module.Invocations
            .Where(i => i.Identifier is "render" or "update")
            .Select(i => System.Text.Json.JsonDocument.Parse((string)i.Arguments[1]!).RootElement)
            .Last(o => o.GetProperty("series")[0].GetProperty("name").GetString() == firstSeries);

    /// <summary>Waits until the module was asked to draw <paramref name="count"/> charts. Polls: the call happens after
    /// the last render, so bUnit's render-driven waits would not look again.</summary>
    public async Task WaitForChartsAsync(int count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Module.Invocations["render"].Count < count && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20, Xunit.TestContext.Current.CancellationToken);
        }
        Assert.Equal(count, Module.Invocations["render"].Count);
    }

    public async ValueTask DisposeAsync()
    {
        await Context.DisposeAsync();
        await Database.DisposeAsync();
    }
}
