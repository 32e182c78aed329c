using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Maintenance;
using SyncDashboard.Slo;
using SyncDashboard.Sync;
using SyncDashboard.Todoist;

namespace SyncDashboard.Monitoring.Queries;

/// <summary>The service level objectives measured over the raw sync events (see docs/slo.md). Counted attempts are
/// the ones the hourly rollup counts: every success and every failure except the runs closed as
/// <see cref="UncountedRuns"/>; each at its end time. Three indexed reads of <c>IX_sync_events_status</c>: the
/// attempts of the span, the last success before it, and the first attempt ever.</summary>
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

    /// <summary>The counted attempts that ended after <paramref name="fromUtc"/>, the last success before them and
    /// the first attempt ever. Attempts are found by their start (the index's column) from a margin before
    /// <paramref name="fromUtc"/>: a run ends at most its timeout after it starts, and an abandoned one is closed by
    /// a later run, so a day more covers every run that can end inside the span; the calculator drops the rest.</summary>
    private async Task<SloHistory> HistoryAsync(MonitoringDbContext db, string service, DateTime fromUtc, CancellationToken ct)
    {
        var startedFrom = fromUtc - syncOptions.Value.RunTimeout - TimeSpan.FromDays(1);
        var counted = db.SyncEvents.AsNoTracking().Where(e => e.Service == service &&
            (e.Status == SyncStatus.Succeeded ||
             (e.Status == SyncStatus.Failed && e.ErrorCode != UncountedRuns.LeaseLost && e.ErrorCode != UncountedRuns.Cancelled)));

        var attempts = await counted.Where(e => e.StartedUtc >= startedFrom)
            .Select(e => new { End = e.CompletedUtc ?? e.StartedUtc, e.Status })
            .ToListAsync(ct);
        var lastSuccessBefore = await counted.Where(e => e.Status == SyncStatus.Succeeded && e.StartedUtc < startedFrom)
            .OrderByDescending(e => e.StartedUtc)
            .Select(e => (DateTime?)(e.CompletedUtc ?? e.StartedUtc))
            .FirstOrDefaultAsync(ct);
        var first = await counted.OrderBy(e => e.StartedUtc)
            .Select(e => (DateTime?)(e.CompletedUtc ?? e.StartedUtc))
            .FirstOrDefaultAsync(ct);

        var list = attempts.Select(a => new SloAttempt(Utc(a.End), a.Status == SyncStatus.Succeeded)).ToList();
        if (lastSuccessBefore is { } before) list.Add(new SloAttempt(Utc(before), Succeeded: true));
        return new SloHistory(list, first is { } start ? Utc(start) : null);
    }

    private static DateTime Utc(DateTime value) => DateTime.SpecifyKind(value, DateTimeKind.Utc);
}
