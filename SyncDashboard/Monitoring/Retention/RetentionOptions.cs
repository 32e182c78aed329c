using System.ComponentModel.DataAnnotations;
using SyncDashboard.Configuration;

namespace SyncDashboard.Monitoring.Retention;

public sealed class RetentionOptions : IValidatableObject
{
    public const string Section = "Retention";

    /// <summary>Cron of the recurring clean-up (UTC); daily by default, at a quiet hour.</summary>
    [Required]
    public string Cron { get; set; } = "30 4 * * *";

    /// <summary>Raw sync events, and error chains resolved, longer ago than this are deleted. Rollups stay.</summary>
    [Range(1, 36_500)]
    public int EventDays { get; set; } = 90;

    /// <summary>Rows deleted per statement, so a first clean-up of a big history never holds a long write lock.</summary>
    [Range(1, 100_000)]
    public int BatchSize { get; set; } = 1000;

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!CronValidator.TryParse(Cron, out var error))
        {
            yield return new ValidationResult(
                $"{Section}:{nameof(Cron)} = '{Cron}' is not a valid cron expression ({error}).", [nameof(Cron)]);
        }
    }
}
