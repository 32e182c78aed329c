using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Webhooks;

namespace SyncDashboard.Api;

/// <summary><c>/api/monitoring/*</c>: the read side as JSON.</summary>
public static class MonitoringApi
{
    public const int DefaultEventLimit = 50;
    public const int DefaultErrorLimit = 50;
    public const int DefaultMetricLimit = 24;
    public const int DefaultTimelineHours = 24;
    public const int DefaultPerformanceDays = 7;
    public const int DefaultWebhookLimit = 20;
    public const int MaxWebhookLimit = 200;

    public static RouteGroupBuilder MapMonitoringApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/monitoring").WithTags("Monitoring");
        group.MapGet("/events", GetEventsAsync)
            .WithSummary("List sync events, latest first")
            .WithDescription("Filters: status (Started, Succeeded, Failed), type (Full, Incremental, Webhook), trigger " +
                $"(Schedule, Manual, Retry, Webhook, Startup); limit 1..{EventQueries.MaxLimit} (default {DefaultEventLimit}). " +
                "When there are older events, the Link header (rel=\"next\") carries the URL of the next page.")
            .Produces<IReadOnlyList<EventRow>>()
            .ProducesValidationProblem();
        group.MapGet("/state", (StateQueries state, CancellationToken ct) => state.GetAsync(ServiceName.Todoist, ct))
            .WithSummary("Sync state")
            .WithDescription("The sync state of the Todoist service and how many objects the mirror holds.");
        group.MapGet("/errors", GetErrorsAsync)
            .WithSummary("Error report")
            .WithDescription("Open failure chains (all with includeResolved=true), grouped by kind, each with its " +
                $"attempts and the time to its next retry; limit 1..{ErrorQueries.MaxLimit} (default {DefaultErrorLimit}).")
            .Produces<ErrorReport>()
            .ProducesValidationProblem();
        group.MapGet("/health", (HealthQueries health, CancellationToken ct) => health.GetAsync(ServiceName.Todoist, ct))
            .WithSummary("Service health and alerts")
            .WithDescription("Status (Unknown, Healthy, Degraded, Unhealthy), active alerts with code, severity, message " +
                "and since-time, the next scheduled sync and uptime over 24 h, 7 d and 30 d.")
            .Produces<ServiceHealth>();
        group.MapGet("/slo", (SloQueries slo, CancellationToken ct) => slo.GetAsync(ServiceName.Todoist, ct))
            .WithSummary("Service level objectives")
            .WithDescription("Each objective in effect (Slo:Objectives, success or freshness): good and bad over its window " +
                "in attempts or minutes, attainment, the error budget (allowed, spent, remaining) and the burn rates over " +
                "5 min, 30 min, 1 h, 6 h, 24 h and 3 d and the rules' windows, with the most severe burn-rate rule firing; " +
                "and the rules in effect. Measured from the raw events and, where retention purged them, the hourly rollups.")
            .Produces<SloReport>();
        group.MapGet("/slo/spent", (SloQueries slo, CancellationToken ct) => slo.SpentAsync(ServiceName.Todoist, ct))
            .WithSummary("What spent each objective's error budget")
            .WithDescription("Per objective: the budget left over its window as it was spent (burn-down points, the " +
                "last one now) and, largest first, what spent it: the failed attempts of each error chain (its id), failed " +
                "attempts without a stored chain (abandoned runs, or runs only the rollups remember), and the periods the " +
                "mirror was stale. Measured from the raw events and, where retention purged them, the hourly rollups.")
            .Produces<SloSpentReport>();
        group.MapGet("/dashboard", (DashboardQueries dashboard, CancellationToken ct) => dashboard.GetAsync(ServiceName.Todoist, ct))
            .WithSummary("Integration dashboard")
            .WithDescription("Overview (state and mirror counts), health, the last 24 hours' performance and recent activity in one call.");
        group.MapGet("/metrics", GetMetricsAsync)
            .WithSummary("Metric rollups")
            .WithDescription($"period=hour|day|week (default hour), limit 1..{MetricQueries.MaxLimit} (default {DefaultMetricLimit}); newest first, " +
                "with counts, durations, error rate and nearest-rank p50/p95/p99 from the duration sketches (within 2 %).")
            .Produces<IReadOnlyList<MetricRow>>()
            .ProducesValidationProblem();
        group.MapGet("/timeline", GetTimelineAsync)
            .WithSummary("Timeline by hour")
            .WithDescription($"hours=1..{TimelineQueries.MaxHours} (default {DefaultTimelineHours}): successes, failures and durations for every hour, " +
                "and the manual runs in the window.")
            .Produces<SyncTimeline>()
            .ProducesValidationProblem();
        group.MapGet("/performance", GetPerformanceAsync)
            .WithSummary("Performance analysis")
            .WithDescription($"days=1..{PerformanceQueries.MaxDays} (default {DefaultPerformanceDays}): per sync type min, max, mean, median and p95 " +
                "duration, items per second and the trend.")
            .Produces<PerformanceSummary>()
            .ProducesValidationProblem();
        group.MapGet("/freshness", (FreshnessQueries freshness, CancellationToken ct) => freshness.GetAsync(ct))
            .WithSummary("Data freshness")
            .WithDescription("Per resource type: how many objects the mirror holds and the age of the newest change and sync.");
        group.MapGet("/webhooks", GetWebhooksAsync)
            .WithSummary("Webhook deliveries and the syncs they caused")
            .WithDescription($"limit 1..{MaxWebhookLimit} (default {DefaultWebhookLimit}): the latest deliveries, each beside the sync " +
                "that covered it and the delivery-to-sync latency; the latest webhook-triggered syncs with how many deliveries " +
                "each covered; missed deliveries (changes an incremental sync found that no delivery announced, over the latest " +
                $"{WebhookQueries.MissedSyncCount} syncs); and the last 24 hours: deliveries, redeliveries, latency, rejected " +
                "signatures and other refusals. 'receiving' says how signatures are checked (ClientSecret, DemoProcess) or None.")
            .Produces<WebhookReport>()
            .ProducesValidationProblem();
        group.MapGet("/verifications", GetVerificationsAsync)
            .WithSummary("Mirror verifications, newest first")
            .WithDescription($"limit 1..{VerificationQueries.MaxLimit} (default {DefaultVerificationLimit}). Every full sync over an " +
                "existing mirror compares it with Todoist before replacing it: outcome Exact, Drift (missing, extra and " +
                "changed objects per resource type, with example ids and names), NotAligned (Todoist kept changing, nothing " +
                "compared) or Skipped (rate-limited). Also the calls it cost.")
            .Produces<IReadOnlyList<VerificationRow>>()
            .ProducesValidationProblem();
        group.MapGet("/verifications/status", (VerificationQueries verifications, CancellationToken ct) =>
                verifications.StatusAsync(ServiceName.Todoist, ct))
            .WithSummary("Where the proof of the copy stands")
            .WithDescription("The latest verification of any outcome and when the mirror was last found exact.")
            .Produces<VerificationStatus>();
        return group;
    }

    /// <summary>Latest first. Filters: <c>status</c>, <c>type</c>, <c>trigger</c>; paging: the response's
    /// <c>Link: &lt;…&gt;; rel="next"</c> header carries the cursor of the next, older page.</summary>
    private static async Task<IResult> GetEventsAsync(
        string? limit, string? status, string? type, string? trigger, string? cursor,
        EventQueries events, HttpContext http, CancellationToken ct)
    {
        // Parsed by hand: a bad value gets a problem-details body naming the parameter, not a bare 400.
        var count = DefaultEventLimit;
        if (limit is not null && (!int.TryParse(limit, out count) || count < 1 || count > EventQueries.MaxLimit))
        {
            return ApiProblems.BadParameter("limit", $"must be a whole number from 1 to {EventQueries.MaxLimit}");
        }
        if (!TryParseEnum<SyncStatus>(status, out var statusFilter)) return ApiProblems.BadEnum<SyncStatus>("status");
        if (!TryParseEnum<SyncType>(type, out var typeFilter)) return ApiProblems.BadEnum<SyncType>("type");
        if (!TryParseEnum<SyncTrigger>(trigger, out var triggerFilter)) return ApiProblems.BadEnum<SyncTrigger>("trigger");
        EventCursor? after = null;
        if (cursor is not null && !EventCursor.TryDecode(cursor, out after))
        {
            return ApiProblems.BadParameter("cursor", "is not a cursor this API handed out");
        }

        var page = await events.PageAsync(ServiceName.Todoist, new EventFilter(statusFilter, typeFilter, triggerFilter),
            count, after, ct);
        if (page.Next is { } next)
        {
            var query = QueryString.Create(http.Request.Query
                .Where(q => q.Key != "cursor")
                .SelectMany(q => q.Value.Select(v => new KeyValuePair<string, string?>(q.Key, v)))
                .Append(new("cursor", next.Encode())));
            http.Response.Headers.Link = $"<{http.Request.PathBase}{http.Request.Path}{query}>; rel=\"next\"";
        }
        return TypedResults.Ok(page.Events);
    }

    private const int DefaultVerificationLimit = 50;

    private static async Task<IResult> GetVerificationsAsync(string? limit, VerificationQueries verifications, CancellationToken ct)
    {
        var count = DefaultVerificationLimit;
        if (limit is not null && (!int.TryParse(limit, out count) || count < 1 || count > VerificationQueries.MaxLimit))
        {
            return ApiProblems.BadParameter("limit", $"must be a whole number from 1 to {VerificationQueries.MaxLimit}");
        }
        return TypedResults.Ok(await verifications.ListAsync(ServiceName.Todoist, null, null, count, ct));
    }

    /// <summary>The error report: open failure chains (all with <c>includeResolved=true</c>), grouped by kind, each
    /// with its attempts and the time to its next retry.</summary>
    private static async Task<IResult> GetErrorsAsync(
        string? includeResolved, string? limit, ErrorQueries errors, CancellationToken ct)
    {
        var all = false;
        if (includeResolved is not null && !bool.TryParse(includeResolved, out all))
        {
            return ApiProblems.BadParameter("includeResolved", "must be true or false");
        }
        var count = DefaultErrorLimit;
        if (limit is not null && (!int.TryParse(limit, out count) || count < 1 || count > ErrorQueries.MaxLimit))
        {
            return ApiProblems.BadParameter("limit", $"must be a whole number from 1 to {ErrorQueries.MaxLimit}");
        }
        return TypedResults.Ok(await errors.ReportAsync(ServiceName.Todoist, all, count, ct));
    }

    /// <summary>Rollup rows of one period (<c>hour</c>, <c>day</c> or <c>week</c>), newest first.</summary>
    private static async Task<IResult> GetMetricsAsync(
        string? period, string? limit, MetricQueries metrics, CancellationToken ct)
    {
        MetricPeriod? which = period?.ToLowerInvariant() switch
        {
            null or "hour" => MetricPeriod.Hourly,
            "day" => MetricPeriod.Daily,
            "week" => MetricPeriod.Weekly,
            _ => null,
        };
        if (which is null) return ApiProblems.BadParameter("period", "must be one of hour, day, week");
        if (!TryParseCount(limit, DefaultMetricLimit, MetricQueries.MaxLimit, out var count))
        {
            return BadCount("limit", MetricQueries.MaxLimit);
        }
        return TypedResults.Ok(await metrics.LatestAsync(ServiceName.Todoist, which.Value, count, ct));
    }

    /// <summary>Every hour of the window with its successes, failures and durations, plus manual-trigger markers.</summary>
    private static async Task<IResult> GetTimelineAsync(string? hours, TimelineQueries timeline, CancellationToken ct)
    {
        if (!TryParseCount(hours, DefaultTimelineHours, TimelineQueries.MaxHours, out var count))
        {
            return BadCount("hours", TimelineQueries.MaxHours);
        }
        return TypedResults.Ok(await timeline.GetAsync(ServiceName.Todoist, count, ct));
    }

    /// <summary>Duration statistics and a trend per sync type over the last <c>days</c>.</summary>
    private static async Task<IResult> GetPerformanceAsync(string? days, PerformanceQueries performance, CancellationToken ct)
    {
        if (!TryParseCount(days, DefaultPerformanceDays, PerformanceQueries.MaxDays, out var count))
        {
            return BadCount("days", PerformanceQueries.MaxDays);
        }
        return TypedResults.Ok(await performance.GetAsync(ServiceName.Todoist, count, ct));
    }

    /// <summary>Deliveries beside their syncs, the latest webhook-triggered syncs, missed deliveries and rejections.</summary>
    private static async Task<IResult> GetWebhooksAsync(string? limit, WebhookQueries webhooks, CancellationToken ct)
    {
        if (!TryParseCount(limit, DefaultWebhookLimit, MaxWebhookLimit, out var count))
        {
            return BadCount("limit", MaxWebhookLimit);
        }
        return TypedResults.Ok(await webhooks.GetAsync(ServiceName.Todoist, count, ct));
    }

    private static bool TryParseCount(string? text, int fallback, int max, out int value)
    {
        value = fallback;
        return text is null || (int.TryParse(text, out value) && value >= 1 && value <= max);
    }

    private static IResult BadCount(string parameter, int max) =>
        ApiProblems.BadParameter(parameter, $"must be a whole number from 1 to {max}");

    private static bool TryParseEnum<T>(string? text, out T? value) where T : struct, Enum
    {
        value = null;
        if (text is null) return true;
        // Names only: Enum.TryParse would also take "7" and invent a member.
        if (!Enum.GetNames<T>().Any(n => n.Equals(text, StringComparison.OrdinalIgnoreCase))) return false;
        value = Enum.Parse<T>(text, ignoreCase: true);
        return true;
    }
}
