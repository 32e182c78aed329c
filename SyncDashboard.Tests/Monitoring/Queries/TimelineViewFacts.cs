using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Monitoring.Queries;

/// <summary>The timeline page's and the performance page's read models over a real SQLite file and a real PostgreSQL database.</summary>
public sealed class TimelineViewFacts
{
    private const string Service = ServiceName.Todoist;
    private static readonly DateTime Now = new(2026, 11, 20, 12, 30, 0, DateTimeKind.Utc);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static TimelineQueries Timeline(TestDatabase database) => new(database.Factory(), new FakeTimeProvider(Now));

    private static PerformanceTrendQueries Trend(TestDatabase database) =>
        new(database.Factory(), new FakeTimeProvider(Now), Options.Create(new HealthOptions()));

    [Theory]
    [InlineData("6h", 6, 1, TestProvider.Sqlite)]
    [InlineData("6h", 6, 1, TestProvider.PostgreSql)]
    [InlineData("24h", 24, 1, TestProvider.Sqlite)]
    [InlineData("24h", 24, 1, TestProvider.PostgreSql)]
    [InlineData("7d", 168, 1, TestProvider.Sqlite)]
    [InlineData("7d", 168, 1, TestProvider.PostgreSql)]
    [InlineData("30d", 120, 6, TestProvider.Sqlite)]
    [InlineData("30d", 120, 6, TestProvider.PostgreSql)]
    public async Task View_HasOneBucketPerBarOfTheRange_EndingWithTheCurrentHour(string key, int bars, int hoursPerBar, TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var view = await Timeline(database).ViewAsync(Service, TimelineRange.Parse(key), Ct);

        Assert.Equal(bars, view.Buckets.Count);
        Assert.Equal(view.From, view.Buckets[0].Start);
        Assert.Equal(MetricArithmetic.HourOf(Now).AddHours(1), view.Buckets[^1].Start.AddHours(hoursPerBar));
        Assert.All(view.Buckets, b => Assert.Equal((0, 0, null, null), (b.Successes, b.Failures, b.MeanDurationMs, b.P95DurationMs)));
        Assert.True(view.IsEmpty);
        Assert.Empty(view.Annotations);
    }

    [Theory, BothProviders]
    public async Task View_CountsEveryRunOfTheWindow_AndMarksTheChainAndTheManualActions(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DashboardHistory.SeedAsync(database.Factory(), Now, days: 2);

        var view = await Timeline(database).ViewAsync(Service, TimelineRange.Day, Ct);

        // A run every 15 minutes: four an hour, the current hour up to 12:30 holds 12:00 and 12:15.
        Assert.Equal(23 * 4 + 2, view.Successes + view.Failures);
        Assert.Equal(DashboardHistory.ChainFailures, view.Failures);
        var chainHour = MetricArithmetic.HourOf(Now - DashboardHistory.ChainFrom);
        Assert.Equal(4, view.Buckets.Single(b => b.Start == chainHour).Failures);
        Assert.Equal(
            [TimelineMarkerKind.ManualAction, TimelineMarkerKind.ChainOpened, TimelineMarkerKind.ManualAction,
             TimelineMarkerKind.ManualAction, TimelineMarkerKind.ChainClosed],
            view.Annotations.Select(a => a.Kind));
        Assert.Equal(5, view.AnnotationTotal);
        Assert.Contains(view.Annotations, a => a.Label == "Sync now" && a.Detail!.Contains("ops@example.test"));
        Assert.Contains(view.Annotations, a => a.Label.EndsWith("closed") && a.Detail == "Recovered");
    }

    /// <summary>An alert decision goes to every channel at one instant: one marker for it, none for reminders.</summary>
    [Theory, BothProviders]
    public async Task View_MarksEachAlertDecisionOnce_HoweverManyChannelsItWentTo(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            void Decided(DateTime at, NotificationKind kind, HealthStatus from, HealthStatus to, params AlertChannel[] channels)
            {
                foreach (var channel in channels)
                {
                    db.AlertNotifications.Add(new AlertNotification
                    {
                        Service = Service, CreatedUtc = at, Channel = channel, Kind = kind, FromStatus = from,
                        ToStatus = to, Subject = $"[SyncDashboard] todoist is {to}",
                    });
                }
            }
            Decided(Now.AddHours(-5), NotificationKind.StatusChanged, HealthStatus.Healthy, HealthStatus.Unhealthy,
                AlertChannel.Webhook, AlertChannel.Email);
            Decided(Now.AddHours(-4), NotificationKind.Reminder, HealthStatus.Unhealthy, HealthStatus.Unhealthy,
                AlertChannel.Webhook, AlertChannel.Email);
            Decided(Now.AddHours(-3), NotificationKind.Recovered, HealthStatus.Unhealthy, HealthStatus.Healthy,
                AlertChannel.Webhook);
            Decided(Now.AddDays(-3), NotificationKind.StatusChanged, HealthStatus.Healthy, HealthStatus.Degraded,
                AlertChannel.Webhook); // outside the 24 h window
            await db.SaveChangesAsync(Ct);
        }

        var view = await Timeline(database).ViewAsync(Service, TimelineRange.Day, Ct);

        Assert.Equal(2, view.AnnotationTotal);
        Assert.Equal(
            [(Now.AddHours(-5), TimelineMarkerKind.Alert, "Unhealthy"), (Now.AddHours(-3), TimelineMarkerKind.Alert, "Recovered")],
            view.Annotations.Select(a => (a.AtUtc, a.Kind, a.Label)));
        Assert.Equal("[SyncDashboard] todoist is Unhealthy", view.Annotations[0].Detail);
    }

    [Theory, BothProviders]
    public async Task View_MarksEveryMirrorVerification_WithWhatItFound(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            db.MirrorVerifications.AddRange(
                new MirrorVerification { Service = Service, VerifiedUtc = Now.AddHours(-6), Outcome = VerificationOutcome.Exact },
                new MirrorVerification
                {
                    Service = Service, VerifiedUtc = Now.AddHours(-2), Outcome = VerificationOutcome.Drift, Missing = 2, Changed = 1,
                },
                new MirrorVerification
                {
                    Service = Service, VerifiedUtc = Now.AddHours(-1), Outcome = VerificationOutcome.NotAligned, Note = "Todoist kept changing",
                },
                new MirrorVerification { Service = Service, VerifiedUtc = Now.AddDays(-2), Outcome = VerificationOutcome.Exact });
            await db.SaveChangesAsync(Ct);
        }

        var view = await Timeline(database).ViewAsync(Service, TimelineRange.Day, Ct);

        Assert.Equal(3, view.AnnotationTotal);
        Assert.Equal(
            [
                (Now.AddHours(-6), "Mirror exact", (string?)null),
                (Now.AddHours(-2), "Drift found", "2 missing, 0 extra, 1 changed"),
                (Now.AddHours(-1), "Not verified", "Todoist kept changing"),
            ],
            view.Annotations.Select(a => (a.AtUtc, a.Label, a.Detail)));
        Assert.All(view.Annotations, a => Assert.Equal(TimelineMarkerKind.Verification, a.Kind));
    }

    [Theory, BothProviders]
    public async Task View_BucketsSixHours_WithP95FromTheMergedSketches_ForThirtyDays(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DashboardHistory.SeedAsync(database.Factory(), Now, days: 3);

        var month = await Timeline(database).ViewAsync(Service, TimelineRange.Month, Ct);
        var day = await Timeline(database).ViewAsync(Service, TimelineRange.Day, Ct);

        Assert.Equal(month.Successes, (await Timeline(database).ViewAsync(Service, TimelineRange.Week, Ct)).Successes);
        var lastBar = month.Buckets[^1];
        var itsHours = day.Buckets.Where(b => b.Start >= lastBar.Start).ToList();
        Assert.Equal(itsHours.Sum(b => b.Successes), lastBar.Successes);
        Assert.Equal(itsHours.Max(b => b.MaxDurationMs), lastBar.MaxDurationMs);
        // A quantile of a mixture lies between the quantiles of its parts.
        Assert.InRange(lastBar.P95DurationMs!.Value, itsHours.Min(b => b.P95DurationMs!.Value), itsHours.Max(b => b.P95DurationMs!.Value));
    }

    [Theory, BothProviders]
    public async Task View_KeepsTheNewestMarkers_WhenThereAreMoreThanTheChartTakes(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using (var db = database.Open())
        {
            for (var i = 0; i < TimelineQueries.MaxAnnotations + 10; i++)
            {
                db.AuditEntries.Add(new AuditEntry
                {
                    Service = Service, Action = AuditAction.SyncNow, Actor = "a", OccurredUtc = Now.AddMinutes(-i - 1),
                });
            }
            await db.SaveChangesAsync(Ct);
        }

        var view = await Timeline(database).ViewAsync(Service, TimelineRange.Day, Ct);

        Assert.Equal(TimelineQueries.MaxAnnotations + 10, view.AnnotationTotal);
        Assert.Equal(TimelineQueries.MaxAnnotations, view.Annotations.Count);
        Assert.Equal(Now.AddMinutes(-1), view.Annotations[^1].AtUtc);
        Assert.Equal(Now.AddMinutes(-TimelineQueries.MaxAnnotations), view.Annotations[0].AtUtc);
    }

    [Theory]
    [InlineData(null, "24h")]
    [InlineData("7D", "7d")]
    [InlineData("1y", "24h")]
    public void Parse_FallsBackToTheDay_ForAnUnknownRange(string? key, string expected) =>
        Assert.Equal(expected, TimelineRange.Parse(key).Key);

    [Theory, BothProviders]
    public async Task Trend_FlagsTheSlowStretch_AndOnlyIt(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await DashboardHistory.SeedAsync(database.Factory(), Now, days: 3);

        var trend = await Trend(database).GetAsync(Service, PerformanceRange.Week, Ct);

        var slowStart = MetricArithmetic.HourOf(Now - DashboardHistory.SlowFrom);
        Assert.NotNull(trend.BaselineMedianMs);
        Assert.InRange(trend.BaselineMedianMs.Value, 150, 400);
        var degraded = trend.DegradedPoints.Select(p => p.Start).ToList();
        Assert.NotEmpty(degraded);
        // Six-hour points: the ones that overlap the three slow hours, and no other.
        Assert.All(degraded, start => Assert.InRange(start, slowStart.AddHours(-5), slowStart.AddHours(2)));
        Assert.Equal(trend.Runs, trend.Histogram.Sum(b => b.Count));
    }

    [Theory, BothProviders]
    public async Task Trend_HasNullPercentilesAndNoFlags_WhenNothingRan(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);

        var trend = await Trend(database).GetAsync(Service, PerformanceRange.Week, Ct);

        Assert.Equal(28, trend.Points.Count);
        Assert.Null(trend.BaselineMedianMs);
        Assert.Null(trend.DegradedAboveMs);
        Assert.All(trend.Points, p => Assert.Equal((0, null, null, false), (p.Runs, p.P50DurationMs, p.P95DurationMs, p.Degraded)));
        Assert.Equal(0, trend.Runs);
    }

    [Theory]
    [InlineData(500.0, 4, 200.0, true)]   // 2.5× the median, the factor is 2
    [InlineData(401.0, 4, 200.0, true)]
    [InlineData(400.0, 4, 200.0, false)]  // exactly the factor is not above it
    [InlineData(900.0, 3, 200.0, false)]  // too few runs to judge
    [InlineData(900.0, 4, null, false)]   // no baseline
    [InlineData(null, 4, 200.0, false)]
    public void IsDegraded_AppliesTheHealthRule(double? p95, int runs, double? median, bool expected)
    {
        Assert.Equal(expected, PerformanceTrendQueries.IsDegraded(p95, runs, median, new HealthOptions()));
    }
}
