using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using MudBlazor.Services;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>The one place that builds a bUnit context the way the app's components expect it.</summary>
public static class DashboardBunit
{
    /// <summary>The clock every component test starts from (the fake clock's zone is UTC, so local = UTC).</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    public static BunitContext Create(FakeTimeProvider? time = null)
    {
        var context = new BunitContext();
        // MudBlazor calls JS for popovers, resize observers and the like; none of it matters to markup assertions.
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.Services.AddMudServices();
        context.Services.AddSingleton<TimeProvider>(time ?? new FakeTimeProvider(Now));
        return context;
    }
}
