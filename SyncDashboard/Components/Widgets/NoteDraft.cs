using System.Globalization;
using SyncDashboard.Monitoring.Notes;

namespace SyncDashboard.Components.Widgets;

/// <summary>A timeline note as typed in <see cref="NoteDialog"/>, in UTC, checked by <see cref="NoteRules"/>.</summary>
public sealed record NoteDraft(DateTime StartUtc, DateTime? EndUtc, string Text)
{
    /// <summary>What a <c>datetime-local</c> input holds (browsers send the seconds only when they are not zero).</summary>
    private static readonly string[] InputFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFF"];

    /// <summary>The value a <c>datetime-local</c> input shows for <paramref name="utc"/> in <paramref name="zone"/>.</summary>
    public static string InputValue(DateTime utc, DisplayZone zone) =>
        zone.ToLocal(utc).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture);

    /// <summary>The draft, or why there is none: the inputs' wall-clock times read in <paramref name="zone"/> (the
    /// browser's, as every time on the page), an empty end for a moment.</summary>
    public static NoteDraft? Parse(string? start, string? end, string? text, DisplayZone zone, out NoteProblem? problem)
    {
        problem = null;
        if (ToUtc(start, zone) is not { } startUtc)
        {
            problem = new("start", string.IsNullOrWhiteSpace(start) ? "is required" : "is not a time that exists in your time zone");
            return null;
        }
        DateTime? endUtc = null;
        if (!string.IsNullOrWhiteSpace(end))
        {
            endUtc = ToUtc(end, zone);
            if (endUtc is null)
            {
                problem = new("end", "is not a time that exists in your time zone");
                return null;
            }
        }
        problem = NoteRules.Check(startUtc, endUtc, text);
        return problem is null ? new NoteDraft(startUtc, endUtc, text!.Trim()) : null;
    }

    private static DateTime? ToUtc(string? input, DisplayZone zone) =>
        DateTime.TryParseExact(input?.Trim(), InputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local)
            ? zone.ToUtc(local)
            : null;
}
