using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace SyncDashboard.Components.Layout;

/// <summary>The frame of every page. After its first render it asks the browser (through its JS module) for what only
/// the browser knows: its time zone, which it hands to <see cref="BrowserTimeZone"/>, and the dark-mode choice saved
/// in localStorage, or else the OS preference. The prerendered page is light and in labelled UTC until then.</summary>
public sealed partial class MainLayout : IAsyncDisposable
{
    public const string ModulePath = "./Components/Layout/MainLayout.razor.js";

    [Inject] private IJSRuntime JS { get; set; } = default!;
    [Inject] private BrowserTimeZone BrowserZone { get; set; } = default!;

    private MudThemeProvider themeProvider = default!;
    private IJSObjectReference? module;
    private bool drawerOpen = true;
    private bool darkMode;
    // A click on the switch before the module loaded: that choice wins over the saved one and the OS preference.
    private bool chosenBeforeLoad;
    private bool disposed;

    private string DarkModeIcon => darkMode ? Icons.Material.Filled.LightMode : Icons.Material.Filled.DarkMode;

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (!firstRender) return;
        module = await JS.InvokeAsync<IJSObjectReference>("import", ModulePath);
        if (disposed) return;
        if (!BrowserZone.IsRead) await BrowserZone.SetAsync(await module.InvokeAsync<string?>("timeZone"));
        if (chosenBeforeLoad)
        {
            await module.InvokeVoidAsync("saveDarkMode", darkMode);
            return;
        }
        darkMode = await module.InvokeAsync<bool?>("savedDarkMode") ?? await themeProvider.GetSystemDarkModeAsync();
        StateHasChanged();
    }

    private async Task ToggleDarkModeAsync()
    {
        darkMode = !darkMode;
        if (module is null) chosenBeforeLoad = true;
        else await module.InvokeVoidAsync("saveDarkMode", darkMode);
    }

    public async ValueTask DisposeAsync()
    {
        disposed = true;
        if (module is null) return;
        try
        {
            await module.DisposeAsync();
        }
        catch (JSDisconnectedException)
        {
            // The circuit is gone, and the module with the page.
        }
    }
}
