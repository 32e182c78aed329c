using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Todoist.Simulator;

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

    /// <summary>Active objects the next incremental answers leave out (counted down as they are lost): the mirror
    /// never learns of them, which the next full sync's verification must report.</summary>
    [Range(0, 10_000)]
    public int LoseObjects { get; init; }

    /// <summary>Active objects the next incremental answers send with altered content (their name or text).</summary>
    [Range(0, 10_000)]
    public int CorruptObjects { get; init; }
}
