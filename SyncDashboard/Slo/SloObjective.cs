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

    /// <summary>Freshness only: the mirror is fresh while its last successful sync ended at most this long ago.</summary>
    [Range(1, 7 * 24 * 60)]
    public int FreshnessThresholdMinutes { get; set; } = 15;

    public TimeSpan Window => TimeSpan.FromDays(WindowDays);
    public TimeSpan FreshnessThreshold => TimeSpan.FromMinutes(FreshnessThresholdMinutes);

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
