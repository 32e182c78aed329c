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
