using System.Globalization;

namespace SyncDashboard.Components.Widgets;

/// <summary>How times, durations and counts read on the dashboard. Pure, so the widgets only bind to the results.</summary>
public static class DisplayFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>Blazor Server renders on the server, so "local" is the server's zone (from <see cref="TimeProvider"/>);
    /// the UTC text goes into a title so nobody has to guess which zone that is.</summary>
    public static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), zone).ToString("yyyy-MM-dd HH:mm:ss", Culture);

    public static string Utc(DateTime utc) => AsUtc(utc).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Culture);

    public static string Ago(DateTime utc, DateTimeOffset now)
    {
        var age = now.UtcDateTime - AsUtc(utc);
        if (age < TimeSpan.FromSeconds(1)) return "just now";
        if (age < TimeSpan.FromMinutes(1)) return $"{(int)age.TotalSeconds} s ago";
        if (age < TimeSpan.FromHours(1)) return $"{(int)age.TotalMinutes} min ago";
        if (age < TimeSpan.FromDays(1)) return $"{(int)age.TotalHours} h ago";
        return $"{(int)age.TotalDays} d ago";
    }

    public static string Duration(long? milliseconds) => milliseconds switch
    {
        null => "—",
        < 1000 => $"{milliseconds} ms",
        < 60_000 => (milliseconds.Value / 1000.0).ToString("0.0 's'", Culture),
        _ => TimeSpan.FromMilliseconds(milliseconds.Value).ToString(@"m\:ss", Culture) + " min",
    };

    /// <summary>Cuts at a word-friendly length; the caller puts the full text in a title.</summary>
    public static string Truncate(string text, int max) =>
        text.Length <= max ? text : string.Concat(text.AsSpan(0, max - 1), "…");

    // EF Core hands SQLite DateTimes back as Unspecified; every stored time is UTC by convention.
    private static DateTime AsUtc(DateTime value) =>
        value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
