using System.ComponentModel.DataAnnotations;

namespace SyncDashboard.Todoist.Simulator;

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
