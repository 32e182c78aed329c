namespace SyncDashboard.Components.Pages;

/// <summary>The history's time ranges, as they appear in the URL (<c>?range=24h</c>).</summary>
public static class HistoryRange
{
    public const string Default = "7d";

    public static readonly IReadOnlyList<(string Key, string Label)> Choices =
    [
        ("1h", "Last hour"), ("24h", "Last 24 hours"), ("7d", "Last 7 days"), ("30d", "Last 30 days"),
        ("all", "Everything"),
    ];

    /// <summary>The longest range the export serves (<c>ExportApi.MaxRange</c>); "everything" exports that much.</summary>
    public static readonly TimeSpan ExportCap = Api.ExportApi.MaxRange;

    /// <summary>How far back a range reaches; null for "all". Unknown keys read as the default.</summary>
    public static TimeSpan? Length(string? key) => key switch
    {
        "1h" => TimeSpan.FromHours(1),
        "24h" => TimeSpan.FromHours(24),
        "30d" => TimeSpan.FromDays(30),
        "all" => null,
        _ => TimeSpan.FromDays(7),
    };

    public static string Normalize(string? key) => Choices.Any(c => c.Key == key) ? key! : Default;
}
