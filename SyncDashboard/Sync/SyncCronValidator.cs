using Microsoft.Extensions.Options;
using SyncDashboard.Configuration;

namespace SyncDashboard.Sync;

/// <summary>Checks the schedule's cron settings at start-up, each failure naming its key.</summary>
public sealed class SyncCronValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        var failures = new List<string>();
        Check(nameof(SyncOptions.IncrementalCron), options.IncrementalCron, failures);
        Check(nameof(SyncOptions.DemoIncrementalCron), options.DemoIncrementalCron, failures);
        Check(nameof(SyncOptions.FullCron), options.FullCron, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string key, string value, List<string> failures)
    {
        if (!CronValidator.TryParse(value, out var error))
        {
            failures.Add($"{SyncOptions.Section}:{key} = '{value}' is not a valid cron expression ({error}).");
        }
    }
}
