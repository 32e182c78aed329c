using Microsoft.AspNetCore.Components;

namespace SyncDashboard.Components.Widgets;

/// <summary>The time left to a retry, ticking every second on its own <see cref="TimeProvider"/> timer (a fake clock
/// in tests moves it without waiting). The timer stops with the component.</summary>
public sealed partial class RetryCountdown : IAsyncDisposable
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
        catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
    }

    public async ValueTask DisposeAsync()
    {
        await disposing.CancelAsync();
        if (ticking is not null) await ticking;
        disposing.Dispose();
    }
}
