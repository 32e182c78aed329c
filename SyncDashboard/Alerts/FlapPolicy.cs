namespace SyncDashboard.Alerts;

/// <param name="BadAfter">N: consecutive bad evaluations before a bad status is announced.</param>
/// <param name="GoodAfter">M: consecutive healthy evaluations before a recovery is announced.</param>
/// <param name="Reminder">Zero: no reminders.</param>
public sealed record FlapPolicy(int BadAfter, int GoodAfter, TimeSpan Cooldown, TimeSpan Reminder)
{
    public static FlapPolicy From(AlertOptions options) => new(
        options.NotifyAfterBadEvaluations, options.RecoverAfterGoodEvaluations, options.Cooldown, options.Reminder);
}
