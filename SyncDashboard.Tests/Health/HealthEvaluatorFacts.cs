using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Slo;
using SyncDashboard.Sync;

namespace SyncDashboard.Tests.Health;

/// <summary>The evaluator as a table: each row is a situation, its status and the alert codes it raises.</summary>
public sealed class HealthEvaluatorFacts
{
    private static readonly DateTime Now = new(2026, 12, 1, 12, 0, 0, DateTimeKind.Utc);
    private static readonly TimeSpan Interval = TimeSpan.FromMinutes(5);
    private static readonly HealthOptions Defaults = new();

    /// <summary>A sync that ran a minute ago, every five minutes, and nothing wrong: each row changes one thing.</summary>
    private static readonly HealthInput Fine = new()
    {
        HasRun = true,
        LastSuccessUtc = Now.AddMinutes(-1),
        ExpectedInterval = Interval,
        LastHourAttempts = 12,
        LastHourFailures = 0,
        LastHourP95Ms = 900,
        SevenDayMedianMs = 600,
        LargestRecentDeletionShare = 0.01,
    };

    private static SloBurnFinding Burn(string objective, BurnSeverity severity) => new(
        objective, SloKind.Success, severity, 14.4, TimeSpan.FromHours(1), 20, TimeSpan.FromMinutes(5), 30);

    private static HealthInput Failing(int consecutive, FailureKind kind = FailureKind.Transient) => Fine with
    {
        ConsecutiveFailures = consecutive,
        LastFailureKind = kind,
        LastFailureUtc = Now.AddSeconds(-10),
        OpenChain = new OpenChainSummary(kind, Now.AddMinutes(-1), 0, RetriesExhausted: false),
    };

    public static TheoryData<string, HealthInput, HealthStatus, string[]> Table => new()
    {
        { "never ran", new HealthInput(), HealthStatus.Unknown, [] },
        { "never ran, whatever else is set", Fine with { HasRun = false, ConsecutiveFailures = 5 }, HealthStatus.Unknown, [] },
        { "ran fine", Fine, HealthStatus.Healthy, [] },
        { "ran, with nothing else known", new HealthInput { HasRun = true }, HealthStatus.Healthy, [] },
        // Consecutive failures: 1 and 2 degrade, 3 is unhealthy by default.
        { "1 failure", Failing(1), HealthStatus.Degraded, [AlertCodes.ConsecutiveFailures] },
        { "2 failures", Failing(2), HealthStatus.Degraded, [AlertCodes.ConsecutiveFailures] },
        { "3 failures", Failing(3), HealthStatus.Unhealthy, [AlertCodes.ConsecutiveFailures] },
        { "10 failures", Failing(10), HealthStatus.Unhealthy, [AlertCodes.ConsecutiveFailures] },
        // Bad credentials: unhealthy at once, and no second alert about retries that were never meant to run.
        { "bad credentials once", Failing(1, FailureKind.Credentials) with { OpenChain = new(FailureKind.Credentials, Now, 0, true) },
            HealthStatus.Unhealthy, [AlertCodes.CredentialsInvalid, AlertCodes.ConsecutiveFailures] },
        { "credentials failed before a success", Fine with { LastFailureKind = FailureKind.Credentials }, HealthStatus.Healthy, [] },
        // Staleness in intervals of 5 min: beyond 2× degraded, beyond 6× unhealthy, the bounds themselves not.
        { "stale exactly 2×", Fine with { LastSuccessUtc = Now - 2 * Interval }, HealthStatus.Healthy, [] },
        { "stale just over 2×", Fine with { LastSuccessUtc = Now - 2 * Interval - TimeSpan.FromSeconds(1) },
            HealthStatus.Degraded, [AlertCodes.StaleData] },
        { "stale exactly 6×", Fine with { LastSuccessUtc = Now - 6 * Interval }, HealthStatus.Degraded, [AlertCodes.StaleData] },
        { "stale just over 6×", Fine with { LastSuccessUtc = Now - 6 * Interval - TimeSpan.FromSeconds(1) },
            HealthStatus.Unhealthy, [AlertCodes.StaleData] },
        { "stale but paused", Fine with { LastSuccessUtc = Now.AddDays(-3), IsPaused = true }, HealthStatus.Healthy, [] },
        { "stale with no schedule known", Fine with { LastSuccessUtc = Now.AddDays(-3), ExpectedInterval = null }, HealthStatus.Healthy, [] },
        { "stale with a zero interval", Fine with { LastSuccessUtc = Now.AddDays(-3), ExpectedInterval = TimeSpan.Zero }, HealthStatus.Healthy, [] },
        { "never succeeded, long ago", Failing(1) with { LastSuccessUtc = null }, HealthStatus.Degraded, [AlertCodes.ConsecutiveFailures] },
        // Rate limits.
        { "rate limited", Fine with { RateLimitedUntilUtc = Now.AddMinutes(2) }, HealthStatus.Degraded, [AlertCodes.RateLimited] },
        { "rate limit over", Fine with { RateLimitedUntilUtc = Now }, HealthStatus.Healthy, [] },
        // Retries.
        { "retries exhausted", Failing(6) with { OpenChain = new(FailureKind.Transient, Now.AddMinutes(-3), 5, true) },
            HealthStatus.Unhealthy, [AlertCodes.ConsecutiveFailures, AlertCodes.RetriesExhausted] },
        { "not retryable, first failure", Failing(1, FailureKind.Contract) with { OpenChain = new(FailureKind.Contract, Now, 0, true) },
            HealthStatus.Unhealthy, [AlertCodes.RetriesExhausted, AlertCodes.ConsecutiveFailures] },
        { "retry pending", Failing(2) with { OpenChain = new(FailureKind.Transient, Now, 1, false) },
            HealthStatus.Degraded, [AlertCodes.ConsecutiveFailures] },
        // Last hour's error rate: at least 4 attempts, at least half failed.
        { "error rate 2 of 4", Fine with { LastHourAttempts = 4, LastHourFailures = 2 }, HealthStatus.Degraded, [AlertCodes.HighErrorRate] },
        { "error rate 1 of 4", Fine with { LastHourAttempts = 4, LastHourFailures = 1 }, HealthStatus.Healthy, [] },
        { "error rate 3 of 3: too few", Fine with { LastHourAttempts = 3, LastHourFailures = 3 }, HealthStatus.Healthy, [] },
        { "no attempts last hour", Fine with { LastHourAttempts = 0, LastHourFailures = 0, LastHourP95Ms = null },
            HealthStatus.Healthy, [] },
        // Performance: p95 strictly above 2× the 7-day median, with at least 4 successes to judge on.
        { "p95 exactly 2× median", Fine with { LastHourP95Ms = 1200 }, HealthStatus.Healthy, [] },
        { "p95 above 2× median", Fine with { LastHourP95Ms = 1201 }, HealthStatus.Degraded, [AlertCodes.PerformanceDegraded] },
        { "slow, but 3 successes", Fine with { LastHourP95Ms = 5000, LastHourAttempts = 4, LastHourFailures = 1 }, HealthStatus.Healthy, [] },
        { "slow, no median yet", Fine with { LastHourP95Ms = 5000, SevenDayMedianMs = null }, HealthStatus.Healthy, [] },
        { "slow, zero median", Fine with { LastHourP95Ms = 5000, SevenDayMedianMs = 0 }, HealthStatus.Healthy, [] },
        { "slow, NaN median", Fine with { LastHourP95Ms = 5000, SevenDayMedianMs = double.NaN }, HealthStatus.Healthy, [] },
        // Mass deletion alerts, but the sync itself did its job.
        { "deleted 20 %", Fine with { LargestRecentDeletionShare = 0.2 }, HealthStatus.Healthy, [] },
        { "deleted 21 %", Fine with { LargestRecentDeletionShare = 0.21 }, HealthStatus.Healthy, [AlertCodes.MassDeletion] },
        { "deletion share infinite", Fine with { LargestRecentDeletionShare = double.PositiveInfinity }, HealthStatus.Healthy, [] },
        // Drift: judged on the latest verification that compared anything; an exact one clears it.
        { "verified exact", Fine with { LastVerification = new(VerificationOutcome.Exact, Now, 0, 0, 0) }, HealthStatus.Healthy, [] },
        { "drift: changed only", Fine with { LastVerification = new(VerificationOutcome.Drift, Now, 0, 0, 2) },
            HealthStatus.Degraded, [AlertCodes.DataDrift] },
        { "drift: missing", Fine with { LastVerification = new(VerificationOutcome.Drift, Now, 1, 0, 0) },
            HealthStatus.Unhealthy, [AlertCodes.DataDrift] },
        { "drift: extra", Fine with { LastVerification = new(VerificationOutcome.Drift, Now, 0, 3, 1) },
            HealthStatus.Unhealthy, [AlertCodes.DataDrift] },
        // Burn-rate findings of the objectives: a page is Critical, a ticket Warning, one alert per severity.
        { "slo: page burn", Fine with { SloBurns = [Burn("success", BurnSeverity.Page)] }, HealthStatus.Unhealthy, [AlertCodes.SloBurnFast] },
        { "slo: ticket burn", Fine with { SloBurns = [Burn("freshness", BurnSeverity.Ticket)] }, HealthStatus.Degraded, [AlertCodes.SloBurnSlow] },
        { "slo: two objectives at both", Fine with { SloBurns = [Burn("freshness", BurnSeverity.Ticket), Burn("success", BurnSeverity.Page)] },
            HealthStatus.Unhealthy, [AlertCodes.SloBurnFast, AlertCodes.SloBurnSlow] },
        // Several at once: the worst wins, Critical alerts first.
        { "rate limited and 3 failures", Failing(3, FailureKind.RateLimited) with { RateLimitedUntilUtc = Now.AddMinutes(1) },
            HealthStatus.Unhealthy, [AlertCodes.ConsecutiveFailures, AlertCodes.RateLimited] },
    };

    [Theory]
    [MemberData(nameof(Table))]
    public void Evaluate_CalculatesHealthStatusCorrectly(string situation, HealthInput input, HealthStatus status, string[] codes)
    {
        var report = HealthEvaluator.Evaluate(input, Defaults, Now);

        Assert.True(status == report.Status, $"{situation}: expected {status}, got {report.Status}");
        Assert.Equal(codes, report.Alerts.Select(a => a.Code));
    }

    public static TheoryData<string, HealthInput, AlertSeverity> CriticalFailures => new()
    {
        { AlertCodes.ConsecutiveFailures, Failing(3), AlertSeverity.Critical },
        { AlertCodes.CredentialsInvalid, Failing(1, FailureKind.Credentials), AlertSeverity.Critical },
        { AlertCodes.StaleData, Fine with { LastSuccessUtc = Now.AddHours(-1) }, AlertSeverity.Critical },
        { AlertCodes.RetriesExhausted, Failing(6) with { OpenChain = new(FailureKind.Transient, Now, 5, true) }, AlertSeverity.Critical },
        { AlertCodes.ConsecutiveFailures, Failing(1), AlertSeverity.Warning },
        { AlertCodes.StaleData, Fine with { LastSuccessUtc = Now.AddMinutes(-15) }, AlertSeverity.Warning },
        { AlertCodes.RateLimited, Fine with { RateLimitedUntilUtc = Now.AddSeconds(30) }, AlertSeverity.Warning },
        { AlertCodes.HighErrorRate, Fine with { LastHourFailures = 6 }, AlertSeverity.Warning },
        { AlertCodes.PerformanceDegraded, Fine with { LastHourP95Ms = 4000 }, AlertSeverity.Warning },
        { AlertCodes.MassDeletion, Fine with { LargestRecentDeletionShare = 0.5 }, AlertSeverity.Warning },
        { AlertCodes.DataDrift, Fine with { LastVerification = new(VerificationOutcome.Drift, Now, 2, 0, 0) }, AlertSeverity.Critical },
        { AlertCodes.DataDrift, Fine with { LastVerification = new(VerificationOutcome.Drift, Now, 0, 0, 1) }, AlertSeverity.Warning },
        { AlertCodes.SloBurnFast, Fine with { SloBurns = [Burn("success", BurnSeverity.Page)] }, AlertSeverity.Critical },
        { AlertCodes.SloBurnSlow, Fine with { SloBurns = [Burn("success", BurnSeverity.Ticket)] }, AlertSeverity.Warning },
    };

    [Theory]
    [MemberData(nameof(CriticalFailures))]
    public void Evaluate_AlertsOnCriticalFailures_WithTheirSeverity(string code, HealthInput input, AlertSeverity severity)
    {
        var alert = Assert.Single(HealthEvaluator.Evaluate(input, Defaults, Now).Alerts, a => a.Code == code);

        Assert.Equal(severity, alert.Severity);
        Assert.False(string.IsNullOrWhiteSpace(alert.Message));
        Assert.DoesNotContain("NaN", alert.Message);
        Assert.DoesNotContain("∞", alert.Message);
    }

    [Fact]
    public void EveryAlertCode_IsRaisedByTheTables()
    {
        var raised = Table.Select(row => (string[])row.Data.Item4).SelectMany(codes => codes).ToHashSet();
        Assert.Equal(AlertCodes.All.Order(), raised.Order());
    }

    [Theory]
    [InlineData(1, 3, 0, HealthStatus.Healthy)]
    [InlineData(1, 3, 1, HealthStatus.Degraded)]
    [InlineData(1, 3, 3, HealthStatus.Unhealthy)]
    [InlineData(2, 5, 1, HealthStatus.Healthy)]
    [InlineData(2, 5, 4, HealthStatus.Degraded)]
    [InlineData(2, 5, 5, HealthStatus.Unhealthy)]
    [InlineData(3, 3, 3, HealthStatus.Unhealthy)]
    public void Evaluate_FollowsTheConfiguredFailureThresholds(int degradedAt, int unhealthyAt, int failures, HealthStatus status)
    {
        var options = new HealthOptions { DegradedAfterConsecutiveFailures = degradedAt, UnhealthyAfterConsecutiveFailures = unhealthyAt };
        Assert.Equal(status, HealthEvaluator.Evaluate(Failing(failures), options, Now).Status);
    }

    [Theory]
    [InlineData(3, 10, 15, HealthStatus.Healthy)]
    [InlineData(3, 10, 16, HealthStatus.Degraded)]
    [InlineData(3, 10, 50, HealthStatus.Degraded)]
    [InlineData(3, 10, 51, HealthStatus.Unhealthy)]
    public void Evaluate_FollowsTheConfiguredStaleFactors(double degraded, double unhealthy, int secondsOld, HealthStatus status)
    {
        var options = new HealthOptions { StaleDegradedFactor = degraded, StaleUnhealthyFactor = unhealthy };
        var input = Fine with { LastSuccessUtc = Now.AddSeconds(-secondsOld), ExpectedInterval = TimeSpan.FromSeconds(5) };
        Assert.Equal(status, HealthEvaluator.Evaluate(input, options, Now).Status);
    }

    [Fact]
    public void Evaluate_DatesEachAlert_FromWhenItsConditionBegan()
    {
        var chainStart = Now.AddMinutes(-20);
        var input = Fine with
        {
            LastSuccessUtc = Now.AddMinutes(-25),
            ConsecutiveFailures = 4,
            LastFailureKind = FailureKind.RateLimited,
            LastFailureUtc = Now.AddMinutes(-1),
            RateLimitedUntilUtc = Now.AddMinutes(4),
            OpenChain = new OpenChainSummary(FailureKind.RateLimited, chainStart, 3, false),
            LargestRecentDeletionShare = 0.9,
            LargestRecentDeletionUtc = Now.AddHours(-5),
        };

        var since = HealthEvaluator.Evaluate(input, Defaults, Now).Alerts.ToDictionary(a => a.Code, a => a.SinceUtc);

        Assert.Equal(chainStart, since[AlertCodes.ConsecutiveFailures]);
        Assert.Equal(Now.AddMinutes(-15), since[AlertCodes.StaleData]); // last success + 2 × 5 min
        Assert.Equal(Now.AddMinutes(-1), since[AlertCodes.RateLimited]);
        Assert.Equal(Now.AddHours(-5), since[AlertCodes.MassDeletion]);
    }

    [Fact]
    public void Evaluate_ListsCriticalAlertsFirst()
    {
        var input = Failing(3) with { RateLimitedUntilUtc = Now.AddMinutes(1), LargestRecentDeletionShare = 0.5 };
        var severities = HealthEvaluator.Evaluate(input, Defaults, Now).Alerts.Select(a => a.Severity).ToList();
        Assert.Equal(severities.OrderDescending(), severities);
    }

    [Fact]
    public void Evaluate_ReturnsNulls_NotNaN_WhenThereIsNothingToComputeFrom()
    {
        var report = HealthEvaluator.Evaluate(new HealthInput { HasRun = true }, Defaults, Now);

        Assert.Equal(HealthStatus.Healthy, report.Status);
        Assert.Empty(report.Alerts);
        Assert.Null(report.DataAge);
        Assert.Null(report.LastHourErrorRate);
        Assert.Null(report.SlowdownFactor);
    }

    [Fact]
    public void Evaluate_DerivesTheNumbersItJudged()
    {
        var report = HealthEvaluator.Evaluate(Fine with { LastHourFailures = 3 }, Defaults, Now);

        Assert.Equal(TimeSpan.FromMinutes(1), report.DataAge);
        Assert.Equal(0.25, report.LastHourErrorRate);
        Assert.Equal(1.5, report.SlowdownFactor);
    }

    [Fact]
    public void Evaluate_SaysWhatIsWrong_InPlainWords()
    {
        var stale = HealthEvaluator.Evaluate(Fine with { LastSuccessUtc = Now.AddMinutes(-42) }, Defaults, Now).Alerts.Single();
        Assert.Contains("No successful sync for 42 min", stale.Message);
        Assert.Contains("every 5 min", stale.Message);

        var rate = HealthEvaluator.Evaluate(Fine with { LastHourFailures = 6 }, Defaults, Now).Alerts.Single();
        Assert.Contains("6 of 12 sync attempts in the last hour failed", rate.Message);
    }

    [Theory]
    [InlineData(FailureKind.Transient, 5, null, true, true)]
    [InlineData(FailureKind.Transient, 4, null, true, false)]
    [InlineData(FailureKind.Transient, 5, "2026-12-01T12:01:00Z", true, false)] // a retry is still pending
    [InlineData(FailureKind.Transient, 0, null, false, false)] // retries off: the next schedule is the retry
    [InlineData(FailureKind.Credentials, 0, null, true, true)]
    [InlineData(FailureKind.Contract, 0, null, true, true)]
    [InlineData(FailureKind.RateLimited, 2, "2026-12-01T12:01:00Z", true, false)]
    public void OpenChain_IsExhausted_WhenNoRetryIsPendingAndNoneWillCome(
        FailureKind kind, int retryCount, string? nextRetry, bool retriesEnabled, bool exhausted)
    {
        var next = nextRetry is null ? (DateTime?)null : DateTime.Parse(nextRetry, null, System.Globalization.DateTimeStyles.AdjustToUniversal);
        var chain = OpenChainSummary.Of(kind, Now, retryCount, next, new RetryOptions { Enabled = retriesEnabled }.RetryLimit());
        Assert.Equal(exhausted, chain.RetriesExhausted);
    }

    [Fact]
    public void FromState_ReadsTheSyncStateRow()
    {
        var state = new SyncState
        {
            Service = "todoist", LastSuccessfulSyncUtc = Now.AddMinutes(-3), LastFailedSyncUtc = Now.AddMinutes(-1),
            ConsecutiveFailures = 2, RateLimitedUntilUtc = Now.AddMinutes(1), IsPaused = true,
        };

        var input = HealthInput.FromState(state);

        Assert.Equal(new HealthInput
        {
            HasRun = true, LastSuccessUtc = Now.AddMinutes(-3), LastFailureUtc = Now.AddMinutes(-1),
            ConsecutiveFailures = 2, RateLimitedUntilUtc = Now.AddMinutes(1), IsPaused = true,
        }, input);
        Assert.False(HealthInput.FromState(new SyncState { Service = "todoist" }).HasRun);
    }

    [Theory]
    [InlineData("*/5 * * * *", 300)]
    [InlineData("*/30 * * * * *", 30)]
    [InlineData("0 3 * * *", 86_400)]
    public void SyncInterval_IsTheCronsPeriod(string cron, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SyncInterval.Of(cron, Now));

    [Fact]
    public void SyncInterval_IsNull_ForAnInvalidCron() => Assert.Null(SyncInterval.Of("every five minutes", Now));
}
