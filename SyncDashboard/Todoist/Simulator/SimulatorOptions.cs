using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Todoist.Simulator;

public sealed class SimulatorOptions
{
    public const string Section = "Simulator";

    /// <summary>The simulator's own listener. Port 0 picks a free port (tests).</summary>
    [Required, Url]
    public string Url { get; set; } = "http://localhost:5081";

    /// <summary>The only bearer token the simulator accepts; anything else gets 403 AUTH_INVALID_TOKEN.</summary>
    [Required]
    public string Token { get; set; } = "simulator-token";

    /// <summary>Seed of the account generator, so every run starts from the same account.</summary>
    public int Seed { get; set; } = 42;

    [Range(1, 1000)]
    public int Projects { get; set; } = 8;

    [Range(0, 1_000_000)]
    public int Tasks { get; set; } = 400;

    /// <summary>How often the simulated account changes on its own; 0 turns the activity off (tests drive it).</summary>
    [Range(0, 3600)]
    public double ChangeIntervalSeconds { get; set; } = 5;

    [Range(1, 1000)]
    public int ChangesPerTick { get; set; } = 3;

    [Range(1, 100_000)]
    public int FullSyncLimit { get; set; } = 100;

    [Range(1, 100_000)]
    public int IncrementalSyncLimit { get; set; } = 1000;

    [Range(1, 1440)]
    public int LimitWindowMinutes { get; set; } = 15;

    /// <summary>How much older than the request a full sync's <c>full_sync_date_utc</c> says its snapshot is, as
    /// Todoist's does on big accounts; the app then follows up with an incremental sync at once.</summary>
    [Range(0, 86_400)]
    public int SnapshotLagSeconds { get; set; }

    /// <summary>Start with <see cref="Faults"/> in force (the shipped appsettings.json holds a demo profile: a few
    /// 503s and a rare 429, so retries and recoveries show on a fresh dashboard). False starts fault-free; faults can
    /// still be set at run time through <c>/admin/faults</c>.</summary>
    public bool InjectFaults { get; set; } = true;

    public SimulatorFaults Faults { get; set; } = new();

    public SimulatorWebhookOptions Webhooks { get; set; } = new();
}

/// <summary>How the simulator announces its account's changes to the app as Todoist webhooks (demo mode only), and
/// the misbehaviour real webhooks show: late, twice, out of order, or never.</summary>
public sealed class SimulatorWebhookOptions
{
    public bool Enabled { get; set; } = true;

    /// <summary>Where to post; empty means the app's own <c>/webhooks/todoist</c> at the first address it listens on.</summary>
    // Empty passes: it means "the app itself".
    [RegularExpression("^https?://.+$", ErrorMessage = "Simulator:Webhooks:TargetUrl must be an http(s) URL or empty.")]
    public string? TargetUrl { get; set; }

    /// <summary>Share of deliveries never sent.</summary>
    [Range(0.0, 1.0)]
    public double DropRate { get; set; }

    /// <summary>Share of deliveries sent twice with the same delivery id (Todoist's redelivery).</summary>
    [Range(0.0, 1.0)]
    public double DuplicateRate { get; set; }

    /// <summary>Share of deliveries held back by <see cref="DelayMs"/>.</summary>
    [Range(0.0, 1.0)]
    public double DelayRate { get; set; }

    [Range(0, 3_600_000)]
    public int DelayMs { get; set; } = 10_000;

    /// <summary>Share of deliveries held back by up to <see cref="ReorderMs"/>, so later ones overtake them.</summary>
    [Range(0.0, 1.0)]
    public double ReorderRate { get; set; }

    [Range(1, 60_000)]
    public int ReorderMs { get; set; } = 1_500;
}

/// <summary>Faults the simulator injects into <c>/api/v1/sync</c>; also set at run time via <c>/admin/faults</c>.</summary>
public sealed record SimulatorFaults
{
    [Range(0.0, 1.0)]
    public double ErrorRate { get; init; }

    [Range(400, 599)]
    public int ErrorStatus { get; init; } = 503;

    [Range(0, 86_400)]
    public int RetryAfterSeconds { get; init; } = 30;

    /// <summary>Share of calls answered 429 LIMITS_REACHED (with <see cref="RetryAfterSeconds"/>), besides
    /// <see cref="ErrorRate"/>: a demo can show both ordinary errors and a rate limit.</summary>
    [Range(0.0, 1.0)]
    public double RateLimitRate { get; init; }

    [Range(0, 120_000)]
    public int LatencyMs { get; init; }

    [Range(0.0, 1.0)]
    public double TimeoutRate { get; init; }

    [Range(0.0, 1.0)]
    public double MalformedRate { get; init; }
}
