using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Alerts;
using SyncDashboard.Configuration;
using SyncDashboard.Health;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Alerts;

/// <summary>The burn-rate alerts reach the timeline as every alert does: the evaluation that raises SLO_BURN_FAST,
/// the one that trades it for SLO_BURN_SLOW and the recovery are markers there, named by their alert.</summary>
public sealed class SloBurnAlertFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>See <see cref="BurningHistory"/>: 10 of the last 40 attempts (one a minute) failed, the newest too.
    /// Now: the page rule fires (25× over the hour and 2 of 5 over 5 minutes): Unhealthy, SLO_BURN_FAST. Two hours on
    /// nothing ran for an hour: the page rules' short windows (5 and 30 minutes) are empty, but 25 % failed over 6 hours
    /// and 3 days, the ticket (1×): Degraded, SLO_BURN_SLOW. Seven hours on the 6-hour window is empty: recovered.</summary>
    [Theory, BothProviders]
    public async Task BurnAlerts_AreMarkedOnTheTimeline_WhenRaisedTradedAndRecovered(TestProvider provider)
    {
        await using var receiver = await WebhookReceiver.StartAsync();
        await using var database = await EmptyDatabase.CreateAsync(provider, Ct);
        var clock = new FakeTimeProvider(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));
        await using var app = new ClockedApp(clock, Settings(database, receiver), database.Name);
        await app.StartAsync();
        var raisedAt = clock.GetUtcNow().UtcDateTime;
        await using (var db = await app.CreateDbAsync()) await BurningHistory.SeedAsync(db, raisedAt, Ct);

        await app.Get<AlertEvaluator>().EvaluateAsync(EvaluationReason.Schedule, Ct);
        clock.Advance(TimeSpan.FromHours(2));
        await app.Get<AlertEvaluator>().EvaluateAsync(EvaluationReason.Schedule, Ct);
        clock.Advance(TimeSpan.FromHours(5));
        await app.Get<AlertEvaluator>().EvaluateAsync(EvaluationReason.Schedule, Ct);

        var view = await app.Get<TimelineQueries>().ViewAsync(ServiceName.Todoist, TimelineRange.Day, Ct);
        var alerts = view.Annotations.Where(a => a.Kind == TimelineMarkerKind.Alert)
            .Select(a => (a.AtUtc, a.Label, Code: a.Detail!.Contains(AlertCodes.SloBurnFast) ? AlertCodes.SloBurnFast
                : a.Detail.Contains(AlertCodes.SloBurnSlow) ? AlertCodes.SloBurnSlow : null)).ToList();
        Assert.Equal(
            [(raisedAt, "Unhealthy", AlertCodes.SloBurnFast), (raisedAt.AddHours(2), "Degraded", AlertCodes.SloBurnSlow),
             (raisedAt.AddHours(7), "Recovered", null)],
            alerts);
    }

    private static Dictionary<string, string?> Settings(EmptyDatabase database, WebhookReceiver receiver) =>
        new(database.AppSettings())
        {
            ["Alerts:Webhook:Url"] = new Uri(receiver.Address, "hook").ToString(),
            ["Alerts:NotifyAfterBadEvaluations"] = "1",
            ["Alerts:RecoverAfterGoodEvaluations"] = "1",
            ["Alerts:CooldownSeconds"] = "0",
            ["Alerts:ReminderMinutes"] = "0",
            // Only the burn-rate rules judge these attempts: no per-hour rates, no failures in a row.
            ["Health:UnhealthyAfterConsecutiveFailures"] = "100",
            ["Health:MinAttemptsForRates"] = "100000",
        };

    /// <summary>The app on a fake clock, with the recurring evaluation off so only the test evaluates.</summary>
    private sealed class ClockedApp(FakeTimeProvider clock, Dictionary<string, string?> settings, string database)
        : TestApp(settings, database)
    {
        protected override void ConfigureTestServices(IServiceCollection services)
        {
            services.AddSingleton<TimeProvider>(clock);
            services.Remove(services.Single(s => s.ServiceType == typeof(IHostedService) && s.ImplementationType == typeof(AlertSchedule)));
        }
    }
}
