using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Sync;

public sealed class SyncOptions
{
    public const string Section = "Sync";

    /// <summary>Cron of the recurring incremental sync (five or six fields; six include seconds).</summary>
    [Required]
    public string IncrementalCron { get; set; } = "*/5 * * * *";

    /// <summary>Used instead of <see cref="IncrementalCron"/> in demo mode, so a fresh dashboard is lively at once.</summary>
    [Required]
    public string DemoIncrementalCron { get; set; } = "*/30 * * * * *";

    /// <summary>The incremental cron in effect: the schedule registers it and health judges staleness by it.</summary>
    public string IncrementalCronFor(bool demoMode) => demoMode ? DemoIncrementalCron : IncrementalCron;

    /// <summary>Cron of the recurring full sync.</summary>
    [Required]
    public string FullCron { get; set; } = "0 3 * * *";

    /// <summary>The longest a run may hold the lease; a run still <c>Started</c> after this is closed as abandoned.</summary>
    [Range(10, 3600)]
    public int RunTimeoutSeconds { get; set; } = 120;

    /// <summary>Run one incremental sync as soon as the app starts.</summary>
    public bool SyncOnStartup { get; set; } = true;

    /// <summary>Hangfire workers in this node. Sync runs are serialised by the lease anyway.</summary>
    [Range(1, 64)]
    public int WorkerCount { get; set; } = 4;

    public TimeSpan RunTimeout => TimeSpan.FromSeconds(RunTimeoutSeconds);
}
