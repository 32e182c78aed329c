using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Maintenance;
using SyncDashboard.Slo;
using SyncDashboard.Sync;
using SyncDashboard.Todoist;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>The service level objectives measured over the counted attempts of the hourly rollups' attempt logs
/// (<see cref="AttemptLog"/>; see docs/slo.md): every success and every failure except the runs closed as
/// <see cref="UncountedRuns"/>, each at its end time. The span's hours are one index range of the rollups; the last
/// success before it and the first attempt ever are one short look-up each. Only "what spent the budget" reads stored
/// runs, for their failure chains.</summary>
public sealed class SloQueries(
    IDbContextFactory<MonitoringDbContext> dbFactory,
    TimeProvider time,
    IOptions<SloOptions> sloOptions,
    IOptions<SyncOptions> syncOptions,
    TodoistTargetResolver targets,
    MaintenanceQueries maintenance)
{
    public async Task<SloReport> GetAsync(string service, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var options = sloOptions.Value;
        var rules = options.EffectiveBurnRateRules;
        var windows = SloCalculator.StandardBurnWindows.Concat(SloBurnRules.Windows(rules)).Distinct().ToList();
        var objectives = Objectives(now);
        var span = objectives.Select(o => o.Window).Concat(windows).Max();

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var history = await HistoryAsync(db, service, now - span, ct);
        // Maintenance windows that say so: their time counts neither way (see docs/maintenance.md).
        var excluded = await maintenance.ExcludedAsync(db, service, now - span, now, ct);
        var summaries = objectives
            .Select(objective => Summarize(SloCalculator.Evaluate(objective, history, now, excluded, windows), rules,
                options.MinAttemptsForBurnAlerts))
            .ToList();
        return new SloReport(now, summaries,
            rules.Select(r => new BurnRuleRow(r.Severity, r.BurnRate, r.LongWindowMinutes, r.ShortWindowMinutes)).ToList());
    }

    /// <summary>Points of a burn-down chart: 120 steps, six hours each over 30 days.</summary>
    public const int BurnDownSteps = 120;

    /// <summary>What spent a budget is listed up to this many, largest first.</summary>
    public const int MaxSpentItems = 20;

    /// <summary>How each objective's budget was spent over its window: the burn-down, and the failure chains or stale
    /// periods that spent it, largest first. Failures are grouped by the error chain of their stored event; those
    /// whose event is gone (purged, only in the rollups) or had no chain are one item.</summary>
    public async Task<SloSpentReport> SpentAsync(string service, CancellationToken ct)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var objectives = Objectives(now);
        if (objectives.Count == 0) return new SloSpentReport(now, []);
        var span = objectives.Max(o => o.Window);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var history = await HistoryAsync(db, service, now - span, ct);
        var excluded = await maintenance.ExcludedAsync(db, service, now - span, now, ct);
        var failures = objectives.Any(o => o.Kind == SloKind.Success)
            ? await ChainedFailuresAsync(db, service, now - span, ct)
            : [];
        var spent = objectives.Select(o =>
        {
            var window = new TimeRange(now - o.Window, now);
            var burnDown = SloCalculator.BurnDown(o, history, now, excluded, BurnDownSteps);
            var items = o.Kind == SloKind.Success
                ? FailureItems(history, failures, window, excluded)
                : SloCalculator.StalePeriods(o, history, window, excluded)
                    .Select(p => new SloSpentItem(SloSpentItem.Stale, p.StartUtc, p.EndUtc, p.Duration.TotalMinutes, null, null));
            var largest = items.OrderByDescending(i => i.Amount).ThenByDescending(i => i.EndUtc).Take(MaxSpentItems).ToList();
            var status = SloCalculator.Measure(o, history, window, excluded);
            return new SloSpent(o.Name, o.Kind == SloKind.Success ? "attempts" : "minutes",
                o.BadShareAllowed * status.Total, burnDown, largest);
        }).ToList();
        return new SloSpentReport(now, spent);
    }

    /// <summary>The counted failed attempts still stored that ended after <paramref name="fromUtc"/>, with their chain.</summary>
    private async Task<List<(AttemptEnd Attempt, long? ChainId, string? Code)>> ChainedFailuresAsync(
        MonitoringDbContext db, string service, DateTime fromUtc, CancellationToken ct)
    {
        var startedFrom = fromUtc - syncOptions.Value.RunTimeout - TimeSpan.FromDays(1);
        string leaseLost = UncountedRuns.LeaseLost, cancelled = UncountedRuns.Cancelled;
        var rows = await db.SyncEvents.AsNoTracking()
            .Where(e => e.Service == service && e.Status == SyncStatus.Failed && e.StartedUtc >= startedFrom &&
                        e.ErrorCode != leaseLost && e.ErrorCode != cancelled)
            .Select(e => new { End = e.CompletedUtc ?? e.StartedUtc, e.ErrorChainId, e.ErrorCode })
            .ToListAsync(ct);
        return rows.Select(r => (new AttemptEnd(AttemptEnds.Truncate(Utc(r.End)), false), r.ErrorChainId, r.ErrorCode)).ToList();
    }

    /// <summary>The failed attempts of <paramref name="window"/> by chain; those the history counts but no stored
    /// chained event accounts for are one <see cref="SloSpentItem.Failures"/> item.</summary>
    private static IEnumerable<SloSpentItem> FailureItems(
        SloHistory history, List<(AttemptEnd Attempt, long? ChainId, string? Code)> stored, TimeRange window,
        IReadOnlyList<TimeRange> excluded)
    {
        bool Counts(DateTime end) => end > window.StartUtc && end <= window.EndUtc && !excluded.Any(r => r.Contains(end));
        var chained = stored.Where(f => f.ChainId is not null && Counts(f.Attempt.EndUtc)).ToList();
        foreach (var chain in chained.GroupBy(f => f.ChainId!.Value))
        {
            var ends = chain.Select(f => f.Attempt.EndUtc).ToList();
            yield return new SloSpentItem(SloSpentItem.Chain, ends.Min(), ends.Max(), ends.Count, chain.Key,
                chain.MaxBy(f => f.Attempt.EndUtc).Code);
        }
        var left = chained.CountBy(f => f.Attempt.EndUtc).ToDictionary();
        var unchained = new List<DateTime>();
        foreach (var failure in history.Attempts.Where(a => !a.Succeeded && Counts(a.EndUtc)).Select(a => a.EndUtc))
        {
            if (left.TryGetValue(failure, out var n) && n > 0) left[failure] = n - 1;
            else unchained.Add(failure);
        }
        if (unchained.Count > 0)
        {
            yield return new SloSpentItem(SloSpentItem.Failures, unchained.Min(), unchained.Max(), unchained.Count, null, null);
        }
    }

    /// <summary>The objectives whose budget burns too fast, for the health verdict. Reads only as far back as the
    /// longest rule window (3 days by default), not the objectives' whole windows.</summary>
    public async Task<IReadOnlyList<SloBurnFinding>> BurnFindingsAsync(
        MonitoringDbContext db, string service, DateTime now, CancellationToken ct)
    {
        var options = sloOptions.Value;
        var rules = options.EffectiveBurnRateRules;
        var windows = SloBurnRules.Windows(rules).Distinct().ToList();
        if (windows.Count == 0) return [];
        var history = await HistoryAsync(db, service, now - windows.Max(), ct);
        var excluded = await maintenance.ExcludedAsync(db, service, now - windows.Max(), now, ct);
        return Objectives(now)
            .Select(o => SloBurnRules.Find(o, SloCalculator.BurnRates(o, history, now, windows, excluded), rules,
                options.MinAttemptsForBurnAlerts))
            .OfType<SloBurnFinding>()
            .ToList();
    }

    /// <summary>What <see cref="SloCalculator"/> needs to measure every span that ends by now and starts after
    /// <paramref name="fromUtc"/>, from the events and the rollups as <see cref="GetAsync"/> reads them: for callers
    /// that measure with ranges of their own excluded.</summary>
    public async Task<SloHistory> ReadHistoryAsync(string service, DateTime fromUtc, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await HistoryAsync(db, service, fromUtc, ct);
    }

    /// <summary>The objectives in effect, each freshness threshold resolved against the incremental schedule.</summary>
    private List<SloObjective> Objectives(DateTime now)
    {
        var interval = SyncInterval.Of(syncOptions.Value.IncrementalCronFor(targets.IsDemoMode), now);
        return sloOptions.Value.EffectiveObjectives.Select(o => o.Resolve(interval)).ToList();
    }

    private static SloSummary Summarize(SloStatus status, IReadOnlyList<BurnRateRule> rules, int minAttempts)
    {
        var objective = status.Objective;
        return new SloSummary(
            objective.Name, objective.Kind, objective.Target, objective.WindowDays,
            objective.FreshnessThresholdMinutes,
            status.Unit, status.Window.Good, status.Window.Bad, status.Attainment, status.Met,
            status.Budget.Allowed, status.Budget.Spent, status.Budget.Remaining, status.Budget.RemainingShare,
            status.BurnRates.Select(b => new BurnRateRow((int)b.Window.TotalMinutes, b.Rate)).ToList(),
            SloBurnRules.Find(status, rules, minAttempts)?.Severity);
    }

    /// <summary>The counted attempts that ended after <paramref name="fromUtc"/> (and a few before, in its hour), the
    /// last success before them and when the first attempt ever ended, from the hourly rollups' attempt logs (see
    /// <see cref="AttemptLog"/>): the same whether retention purged the runs of an hour or not.</summary>
    private static async Task<SloHistory> HistoryAsync(MonitoringDbContext db, string service, DateTime fromUtc, CancellationToken ct)
    {
        var attempts = (await AttemptLog.SinceAsync(db, service, fromUtc, ct))
            .Select(a => new SloAttempt(a.EndUtc, a.Succeeded)).ToList();
        // The mirror's age when the span begins.
        if (!attempts.Any(a => a.Succeeded && a.EndUtc <= fromUtc) &&
            await AttemptLog.LastBeforeHourAsync(db, service, fromUtc, a => a.Succeeded, ct) is { } success)
        {
            attempts.Insert(0, new SloAttempt(success.EndUtc, Succeeded: true));
        }
        return new SloHistory(attempts, await AttemptLog.FirstEndAsync(db, service, ct));
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
