namespace SyncDashboard.Monitoring.Queries;

/// <summary>A window the timeline page offers: its query-string key, its length, and how many hours one bar covers.
/// Long windows get wider bars so the chart stays readable (720 hourly bars would be one pixel each).</summary>
public sealed record TimelineRange(string Key, int Hours, int BucketHours, string Label)
{
    public static readonly TimelineRange SixHours = new("6h", 6, 1, "6 h");
    public static readonly TimelineRange Day = new("24h", 24, 1, "24 h");
    public static readonly TimelineRange Week = new("7d", 7 * 24, 1, "7 d");
    public static readonly TimelineRange Month = new("30d", 30 * 24, 6, "30 d");

    public static IReadOnlyList<TimelineRange> All { get; } = [SixHours, Day, Week, Month];

    public static TimelineRange Default => Day;

    /// <summary>The range named <paramref name="key"/> (case-insensitive), or the default for anything else.</summary>
    public static TimelineRange Parse(string? key) =>
        All.FirstOrDefault(r => string.Equals(r.Key, key, StringComparison.OrdinalIgnoreCase)) ?? Default;
}

/// <summary>One bar of the timeline: the attempts that started in [<paramref name="Start"/>, + bucket). Durations
/// describe successful runs (as the rollups count them) and are null when there was none.</summary>
public sealed record TimelineBucket(
    DateTime Start, int Successes, int Failures, double? MeanDurationMs, double? P95DurationMs, long? MaxDurationMs);

public enum TimelineMarkerKind { ManualAction, ChainOpened, ChainClosed, Alert }

/// <summary>Something to mark on the timeline: a manual action (from the audit log), a failure chain opening or
/// closing, or an alert notification decided (a change of health, a critical alert, a recovery; one marker however
/// many channels it went to, none for reminders).</summary>
public sealed record TimelineAnnotation(DateTime AtUtc, TimelineMarkerKind Kind, string Label, string? Detail);

/// <summary>What the timeline page draws. <paramref name="Annotations"/> holds at most
/// <see cref="TimelineQueries.MaxAnnotations"/> of the window's newest markers; <paramref name="AnnotationTotal"/> says
/// how many there were.</summary>
public sealed record TimelineView(
    TimelineRange Range,
    DateTime From,
    DateTime To,
    IReadOnlyList<TimelineBucket> Buckets,
    IReadOnlyList<TimelineAnnotation> Annotations,
    int AnnotationTotal)
{
    public int Successes => Buckets.Sum(b => b.Successes);
    public int Failures => Buckets.Sum(b => b.Failures);
    public bool IsEmpty => Successes + Failures == 0 && AnnotationTotal == 0;
}
