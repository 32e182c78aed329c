namespace SyncDashboard.Components.Charts;

/// <summary>The colours charts share with MudBlazor's default palette, so a failure is the same red as its chip.</summary>
public static class ChartPalette
{
    public const string Success = "#00c853";
    public const string Failure = "#f64e62";
    public const string Primary = "#594ae2";
    public const string Warning = "#ffa800";
    public const string Info = "#2196f3";
    public const string Neutral = "#7e6fff";
    /// <summary>An operator's note: grey, so a band behind the bars does not read as a state of the sync.</summary>
    public const string Note = "#616161";
    /// <summary>A maintenance window: a band apart from the sync's own colours.</summary>
    public const string Maintenance = "#8d6e63";
}
