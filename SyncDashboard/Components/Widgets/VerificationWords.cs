using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;

namespace SyncDashboard.Components.Widgets;

/// <summary>A verification in an operator's words: "2 tasks missing, 1 comment changed". Pure.</summary>
public static class VerificationWords
{
    public static string Headline(VerificationStatus status, DateTimeOffset now) => status.Latest switch
    {
        null => "Not verified yet: the next full sync over the mirror verifies it",
        { Outcome: VerificationOutcome.Exact } v => $"Mirror verified exact {DisplayFormat.Ago(v.VerifiedUtc, now)}",
        { Outcome: VerificationOutcome.Drift } v => $"Drift found {DisplayFormat.Ago(v.VerifiedUtc, now)}: {Differences(v.ByType)}",
        { Outcome: VerificationOutcome.Skipped } v => $"Verification skipped {DisplayFormat.Ago(v.VerifiedUtc, now)} (rate-limited)",
        var v => $"Could not verify {DisplayFormat.Ago(v.VerifiedUtc, now)}: Todoist changed between the answers",
    };

    /// <summary>When the mirror was last exact, for anything but a fresh exact verification.</summary>
    public static string? LastExact(VerificationStatus status, DateTimeOffset now) => status switch
    {
        { Latest: null or { Outcome: VerificationOutcome.Exact } } => null,
        { LastExactUtc: { } at } => $"Last verified exact {DisplayFormat.Ago(at, now)}",
        _ => "Never verified exact",
    };

    public static string Differences(IReadOnlyList<DriftByType> byType) => string.Join(", ", byType.SelectMany(t =>
        new[] { (DriftKind.Missing, t.Missing), (DriftKind.Extra, t.Extra), (DriftKind.Changed, t.Changed) }
            .Where(k => k.Item2 > 0)
            .Select(k => $"{DisplayFormat.Count(k.Item2, Noun(t.ResourceType))} {k.Item1.ToString().ToLowerInvariant()}")));

    /// <summary>Todoist's resource type as the dashboard names it elsewhere (tasks, comments).</summary>
    public static string Noun(string resourceType) => resourceType switch
    {
        "items" => "task",
        "notes" => "comment",
        "projects" => "project",
        "sections" => "section",
        "labels" => "label",
        _ => resourceType,
    };
}
