using System.Globalization;

namespace SyncDashboard.Components.Widgets;

/// <summary>How times, durations and counts read on the dashboard. Pure, so the widgets only bind to the results.</summary>
public static class DisplayFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    /// <summary>A time in <paramref name="zone"/>, the browser's (components go through <see cref="DisplayZone"/>, which
    /// also says when that zone is not known yet); the UTC text goes into a title so nobody has to guess.</summary>
    public static string Local(DateTime utc, TimeZoneInfo zone) =>
        TimeZoneInfo.ConvertTimeFromUtc(AsUtc(utc), zone).ToString("yyyy-MM-dd HH:mm:ss", Culture);

    public static string Utc(DateTime utc) => AsUtc(utc).ToString("yyyy-MM-dd HH:mm:ss 'UTC'", Culture);

    /// <summary>A count with its noun in the right number: "1 open failure chain", "2 open failure chains", "0 attempts".
    /// <paramref name="plural"/> is for nouns that do not just take an "s".</summary>
    public static string Count(long count, string singular, string? plural = null) =>
        $"{count.ToString("N0", Culture)} {(count == 1 ? singular : plural ?? singular + "s")}";

    public static string Ago(DateTime utc, DateTimeOffset now)
    {
        var age = now.UtcDateTime - AsUtc(utc);
        if (age < TimeSpan.FromSeconds(1)) return "just now";
        if (age < TimeSpan.FromMinutes(1)) return $"{(int)age.TotalSeconds} s ago";
        if (age < TimeSpan.FromHours(1)) return $"{(int)age.TotalMinutes} min ago";
        if (age < TimeSpan.FromDays(1)) return $"{(int)age.TotalHours} h ago";
        return $"{(int)age.TotalDays} d ago";
    }

    /// <summary>A time ahead: "in 12 s", "in 3 min"; "now" once it has come.</summary>
    public static string In(DateTime utc, DateTimeOffset now)
    {
        var left = AsUtc(utc) - now.UtcDateTime;
        if (left < TimeSpan.FromSeconds(1)) return "now";
        return $"in {Span(left)}";
    }

    /// <summary>A remaining time that ticks by the second: "0:07", "12:30", "1:02:03".</summary>
    public static string Countdown(TimeSpan left)
    {
        if (left <= TimeSpan.Zero) return "0:00";
        var seconds = (long)Math.Ceiling(left.TotalSeconds);
        return seconds >= 3600
            ? $"{seconds / 3600}:{seconds / 60 % 60:00}:{seconds % 60:00}"
            : $"{seconds / 60}:{seconds % 60:00}";
    }

    /// <summary>An age in seconds as words: "42 s", "5 min", "3 h", "2 d"; "—" when there is none.</summary>
    public static string Age(double? seconds) => seconds is { } s ? Span(TimeSpan.FromSeconds(s)) : "—";

    public static string Percent(double? share) =>
        share is { } s ? (s * 100).ToString(s >= 0.999 && s < 1 ? "0.00'%'" : "0.#'%'", Culture) : "—";

    /// <summary>A sync token's first and last characters: enough to tell two apart, not a credential (it is not one),
    /// and short enough for a drawer.</summary>
    public static string ShortToken(string? token) => token switch
    {
        null => "—",
        { Length: <= 14 } => token,
        _ => string.Concat(token.AsSpan(0, 6), "…", token.AsSpan(token.Length - 6)),
    };

    private static string Span(TimeSpan span)
    {
        if (span < TimeSpan.FromMinutes(1)) return $"{(int)span.TotalSeconds} s";
        if (span < TimeSpan.FromHours(1)) return $"{(int)span.TotalMinutes} min";
        if (span < TimeSpan.FromDays(1)) return $"{(int)span.TotalHours} h";
        return $"{(int)span.TotalDays} d";
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
