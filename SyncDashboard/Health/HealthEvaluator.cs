using System.Globalization;
using SyncDashboard.Data;
using SyncDashboard.Slo;

namespace SyncDashboard.Health;

/// <summary>The health of a sync as a pure function of values, thresholds and now. Each rule below may raise one
/// alert and push the status up; the status is the worst any rule asked for (<c>Healthy</c> when none did).
/// <list type="table">
/// <item><c>CONSECUTIVE_FAILURES</c>: ≥ degraded threshold (1) Warning/Degraded; ≥ unhealthy threshold (3) Critical/Unhealthy.</item>
/// <item><c>CREDENTIALS_INVALID</c>: the last attempt failed on credentials: Critical/Unhealthy.</item>
/// <item><c>STALE_DATA</c>: last success older than 2× the interval Warning/Degraded, older than 6× Critical/Unhealthy.</item>
/// <item><c>RATE_LIMITED</c>: rate limited until after now: Warning/Degraded.</item>
/// <item><c>RETRIES_EXHAUSTED</c>: the open chain has no retry left: Critical/Unhealthy.</item>
/// <item><c>HIGH_ERROR_RATE</c>: ≥ 4 attempts in the last hour, ≥ 50 % failed: Warning/Degraded.</item>
/// <item><c>PERFORMANCE_DEGRADED</c>: ≥ 4 successes in the last hour, p95 &gt; 2× the 7-day median: Warning/Degraded.</item>
/// <item><c>MASS_DELETION</c>: a recent sync deleted &gt; 20 % of the mirror: Warning, status unchanged (the sync
/// did its job; the deletion happened in Todoist, and the operator should know).</item>
/// <item><c>DATA_DRIFT</c>: the latest verification found the mirror different from Todoist: Critical/Unhealthy when
/// objects were missing or extra, Warning/Degraded when only changed; it clears at the next exact verification.</item>
/// <item><c>SLO_BURN_FAST</c>: a "page" burn-rate rule fires for an objective: Critical/Unhealthy.</item>
/// <item><c>SLO_BURN_SLOW</c>: only a "ticket" burn-rate rule fires for an objective: Warning/Degraded.</item>
/// </list></summary>
public static class HealthEvaluator
{
    public static HealthReport Evaluate(HealthInput input, HealthOptions options, DateTime nowUtc)
    {
        if (!input.HasRun) return HealthReport.Unknown;

        var found = new List<Finding>();
        var credentials = CredentialsInvalid(input);
        if (credentials is not null) found.Add(credentials);
        found.AddIfNotNull(ConsecutiveFailures(input, options));
        found.AddIfNotNull(Stale(input, options, nowUtc));
        found.AddIfNotNull(RateLimited(input, nowUtc));
        // Bad credentials are never retried: the credentials alert already says so, a second one adds only noise.
        if (credentials is null) found.AddIfNotNull(RetriesExhausted(input));
        found.AddIfNotNull(HighErrorRate(input, options));
        found.AddIfNotNull(PerformanceDegraded(input, options));
        found.AddIfNotNull(MassDeletion(input, options));
        found.AddIfNotNull(DataDrift(input));
        found.AddIfNotNull(SloBurn(input, BurnSeverity.Page));
        found.AddIfNotNull(SloBurn(input, BurnSeverity.Ticket));

        var status = found.Count == 0 ? HealthStatus.Healthy : found.Max(f => f.Status);
        // OrderByDescending is stable: equal severities keep the rule order above (causes before symptoms).
        var alerts = found.OrderByDescending(f => f.Alert.Severity).Select(f => f.Alert).ToList();
        return new HealthReport(status, alerts, DataAge(input, nowUtc), ErrorRate(input), Slowdown(input));
    }

    private sealed record Finding(HealthAlert Alert, HealthStatus Status);

    private static void AddIfNotNull(this List<Finding> found, Finding? finding)
    {
        if (finding is not null) found.Add(finding);
    }

    private static Finding? CredentialsInvalid(HealthInput input)
    {
        if (input.ConsecutiveFailures <= 0 || input.LastFailureKind != FailureKind.Credentials) return null;
        var since = input.OpenChain is { Kind: FailureKind.Credentials } chain ? chain.SinceUtc : input.LastFailureUtc;
        return Critical(AlertCodes.CredentialsInvalid,
            "Todoist rejected the API token. Nothing syncs until Todoist:ApiToken holds a valid token; " +
            "retrying will not help.", since);
    }

    private static Finding? ConsecutiveFailures(HealthInput input, HealthOptions options)
    {
        var failures = input.ConsecutiveFailures;
        if (failures < options.DegradedAfterConsecutiveFailures) return null;
        var since = input.OpenChain?.SinceUtc ?? input.LastFailureUtc;
        var latest = input.LastFailureKind is { } kind ? $" The latest failed on {Describe(kind)}." : "";
        var message = failures == 1
            ? $"The last sync failed.{latest}"
            : $"The last {failures} syncs failed in a row.{latest}";
        return failures >= options.UnhealthyAfterConsecutiveFailures
            ? Critical(AlertCodes.ConsecutiveFailures, message, since)
            : Warning(AlertCodes.ConsecutiveFailures, message, since);
    }

    /// <summary>Measured from the last success only: a service that never succeeded has no data to be stale, and
    /// its failures raise <c>CONSECUTIVE_FAILURES</c>.</summary>
    private static Finding? Stale(HealthInput input, HealthOptions options, DateTime nowUtc)
    {
        if (input.IsPaused || input.LastSuccessUtc is not { } lastSuccess ||
            input.ExpectedInterval is not { } interval || interval <= TimeSpan.Zero) return null;
        // In seconds, as doubles: a large factor times a long interval would overflow a TimeSpan.
        var ageSeconds = (nowUtc - lastSuccess).TotalSeconds;
        var degradedAfter = options.StaleDegradedFactor * interval.TotalSeconds;
        if (ageSeconds <= degradedAfter) return null;

        var since = lastSuccess.AddSeconds(degradedAfter);
        var message = $"No successful sync for {Words(nowUtc - lastSuccess)} (since {Time(lastSuccess)}); " +
                      $"one is expected every {Words(interval)}. The dashboard shows older data.";
        return ageSeconds > options.StaleUnhealthyFactor * interval.TotalSeconds
            ? Critical(AlertCodes.StaleData, message, since)
            : Warning(AlertCodes.StaleData, message, since);
    }

    private static Finding? RateLimited(HealthInput input, DateTime nowUtc)
    {
        if (input.RateLimitedUntilUtc is not { } until || until <= nowUtc) return null;
        var since = input.LastFailureKind == FailureKind.RateLimited ? input.LastFailureUtc : null;
        return Warning(AlertCodes.RateLimited,
            $"Todoist is rate-limiting this account until {Time(until)} (another {Words(until - nowUtc)}); " +
            "syncs wait until then and catch up by themselves.", since);
    }

    private static Finding? RetriesExhausted(HealthInput input)
    {
        if (input.OpenChain is not { RetriesExhausted: true } chain) return null;
        var why = chain.Kind.IsRetryable()
            ? $"All {chain.RetryCount} automatic retries failed"
            : $"Failures on {Describe(chain.Kind)} are not retried automatically";
        return Critical(AlertCodes.RetriesExhausted,
            $"{why}; the failure that began at {Time(chain.SinceUtc)} stays until someone looks at it, " +
            "then retries it or resolves it.", chain.SinceUtc);
    }

    private static Finding? HighErrorRate(HealthInput input, HealthOptions options)
    {
        if (input.LastHourAttempts < options.MinAttemptsForRates || ErrorRate(input) is not { } rate ||
            rate < options.HighErrorRate) return null;
        return Warning(AlertCodes.HighErrorRate, Invariant(
            $"{FailuresOf(input)} of {input.LastHourAttempts} sync attempts in the last hour failed ({rate:P0})."),
            null);
    }

    private static Finding? PerformanceDegraded(HealthInput input, HealthOptions options)
    {
        var successes = input.LastHourAttempts - FailuresOf(input);
        if (successes < options.MinAttemptsForRates || Slowdown(input) is not { } slowdown ||
            slowdown <= options.PerformanceFactor) return null;
        var p95 = Words(TimeSpan.FromMilliseconds(input.LastHourP95Ms!.Value));
        var median = Words(TimeSpan.FromMilliseconds(input.SevenDayMedianMs!.Value));
        return Warning(AlertCodes.PerformanceDegraded, Invariant(
            $"Syncs are slower than usual: 95 % of the last hour's took up to {p95}, {slowdown:0.#}× the usual {median} (7-day median)."),
            null);
    }

    private static Finding? MassDeletion(HealthInput input, HealthOptions options)
    {
        if (input.LargestRecentDeletionShare is not { } share || !double.IsFinite(share) ||
            share <= options.MassDeletionShare) return null;
        var when = input.LargestRecentDeletionUtc is { } at ? $" at {Time(at)}" : " recently";
        var message = Invariant($"One sync{when} deleted {Math.Min(share, 1):P0} of the mirrored objects.") +
                      " The mirror follows Todoist, so check the account if that was not intended.";
        return new Finding(new HealthAlert(AlertCodes.MassDeletion, AlertSeverity.Warning, message,
            input.LargestRecentDeletionUtc), HealthStatus.Healthy);
    }

    private static Finding? DataDrift(HealthInput input)
    {
        if (input.LastVerification is not { Outcome: VerificationOutcome.Drift } drift) return null;
        var parts = new List<string>();
        if (drift.Missing > 0) parts.Add($"{drift.Missing} missing");
        if (drift.Extra > 0) parts.Add($"{drift.Extra} extra");
        if (drift.Changed > 0) parts.Add($"{drift.Changed} changed");
        var message = $"The full sync at {Time(drift.VerifiedUtc)} found the mirror different from Todoist " +
                      $"({string.Join(", ", parts)} objects) and replaced it. Something lost changes before then; " +
                      "History shows which objects. Clears at the next exact verification.";
        return drift.Missing > 0 || drift.Extra > 0
            ? Critical(AlertCodes.DataDrift, message, drift.VerifiedUtc)
            : Warning(AlertCodes.DataDrift, message, drift.VerifiedUtc);
    }

    /// <summary>One alert per severity, naming every objective that burns at it: the burn rates of two objectives
    /// are one condition for flap control and notifications, as the code is the alert's identity.</summary>
    private static Finding? SloBurn(HealthInput input, BurnSeverity severity)
    {
        var burning = input.SloBurns.Where(b => b.Severity == severity).ToList();
        if (burning.Count == 0) return null;
        var message = string.Join(" ", burning.Select(b => Invariant(
            $"The {b.Objective} objective's error budget burns at {b.LongRate:0.#}× over {Words(b.LongWindow)} and {b.ShortRate:0.#}× over {Words(b.ShortWindow)} (alert from {b.Threshold:0.#}×).")));
        message += severity == BurnSeverity.Page
            ? " At this pace the budget is gone within days; look now (the SLO page shows what spends it)."
            : " At this pace the objective will be missed; look when you can.";
        return severity == BurnSeverity.Page
            ? Critical(AlertCodes.SloBurnFast, message, null)
            : Warning(AlertCodes.SloBurnSlow, message, null);
    }

    private static TimeSpan? DataAge(HealthInput input, DateTime nowUtc) =>
        input.LastSuccessUtc is { } last ? (nowUtc > last ? nowUtc - last : TimeSpan.Zero) : null;

    private static int FailuresOf(HealthInput input) => Math.Clamp(input.LastHourFailures, 0, Math.Max(0, input.LastHourAttempts));

    private static double? ErrorRate(HealthInput input) =>
        input.LastHourAttempts > 0 ? (double)FailuresOf(input) / input.LastHourAttempts : null;

    /// <summary>The last hour's p95 over the 7-day median; null unless both are finite and the median positive.</summary>
    private static double? Slowdown(HealthInput input) =>
        input is { LastHourP95Ms: { } p95, SevenDayMedianMs: { } median } &&
        double.IsFinite(p95) && double.IsFinite(median) && median > 0 && p95 >= 0
            ? p95 / median
            : null;

    private static Finding Critical(string code, string message, DateTime? since) =>
        new(new HealthAlert(code, AlertSeverity.Critical, message, since), HealthStatus.Unhealthy);

    private static Finding Warning(string code, string message, DateTime? since) =>
        new(new HealthAlert(code, AlertSeverity.Warning, message, since), HealthStatus.Degraded);

    private static string Describe(FailureKind kind) => kind switch
    {
        FailureKind.Transient => "a temporary error (network or Todoist's servers)",
        FailureKind.RateLimited => "Todoist's rate limit",
        FailureKind.Credentials => "rejected credentials",
        FailureKind.InvalidSyncToken => "an invalid sync token",
        FailureKind.Contract => "an answer from Todoist the app could not read",
        _ => "an unexpected error",
    };

    private static string Time(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture);

    /// <summary>A duration as an operator says it: the two largest units, no fractions below a second.</summary>
    internal static string Words(TimeSpan span)
    {
        if (span < TimeSpan.Zero) span = TimeSpan.Zero;
        if (span < TimeSpan.FromSeconds(1)) return Invariant($"{span.TotalMilliseconds:0} ms");
        if (span < TimeSpan.FromMinutes(1)) return Invariant($"{span.TotalSeconds:0.#} s");
        if (span < TimeSpan.FromHours(1)) return Pair(span.Minutes, "min", span.Seconds, "s");
        if (span < TimeSpan.FromDays(1)) return Pair(span.Hours, "h", span.Minutes, "min");
        return Pair((int)span.TotalDays, "d", span.Hours, "h");

        static string Pair(int major, string majorUnit, int minor, string minorUnit) =>
            minor == 0 ? $"{major} {majorUnit}" : $"{major} {majorUnit} {minor} {minorUnit}";
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
