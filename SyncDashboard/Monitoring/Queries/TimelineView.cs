namespace SyncDashboard.Monitoring.Queries;

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
