using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Components.Widgets;

/// <summary>Set or clear the built-in simulator's faults (audited through <see cref="SimulatorFaultCommands"/>).
/// Rates are whole percentages here, shares (0–1) in <see cref="SimulatorFaults"/>.</summary>
public sealed partial class SimulatorPanel
{
    private static readonly int[] Statuses = [500, 502, 503, 504, 400, 401, 403, 404, 410];

    private static readonly IReadOnlyList<(string Name, SimulatorFaults Faults)> Presets =
    [
        ("Outage", new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503, RetryAfterSeconds = 0 }),
        ("Flaky", new SimulatorFaults { ErrorRate = 0.3, ErrorStatus = 503, RetryAfterSeconds = 0 }),
        ("Rate limited", new SimulatorFaults { RateLimitRate = 1, RetryAfterSeconds = 10 }),
        ("Bad token", new SimulatorFaults { ErrorRate = 1, ErrorStatus = 403, RetryAfterSeconds = 0 }),
        ("Slow", new SimulatorFaults { LatencyMs = 2000 }),
        ("Drift", new SimulatorFaults { LoseObjects = 2, CorruptObjects = 1 }),
    ];

    [Inject] private SimulatorFaultCommands Commands { get; set; } = default!;
    [Inject] private TodoistSimulator Simulator { get; set; } = default!;
    [Inject] private OperatorAction Operator { get; set; } = default!;

    [CascadingParameter] private Task<AuthenticationState>? AuthState { get; set; }

    private int errorPercent, errorStatus = 503, rateLimitPercent, retryAfterSeconds = 30, latencyMs, timeoutPercent,
        malformedPercent, loseObjects, corruptObjects;

    private SimulatorFaults Current => Simulator.Faults;

    private bool CanApply => RendererInfo.IsInteractive && !Operator.IsRunning;

    protected override void OnInitialized() => Load(Current);

    private void Load(SimulatorFaults faults)
    {
        errorPercent = Percent(faults.ErrorRate);
        errorStatus = faults.ErrorStatus;
        rateLimitPercent = Percent(faults.RateLimitRate);
        retryAfterSeconds = faults.RetryAfterSeconds;
        latencyMs = faults.LatencyMs;
        timeoutPercent = Percent(faults.TimeoutRate);
        malformedPercent = Percent(faults.MalformedRate);
        loseObjects = faults.LoseObjects;
        corruptObjects = faults.CorruptObjects;
    }

    private SimulatorFaults Entered => new()
    {
        ErrorRate = errorPercent / 100.0,
        ErrorStatus = errorStatus,
        RateLimitRate = rateLimitPercent / 100.0,
        RetryAfterSeconds = retryAfterSeconds,
        LatencyMs = latencyMs,
        TimeoutRate = timeoutPercent / 100.0,
        MalformedRate = malformedPercent / 100.0,
        LoseObjects = loseObjects,
        CorruptObjects = corruptObjects,
    };

    private Task ApplyAsync() => SetAsync("Apply faults", Entered);

    private Task ClearAsync() => SetAsync("Clear faults", new SimulatorFaults());

    private Task SetAsync(string name, SimulatorFaults faults) =>
        Operator.RunAsync(name, AuthState, "Simulator faults could not be changed; see the server log.", async actor =>
        {
            var problems = await Commands.SetAsync(faults, actor, CancellationToken.None);
            if (problems.Count > 0)
            {
                return new("Faults not changed: " + string.Join(" ", problems.SelectMany(p => p.Value)), Severity.Warning);
            }
            // The fields then show what is in force (after Clear, zeros); after Apply they already do.
            Load(faults);
            return new($"Simulator faults now: {SimulatorFaultCommands.Describe(faults)}.", Severity.Success);
        });

    private static int Percent(double share) => (int)Math.Round(share * 100);

    private static string StatusText(int status) => status switch
    {
        500 => "500 Internal Server Error",
        502 => "502 Bad Gateway",
        503 => "503 Service Unavailable",
        504 => "504 Gateway Timeout",
        400 => "400 Bad Request (not retried)",
        401 => "401 Unauthorized (not retried)",
        403 => "403 bad token (not retried)",
        404 => "404 Not Found (not retried)",
        410 => "410 Gone (not retried)",
        _ => status.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };
}
