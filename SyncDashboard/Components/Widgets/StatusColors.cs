using MudBlazor;
using SyncDashboard.Data;

namespace SyncDashboard.Components.Widgets;

/// <summary>One colour per run status wherever a run's status is shown as a chip.</summary>
public static class StatusColors
{
    public static Color Of(SyncStatus status) => status switch
    {
        SyncStatus.Succeeded => Color.Success,
        SyncStatus.Failed => Color.Error,
        _ => Color.Info,
    };

    /// <summary>A delivery no run has taken on yet has no status: the neutral colour.</summary>
    public static Color Of(SyncStatus? status) => status is { } s ? Of(s) : Color.Default;
}
