using Microsoft.Extensions.Options;
using SyncDashboard.Slo;

namespace SyncDashboard.Monitoring.Retention;

/// <summary>Refuses a retention shorter than the longest burn-rate window: the burn-rate alerts are judged every
/// minute and read their windows from the raw events (the rollups' attempt logs stand in only for purged hours), so
/// a window longer than what is kept would be read from the logs on every health check.</summary>
public sealed class RetentionCoversBurnWindows(IOptions<SloOptions> slo) : IValidateOptions<RetentionOptions>
{
    public ValidateOptionsResult Validate(string? name, RetentionOptions options)
    {
        // Out of its own range it is reported by the range check already: one problem, one message.
        if (options.EventDays < 1) return ValidateOptionsResult.Success;
        var longest = slo.Value.EffectiveBurnRateRules.Select(r => r.LongWindow).DefaultIfEmpty(TimeSpan.Zero).Max();
        return TimeSpan.FromDays(options.EventDays) >= longest
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{RetentionOptions.Section}:{nameof(RetentionOptions.EventDays)} = {options.EventDays} keeps the raw " +
                $"events for less than the longest burn-rate window ({longest.TotalDays:0.##} days, " +
                $"{SloOptions.Section}:{nameof(SloOptions.BurnRateRules)}); keep them at least " +
                $"{Math.Ceiling(longest.TotalDays):0} days, or shorten that rule's {nameof(BurnRateRule.LongWindowMinutes)}.");
    }
}
