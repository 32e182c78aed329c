using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace SyncDashboard.Components.Charts;

/// <summary>Our one wrapper of ApexCharts (4.x, committed in wwwroot/lib/apexcharts). Renders after the first
/// render, updates the same chart in place when <see cref="Options"/> or the theme change (never re-creates it), and
/// destroys it on dispose. With nothing to draw (<see cref="ApexOptions.HasData"/>) it shows its no-data text instead
/// of bare axes, and draws the chart afresh once data arrives. The JS module loads the library itself, so only pages
/// with a chart download it.</summary>
public sealed partial class ApexChart : IAsyncDisposable
{
    public const string ModulePath = "./Components/Charts/ApexChart.razor.js";

    [Inject] private IJSRuntime JS { get; set; } = default!;

    [Parameter, EditorRequired] public ApexOptions Options { get; set; } = default!;

    /// <summary>What the chart is, for assistive technology: "Sync runs per hour, last 24 hours".</summary>
    [Parameter, EditorRequired] public string AriaLabel { get; set; } = "";

    /// <summary>The chart's message in one sentence, shown under it.</summary>
    [Parameter] public string? Summary { get; set; }

    [Parameter] public string Height { get; set; } = "300px";

    [Parameter] public string? TestId { get; set; }

    /// <summary>The layout's dark-mode switch; charts follow it.</summary>
    [CascadingParameter(Name = "DarkMode")] public bool DarkMode { get; set; }

    private ElementReference host;
    private IJSObjectReference? module;
    private string? renderedJson;
    private bool hasData;
    private bool drawn;
    private bool syncing;
    private bool disposed;

    /// <summary>What the chart says when there is nothing to draw (<see cref="ApexOptions.HasData"/>).</summary>
    public string NoDataText => Options.NoData?.Text ?? "Nothing to show in this window";

    /// <summary>The options as sent to ApexCharts: ours, with the theme and a transparent background so the chart
    /// sits on MudBlazor's surface in both modes.</summary>
    internal string EffectiveJson() => (Options with
    {
        Theme = new ChartTheme(DarkMode ? "dark" : "light"),
        Chart = Options.Chart with { Height = Options.Chart.Height ?? Height, Background = "transparent", FontFamily = "inherit" },
    }).ToJson();

    protected override void OnParametersSet() => hasData = Options.HasData();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // Renders that come while an earlier one waits for the browser find it syncing: its loop sends their state.
        if (syncing) return;
        syncing = true;
        try
        {
            while (!disposed && await SyncAsync()) { }
        }
        finally
        {
            syncing = false;
        }
    }

    /// <summary>Brings the browser's chart to the current options: drawn, updated in place, or gone when there is no
    /// data; false when it already matched.</summary>
    private async Task<bool> SyncAsync()
    {
        if (!hasData)
        {
            if (!drawn) return false;
            (drawn, renderedJson) = (false, null);
            await module!.InvokeVoidAsync("destroy", host);
            return true;
        }
        var json = EffectiveJson();
        if (drawn && json == renderedJson) return false;
        module ??= await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
        if (disposed) return false;
        var first = !drawn;
        (drawn, renderedJson) = (true, json);
        await module.InvokeVoidAsync(first ? "render" : "update", host, json);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        if (module is null) return;
        try
        {
            await module.InvokeVoidAsync("destroy", host);
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone and the page with it: there is nothing left to clean up in the browser.
        }
    }
}
