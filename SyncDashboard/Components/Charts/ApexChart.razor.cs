using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;

namespace SyncDashboard.Components.Charts;

/// <summary>Our one wrapper of ApexCharts (4.x, committed in wwwroot/lib/apexcharts). Renders after the first
/// render, updates the same chart in place when <see cref="Options"/> or the theme change (never re-creates it), and
/// destroys it on dispose. The JS module loads the library itself, so only pages with a chart download it.</summary>
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
    private bool disposed;

    /// <summary>The options as sent to ApexCharts: ours, with the theme and a transparent background so the chart
    /// sits on MudBlazor's surface in both modes.</summary>
    internal string EffectiveJson() => (Options with
    {
        Theme = new ChartTheme(DarkMode ? "dark" : "light"),
        Chart = Options.Chart with { Height = Options.Chart.Height ?? Height, Background = "transparent", FontFamily = "inherit" },
    }).ToJson();

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (disposed) return;
        var json = EffectiveJson();
        if (firstRender)
        {
            module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
            if (disposed) return;
            renderedJson = json;
            await module.InvokeVoidAsync("render", host, json);
            // Renders while the module loaded found no module to send their options to: send the newest now.
            json = EffectiveJson();
        }
        if (module is null || json == renderedJson) return;
        renderedJson = json;
        await module.InvokeVoidAsync("update", host, json);
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
