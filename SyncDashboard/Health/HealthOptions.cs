using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Health;

/// <summary>The thresholds of <see cref="HealthEvaluator"/>. The defaults (unhealthy from three consecutive failures)
/// are meant to be right for most accounts; each can be tuned under <c>Health:*</c>.</summary>
public sealed class HealthOptions : IValidatableObject
{
    public const string Section = "Health";

    /// <summary>Consecutive failures from which the sync is <c>Degraded</c>.</summary>
    [Range(1, 1000)]
    public int DegradedAfterConsecutiveFailures { get; set; } = 1;

    /// <summary>Consecutive failures from which the sync is <c>Unhealthy</c> (3 by default).</summary>
    [Range(1, 1000)]
    public int UnhealthyAfterConsecutiveFailures { get; set; } = 3;

    /// <summary>Data older than this many expected sync intervals is stale: <c>Degraded</c>.</summary>
    [Range(1.0, 10_000.0)]
    public double StaleDegradedFactor { get; set; } = 2;

    /// <summary>Data older than this many expected sync intervals is badly stale: <c>Unhealthy</c>.</summary>
    [Range(1.0, 10_000.0)]
    public double StaleUnhealthyFactor { get; set; } = 6;

    /// <summary>A last-hour share of failed attempts at or above this is a high error rate: <c>Degraded</c>.</summary>
    [Range(0.01, 1.0)]
    public double HighErrorRate { get; set; } = 0.5;

    /// <summary>A last-hour p95 duration above this many times the 7-day median is slow: <c>Degraded</c>.</summary>
    [Range(1.0, 1000.0)]
    public double PerformanceFactor { get; set; } = 2;

    /// <summary>One sync deleting more than this share of the mirror raises <c>MASS_DELETION</c>.</summary>
    [Range(0.01, 1.0)]
    public double MassDeletionShare { get; set; } = 0.2;

    /// <summary>The fewest last-hour attempts (successful ones, for durations) a rate or a percentile is judged on;
    /// one failure out of one attempt is not a 100 % error rate worth an alert.</summary>
    [Range(1, 100_000)]
    public int MinAttemptsForRates { get; set; } = 4;

    /// <summary>Cross-key checks: a degraded threshold above its unhealthy one would make a state skip
    /// <c>Degraded</c> or go back from <c>Unhealthy</c> to <c>Degraded</c> as it gets worse.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (DegradedAfterConsecutiveFailures > UnhealthyAfterConsecutiveFailures)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(DegradedAfterConsecutiveFailures)} ({DegradedAfterConsecutiveFailures}) must not " +
                $"exceed {Section}:{nameof(UnhealthyAfterConsecutiveFailures)} ({UnhealthyAfterConsecutiveFailures}).",
                [nameof(DegradedAfterConsecutiveFailures)]);
        }
        if (StaleDegradedFactor > StaleUnhealthyFactor)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(StaleDegradedFactor)} ({StaleDegradedFactor}) must not exceed " +
                $"{Section}:{nameof(StaleUnhealthyFactor)} ({StaleUnhealthyFactor}).",
                [nameof(StaleDegradedFactor)]);
        }
    }
}
