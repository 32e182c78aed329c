using System.Text.Json;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using SyncDashboard.Components.Charts;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Charts;

public sealed class ApexChartFacts
{
    private static readonly DateTime Hour = new(2026, 3, 1, 11, 0, 0, DateTimeKind.Utc);

    private static ApexOptions Bars(params double?[] values) => new(
        new ChartSettings("bar", Stacked: true),
        [new ChartSeries("Succeeded", values.Select((v, i) => ChartPoint.At(Hour.AddHours(i), v)).ToList())],
        Xaxis: new ChartXAxis(Type: "datetime"));

    private static (BunitContext Context, BunitJSModuleInterop Module) CreateContext()
    {
        var context = DashboardBunit.Create();
        var module = context.JSInterop.SetupModule(ApexChart.ModulePath);
        module.Mode = JSRuntimeMode.Strict;
        module.SetupVoid("render", _ => true).SetVoidResult();
        module.SetupVoid("update", _ => true).SetVoidResult();
        module.SetupVoid("destroy", _ => true).SetVoidResult();
        return (context, module);
    }

    private static IRenderedComponent<ApexChart> RenderChart(BunitContext context, ApexOptions options, bool dark = false) =>
        context.Render<ApexChart>(p => p
            .Add(c => c.Options, options)
            .Add(c => c.AriaLabel, "Runs per hour")
            .Add(c => c.Summary, "12 successful runs")
            .Add(c => c.TestId, "runs-chart")
            .AddCascadingValue("DarkMode", dark));

    private static JsonElement OptionsOf(JSRuntimeInvocation invocation) =>
        JsonDocument.Parse((string)invocation.Arguments[1]!).RootElement;

    [Fact]
    public async Task Render_DrawsIntoItsContainer_WithTheOptionsAsCamelCaseJson()
    {
        var (context, module) = CreateContext();
        await using var owned = context;

        var chart = RenderChart(context, Bars(3, null));

        var figure = chart.Find("figure[data-testid=runs-chart]");
        Assert.Equal("Runs per hour", figure.GetAttribute("aria-label"));
        Assert.Equal("12 successful runs", chart.Find("figcaption").TextContent);
        var render = module.VerifyInvoke("render");
        render.Arguments[0].ShouldBeElementReferenceTo(chart.Find(".apex-chart-host"));
        var options = OptionsOf(render);
        Assert.Equal("bar", options.GetProperty("chart").GetProperty("type").GetString());
        Assert.True(options.GetProperty("chart").GetProperty("stacked").GetBoolean());
        Assert.Equal("datetime", options.GetProperty("xaxis").GetProperty("type").GetString());
        var data = options.GetProperty("series")[0].GetProperty("data");
        Assert.Equal(new DateTimeOffset(Hour).ToUnixTimeMilliseconds(), data[0].GetProperty("x").GetInt64());
        Assert.Equal(3, data[0].GetProperty("y").GetDouble());
        // A missing value is sent as null (a gap), while unset options are left out for ApexCharts' defaults.
        Assert.Equal(JsonValueKind.Null, data[1].GetProperty("y").ValueKind);
        Assert.False(options.TryGetProperty("annotations", out _));
        Assert.Equal("light", options.GetProperty("theme").GetProperty("mode").GetString());
    }

    [Fact]
    public async Task Render_UsesTheDarkTheme_WhenTheLayoutIsDark()
    {
        var (context, module) = CreateContext();
        await using var owned = context;

        RenderChart(context, Bars(1), dark: true);

        Assert.Equal("dark", OptionsOf(module.VerifyInvoke("render")).GetProperty("theme").GetProperty("mode").GetString());
    }

    [Fact]
    public async Task NewOptions_UpdateTheSameChart_WithoutRenderingAgain()
    {
        var (context, module) = CreateContext();
        await using var owned = context;
        var chart = RenderChart(context, Bars(1));

        chart.Render(p => p.Add(c => c.Options, Bars(1, 7)));

        module.VerifyInvoke("render", calledTimes: 1);
        var update = module.VerifyInvoke("update");
        update.Arguments[0].ShouldBeElementReferenceTo(chart.Find(".apex-chart-host"));
        Assert.Equal(7, OptionsOf(update).GetProperty("series")[0].GetProperty("data")[1].GetProperty("y").GetDouble());
    }

    [Fact]
    public async Task SameOptions_SendNothing_WhenTheParentRendersAgain()
    {
        var (context, module) = CreateContext();
        await using var owned = context;
        var chart = RenderChart(context, Bars(1, 2));

        chart.Render(p => p.Add(c => c.Options, Bars(1, 2)));

        Assert.Empty(module.Invocations["update"]);
    }

    [Fact]
    public async Task Render_SaysItHasNoData_AndDrawsNothing_WhenEveryValueIsAGap()
    {
        var (context, module) = CreateContext();
        await using var owned = context;

        var chart = RenderChart(context, Bars(null, null) with { NoData = new ChartNoData("No runs in this window") });

        Assert.Equal("No runs in this window", chart.Find("[data-testid=chart-no-data]").TextContent);
        Assert.Equal("false", chart.Find("figure").GetAttribute("data-has-data"));
        Assert.True(chart.Find(".apex-chart-host").HasAttribute("hidden"));
        // The caption describes a chart; with none drawn, the no-data text says it all.
        Assert.Empty(chart.FindAll("figcaption"));
        Assert.Empty(module.Invocations);
        Assert.DoesNotContain(context.JSInterop.Invocations, i => i.Identifier == "import");
    }

    [Fact]
    public async Task DataArriving_DrawsTheChart_AndDataLeaving_RemovesItAndSaysSo()
    {
        var (context, module) = CreateContext();
        await using var owned = context;
        var chart = RenderChart(context, Bars(0, 0));
        Assert.Single(chart.FindAll("[data-testid=chart-no-data]"));

        chart.Render(p => p.Add(c => c.Options, Bars(0, 2)));

        var host = (ElementReference)module.VerifyInvoke("render").Arguments[0]!;
        Assert.Empty(chart.FindAll("[data-testid=chart-no-data]"));
        Assert.False(chart.Find(".apex-chart-host").HasAttribute("hidden"));

        chart.Render(p => p.Add(c => c.Options, Bars(0, 0)));

        Assert.Equal(host.Id, ((ElementReference)module.VerifyInvoke("destroy").Arguments[0]!).Id);
        Assert.Single(chart.FindAll("[data-testid=chart-no-data]"));
        Assert.Empty(module.Invocations["update"]);

        chart.Render(p => p.Add(c => c.Options, Bars(3, 0)));

        // A new chart in the same element, not an update of the one destroyed.
        Assert.Equal(host.Id, ((ElementReference)module.VerifyInvoke("render", calledTimes: 2)[1].Arguments[0]!).Id);
        Assert.Empty(module.Invocations["update"]);
    }

    [Fact]
    public async Task Dispose_DestroysTheChart()
    {
        var (context, module) = CreateContext();
        await using var owned = context;
        var chart = RenderChart(context, Bars(1));
        var host = chart.Find(".apex-chart-host");

        await context.DisposeComponentsAsync();

        module.VerifyInvoke("destroy").Arguments[0].ShouldBeElementReferenceTo(host);
    }

    [Fact]
    public async Task Dispose_IsQuiet_WhenTheCircuitIsGone()
    {
        var context = DashboardBunit.Create();
        await using var owned = context;
        var module = context.JSInterop.SetupModule(ApexChart.ModulePath);
        module.SetupVoid("render", _ => true).SetVoidResult();
        module.SetupVoid("destroy", _ => true).SetException(new JSDisconnectedException("The circuit is gone."));
        RenderChart(context, Bars(1));

        var dispose = await Record.ExceptionAsync(() => context.DisposeComponentsAsync());

        Assert.Null(dispose);
        module.VerifyInvoke("destroy");
    }
}
