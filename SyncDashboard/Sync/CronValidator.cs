using Cronos;
using Microsoft.Extensions.Options;

namespace SyncDashboard.Sync;

/// <summary>Checks the cron settings with Cronos, the parser Hangfire itself uses, so a typo stops start-up with a
/// message naming the key instead of failing when the recurring job is registered.</summary>
public sealed class CronValidator : IValidateOptions<SyncOptions>
{
    public ValidateOptionsResult Validate(string? name, SyncOptions options)
    {
        var failures = new List<string>();
        Check(nameof(SyncOptions.IncrementalCron), options.IncrementalCron, failures);
        Check(nameof(SyncOptions.DemoIncrementalCron), options.DemoIncrementalCron, failures);
        Check(nameof(SyncOptions.FullCron), options.FullCron, failures);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    public static bool TryParse(string? cron, out string? error)
    {
        error = null;
        if (string.IsNullOrWhiteSpace(cron))
        {
            error = "it is empty";
            return false;
        }
        var fields = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
        try
        {
            CronExpression.Parse(cron, fields == 6 ? CronFormat.IncludeSeconds : CronFormat.Standard);
            return true;
        }
        catch (CronFormatException ex)
        {
            error = ex.Message;
            return false;
        }
    }

    private static void Check(string key, string value, List<string> failures)
    {
        if (!TryParse(value, out var error))
        {
            failures.Add($"{SyncOptions.Section}:{key} = '{value}' is not a valid cron expression ({error}).");
        }
    }
}
