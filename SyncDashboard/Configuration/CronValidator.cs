using Cronos;

namespace SyncDashboard.Configuration;

/// <summary>Parses cron settings with Cronos, the parser Hangfire itself uses, so a typo stops start-up with a message
/// naming the key instead of failing when the recurring job is registered.</summary>
public static class CronValidator
{
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
}
