using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Sync;

public sealed class RetryOptions
{
    public const string Section = "Retry";

    /// <summary>Retry failed syncs as Hangfire delayed jobs; off means a failure waits for the next schedule.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>Retries after the first failed attempt of a chain (5 by default).</summary>
    [Range(0, 20)]
    public int MaxRetries { get; set; } = 5;

    /// <summary>The first retry's delay; each next one doubles (by default 1 s, 2 s, 4 s, 8 s, 16 s).</summary>
    [Range(0.1, 3600)]
    public double BaseDelaySeconds { get; set; } = 1;

    [Range(1.0, 10.0)]
    public double Multiplier { get; set; } = 2;

    [Range(1, 86_400)]
    public double MaxDelaySeconds { get; set; } = 300;

    /// <summary>Each delay is spread by up to this share either way, so retries of many nodes do not align.</summary>
    [Range(0.0, 0.9)]
    public double JitterRatio { get; set; } = 0.2;

    /// <summary>How many retries a chain gets, or null when retries are turned off.</summary>
    public int? RetryLimit() => Enabled ? MaxRetries : null;
}
