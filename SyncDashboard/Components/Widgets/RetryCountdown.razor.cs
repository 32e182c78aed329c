using Microsoft.AspNetCore.Components;

namespace SyncDashboard.Components.Widgets;

/// <summary>The time left to a retry, ticking every second on its own <see cref="TimeProvider"/> timer (a fake clock
/// in tests moves it without waiting). The timer stops with the component.</summary>
public sealed partial class RetryCountdown : IDisposable
{
    [Parameter, EditorRequired] public DateTime At { get; set; }

    [Inject] private TimeProvider Time { get; set; } = default!;

    private readonly CancellationTokenSource disposing = new();
    private Task? ticking;

    private TimeSpan Left => DateTime.SpecifyKind(At, DateTimeKind.Utc) - Time.GetUtcNow().UtcDateTime;

    protected override void OnAfterRender(bool firstRender)
    {
        if (firstRender) ticking = TickAsync(disposing.Token);
    }

    private async Task TickAsync(CancellationToken ct)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1), Time);
        try
        {
            while (await timer.WaitForNextTickAsync(ct))
            {
                // Keeps ticking once due: when the retry has run, the page reloads and hands in the next time.
                await InvokeAsync(StateHasChanged);
            }
        }
        // Gone with the component: a tick that raced the disposal has nothing left to render.
        catch (Exception) when (ct.IsCancellationRequested) { }
    }

    /// <summary>Cancels the loop without waiting for it: disposal runs on the renderer's dispatcher, where a tick
    /// may be queued, so waiting here would wait for ourselves. The loop sees the cancellation and ends.</summary>
    public void Dispose() => disposing.Cancel();
}
