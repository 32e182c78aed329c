using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Slo;

/// <summary>The service level objectives under <c>Slo:*</c> and the burn-rate rules that alert on them.
/// Configuration binding appends to a list that already has items, so the shipped defaults are not in
/// <see cref="Objectives"/> and <see cref="BurnRateRules"/> (empty in code) but in <see cref="DefaultObjectives"/> and
/// <see cref="DefaultBurnRateRules"/>: configuring any objective (or rule) replaces all the defaults of that list, and
/// the app reads <see cref="EffectiveObjectives"/> and <see cref="EffectiveBurnRateRules"/>.</summary>
public sealed class SloOptions : IValidatableObject
{
    public const string Section = "Slo";

    public List<SloObjective> Objectives { get; set; } = [];

    public List<BurnRateRule> BurnRateRules { get; set; } = [];

    /// <summary>The fewest attempts a success objective's long window must hold before a burn-rate rule may fire on it:
    /// the first failure of a fresh install (one of two attempts) burns at 50× and would page otherwise.</summary>
    [Range(1, 100_000)]
    public int MinAttemptsForBurnAlerts { get; set; } = 4;

    /// <summary>99 % of attempts succeed and the mirror is at most three sync intervals old (15 minutes at the
    /// default schedule) 99.5 % of the time, over 30 days.</summary>
    public static IReadOnlyList<SloObjective> DefaultObjectives =>
    [
        new() { Name = "success", Kind = SloKind.Success, Target = 0.99, WindowDays = 30 },
        new() { Name = "freshness", Kind = SloKind.Freshness, Target = 0.995, WindowDays = 30 },
    ];

    /// <summary>The usual multi-window rules for a 30-day objective: a page when 2 % of the budget burns in an hour
    /// (14.4×) or 5 % in 6 hours (6×), a ticket when 10 % burns in 3 days (1×).</summary>
    public static IReadOnlyList<BurnRateRule> DefaultBurnRateRules =>
    [
        new() { Severity = BurnSeverity.Page, BurnRate = 14.4, LongWindowMinutes = 60, ShortWindowMinutes = 5 },
        new() { Severity = BurnSeverity.Page, BurnRate = 6, LongWindowMinutes = 6 * 60, ShortWindowMinutes = 30 },
        new() { Severity = BurnSeverity.Ticket, BurnRate = 1, LongWindowMinutes = 3 * 24 * 60, ShortWindowMinutes = 6 * 60 },
    ];

    public IReadOnlyList<SloObjective> EffectiveObjectives => Objectives.Count > 0 ? Objectives : DefaultObjectives;

    public IReadOnlyList<BurnRateRule> EffectiveBurnRateRules => BurnRateRules.Count > 0 ? BurnRateRules : DefaultBurnRateRules;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var duplicate = Objectives.GroupBy(o => o.Name, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(Objectives)} names \"{duplicate.Key}\" more than once; each objective needs its own name.",
                [nameof(Objectives)]);
        }
    }
}
