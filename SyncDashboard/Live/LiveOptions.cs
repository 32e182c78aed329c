using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Live;

/// <summary>How pages stay live when another node writes to the same database.</summary>
public sealed class LiveOptions
{
    public const string Section = "Live";

    /// <summary>How often the watermark poller looks for commits this process did not announce; 0 turns it off
    /// (fine for a single node, where every commit is announced in-process).</summary>
    [Range(0, 60_000)]
    public int PollIntervalMs { get; set; } = 250;
}
