using Microsoft.AspNetCore.Components;
using SyncDashboard.Components.Widgets;

namespace SyncDashboard.Components.Layout;

/// <summary>This circuit's <see cref="DisplayZone"/>, cascaded to every component from the root (no component
/// subscribes: a change re-renders those that show times). Scoped, so each circuit (and each prerendered request)
/// starts at <see cref="DisplayZone.NotYetKnown"/>; the layout sets it once, after its first render.</summary>
public sealed class BrowserTimeZone
{
    private readonly CascadingValueSource<DisplayZone> source = new(DisplayZone.NotYetKnown, isFixed: false);

    public DisplayZone Current { get; private set; } = DisplayZone.NotYetKnown;

    /// <summary>True once the browser has been asked, whatever it answered.</summary>
    public bool IsRead { get; private set; }

    /// <summary>Takes the browser's IANA id (once per circuit; later calls are ignored) and re-renders the components
    /// that show times. Call on the renderer's dispatcher.</summary>
    public Task SetAsync(string? ianaId)
    {
        if (IsRead) return Task.CompletedTask;
        IsRead = true;
        Current = DisplayZone.FromBrowser(ianaId);
        return source.NotifyChangedAsync(Current);
    }

    public static void AddTo(IServiceCollection services)
    {
        services.AddScoped<BrowserTimeZone>();
        services.AddCascadingValue(sp => sp.GetRequiredService<BrowserTimeZone>().source);
    }
}
