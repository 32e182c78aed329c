using System.Globalization;
using SyncDashboard.Access;
using SyncDashboard.Data;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>The dashboard's Simulator panel: set or clear the faults the built-in simulator injects, audited as
/// <see cref="AuditAction.FaultInjection"/>. Demo mode only: with a real Todoist token there is nothing to inject into.</summary>
public sealed class SimulatorFaultCommands(TodoistSimulator simulator, TodoistTargetResolver target, AuditLog audit)
{
    public bool IsAvailable => target.IsDemoMode;

    /// <returns>The problems by JSON field name (nothing changed), or an empty dictionary when the faults are in force.</returns>
    public async Task<IReadOnlyDictionary<string, string[]>> SetAsync(SimulatorFaults faults, string actor, CancellationToken ct)
    {
        if (!IsAvailable) throw new InvalidOperationException("The simulator is off: a real Todoist token is configured.");
        var problems = SimulatorFaultsValidation.Validate(faults);
        if (problems.Count > 0) return problems;
        simulator.Faults = faults;
        await audit.RecordAsync(AuditAction.FaultInjection, actor, Describe(faults), ct);
        return problems;
    }

    /// <summary>The faults in words, for the audit entry and the panel: "error rate 50% (503), latency 200 ms".</summary>
    public static string Describe(SimulatorFaults faults)
    {
        var parts = new List<string>();
        if (faults.ErrorRate > 0) parts.Add($"error rate {Percent(faults.ErrorRate)} ({faults.ErrorStatus})");
        if (faults.RateLimitRate > 0)
        {
            parts.Add($"429 rate {Percent(faults.RateLimitRate)} (retry-after {faults.RetryAfterSeconds} s)");
        }
        if (faults.LatencyMs > 0) parts.Add($"latency {faults.LatencyMs} ms");
        if (faults.TimeoutRate > 0) parts.Add($"timeouts {Percent(faults.TimeoutRate)}");
        if (faults.MalformedRate > 0) parts.Add($"malformed replies {Percent(faults.MalformedRate)}");
        if (faults.LoseObjects > 0) parts.Add($"lose {Objects(faults.LoseObjects)}");
        if (faults.CorruptObjects > 0) parts.Add($"corrupt {Objects(faults.CorruptObjects)}");
        return parts.Count == 0 ? "no faults" : string.Join(", ", parts);
    }

    private static string Objects(int count) => count == 1 ? "1 object" : $"{count} objects";

    private static string Percent(double rate) => (rate * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";
}
