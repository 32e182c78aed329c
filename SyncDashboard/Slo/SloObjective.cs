using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Slo;

/// <summary>One objective under <c>Slo:Objectives:N</c>: what share of attempts (or of time) must be good over a
/// rolling window.</summary>
public sealed class SloObjective : IValidatableObject
{
    /// <summary>Shown on the page and in alerts, and the key of the objective in the API; unique.</summary>
    [Required, StringLength(64, MinimumLength = 1)]
    public string Name { get; set; } = "";

    public SloKind Kind { get; set; } = SloKind.Success;

    /// <summary>The good share to attain, e.g. 0.99 for 99 %. Exactly 1 would leave no budget, so no burn rate.</summary>
    [Range(0.5, 0.99999)]
    public double Target { get; set; } = 0.99;

    /// <summary>The rolling window the target applies to.</summary>
    [Range(1, 365)]
    public int WindowDays { get; set; } = 30;

    /// <summary>Freshness only: the mirror is fresh while its last successful sync ended at most this many minutes
    /// ago. Unset: <see cref="DefaultThresholdIntervals"/> times the incremental schedule's interval (15 minutes at
    /// the default five-minute schedule), so a slower schedule does not burn the budget by design; with no schedule
    /// at all, freshness is not measured.</summary>
    [Range(0.1, 7 * 24 * 60.0)]
    public double? FreshnessThresholdMinutes { get; set; }

    /// <summary>Three missed syncs in a row make the mirror stale when no threshold is configured.</summary>
    public const int DefaultThresholdIntervals = 3;

    public TimeSpan Window => TimeSpan.FromDays(WindowDays);
    public TimeSpan? FreshnessThreshold => FreshnessThresholdMinutes is { } minutes ? TimeSpan.FromMinutes(minutes) : null;

    /// <summary>This objective with its freshness threshold filled in from the schedule's interval when not configured
    /// (a copy: the options stay as bound).</summary>
    public SloObjective Resolve(TimeSpan? expectedInterval) => new()
    {
        Name = Name, Kind = Kind, Target = Target, WindowDays = WindowDays,
        FreshnessThresholdMinutes = FreshnessThresholdMinutes
            ?? (Kind == SloKind.Freshness && expectedInterval is { } interval && interval > TimeSpan.Zero
                ? Math.Min(DefaultThresholdIntervals * interval.TotalMinutes, 7 * 24 * 60)
                : null),
    };

    /// <summary>The share of attempts or time the target allows to be bad.</summary>
    public double BadShareAllowed => 1 - Target;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Kind))
        {
            yield return new ValidationResult(
                $"must be {string.Join(" or ", Enum.GetNames<SloKind>())}.", [nameof(Kind)]);
        }
    }
}
