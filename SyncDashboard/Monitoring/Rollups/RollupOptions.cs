using System.ComponentModel.DataAnnotations;
using SyncDashboard.Configuration;

namespace SyncDashboard.Monitoring.Rollups;

public sealed class RollupOptions : IValidatableObject
{
    public const string Section = "Rollups";

    /// <summary>Cron of the recurring rollup of hourly rows into daily and weekly ones (UTC). Hourly by default, a few
    /// minutes past the hour, so the day and week in progress are never more than an hour behind.</summary>
    [Required]
    public string Cron { get; set; } = "5 * * * *";

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!CronValidator.TryParse(Cron, out var error))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(Cron)} = '{Cron}' is not a valid cron expression ({error}).", [nameof(Cron)]);
        }
    }
}
