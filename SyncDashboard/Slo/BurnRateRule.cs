using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Slo;

/// <summary>One rule of the multi-window, multi-burn-rate alert under <c>Slo:BurnRateRules:N</c>: it fires while the
/// budget burns at least <see cref="BurnRate"/> times the sustainable pace over both the long window (the burn is
/// real) and the short one (it is still going on, so the alert recovers soon after the burn stops).</summary>
public sealed class BurnRateRule : IValidatableObject
{
    public BurnSeverity Severity { get; set; } = BurnSeverity.Page;

    /// <summary>How many times the sustainable pace: 1 spends exactly the whole budget over the objective's window.</summary>
    [Range(0.1, 10_000.0)]
    public double BurnRate { get; set; } = 14.4;

    [Range(1, 30 * 24 * 60)]
    public int LongWindowMinutes { get; set; } = 60;

    [Range(1, 30 * 24 * 60)]
    public int ShortWindowMinutes { get; set; } = 5;

    public TimeSpan LongWindow => TimeSpan.FromMinutes(LongWindowMinutes);
    public TimeSpan ShortWindow => TimeSpan.FromMinutes(ShortWindowMinutes);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!Enum.IsDefined(Severity))
        {
            yield return new ValidationResult(
                $"must be {string.Join(" or ", Enum.GetNames<BurnSeverity>())}.", [nameof(Severity)]);
        }
        if (ShortWindowMinutes > LongWindowMinutes)
        {
            yield return new ValidationResult(
                $"({ShortWindowMinutes}) must not exceed the long window ({LongWindowMinutes} minutes).",
                [nameof(ShortWindowMinutes)]);
        }
    }
}
