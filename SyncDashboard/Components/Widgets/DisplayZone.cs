namespace SyncDashboard.Components.Widgets;

/// <summary>The zone every time on the dashboard reads in: the browser's, which the layout reads once the circuit is
/// up (<see cref="Layout.BrowserTimeZone"/>) and cascades to every component, so times and the charts' axes (drawn in
/// the browser) agree. Until then, that is on the prerendered page, and for a zone this server does not know, times
/// read in UTC and say so; the title says why.</summary>
public sealed class DisplayZone
{
    private readonly string note;

    private DisplayZone(TimeZoneInfo? browser, string note)
    {
        Browser = browser;
        this.note = note;
    }

    /// <summary>Before the browser has said its zone: the prerendered page, or a component outside the layout.</summary>
    public static DisplayZone NotYetKnown { get; } = new(null, "your browser's time zone is not known yet");

    /// <summary>The browser's zone, or null while times read in UTC.</summary>
    public TimeZoneInfo? Browser { get; }

    /// <summary>From the IANA id the browser reports (<c>Intl.DateTimeFormat().resolvedOptions().timeZone</c>); on
    /// Linux the runtime knows IANA ids, and an id it does not know (or none) falls back to labelled UTC.</summary>
    public static DisplayZone FromBrowser(string? ianaId)
    {
        if (string.IsNullOrWhiteSpace(ianaId)) return new(null, "your browser did not say its time zone");
        try
        {
            return new(TimeZoneInfo.FindSystemTimeZoneById(ianaId), $"in {ianaId}");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            return new(null, $"the server does not know your browser's time zone ({ianaId})");
        }
    }

    /// <summary>The text to show: the browser's local time, or the UTC time labelled "UTC".</summary>
    public string Time(DateTime utc) => Browser is null ? DisplayFormat.Utc(utc) : DisplayFormat.Local(utc, Browser);

    /// <summary>The hover text: the UTC time beside a local one; beside a UTC one, why it is not local.</summary>
    public string Title(DateTime utc) => Browser is null ? $"UTC: {note}" : DisplayFormat.Utc(utc);

    /// <summary>A wall-clock time in this zone (the browser's; UTC while not known) as the same moment in UTC; null
    /// for a time that does not exist there (skipped when the clocks go forward).</summary>
    public DateTime? ToUtc(DateTime local)
    {
        var wall = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Browser is null) return DateTime.SpecifyKind(wall, DateTimeKind.Utc);
        return Browser.IsInvalidTime(wall) ? null : TimeZoneInfo.ConvertTimeToUtc(wall, Browser);
    }

    /// <summary>A UTC time as the wall-clock time of this zone (UTC itself while the browser's is not known).</summary>
    public DateTime ToLocal(DateTime utc) =>
        Browser is null ? DateTime.SpecifyKind(utc, DateTimeKind.Unspecified) : TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Browser);

    public override string ToString() => Browser is null ? $"UTC ({note})" : Browser.Id;
}
