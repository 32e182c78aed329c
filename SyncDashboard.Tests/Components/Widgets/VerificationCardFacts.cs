using Bunit;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Data;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

public sealed class VerificationCardFacts
{
    private static readonly DateTime Now = DashboardBunit.Now.UtcDateTime;

    private static VerificationRow Row(VerificationOutcome outcome, DateTime at, IReadOnlyList<DriftByType>? byType = null,
        string? note = null) => new(7, at, outcome, byType?.Sum(t => t.Missing) ?? 0, byType?.Sum(t => t.Extra) ?? 0,
        byType?.Sum(t => t.Changed) ?? 0, byType ?? [], 1, 3, note, 42);

    [Fact]
    public void Headline_SaysWhenTheMirrorWasVerifiedExact()
    {
        var status = new VerificationStatus(Row(VerificationOutcome.Exact, Now.AddHours(-3)), Now.AddHours(-3), TimeSpan.FromHours(3));

        Assert.Equal("Mirror verified exact 3 h ago", VerificationWords.Headline(status, DashboardBunit.Now));
        Assert.Null(VerificationWords.LastExact(status, DashboardBunit.Now));
    }

    [Fact]
    public void Headline_CountsTheDriftByTypeAndKind_InWordsAndByNumber()
    {
        DriftByType[] drift =
        [
            new("items", 2, 0, 1, []),
            new("notes", 0, 1, 0, []),
        ];
        var status = new VerificationStatus(Row(VerificationOutcome.Drift, Now.AddMinutes(-5), drift), Now.AddDays(-2), TimeSpan.FromDays(2));

        Assert.Equal("Drift found 5 min ago: 2 tasks missing, 1 task changed, 1 comment extra",
            VerificationWords.Headline(status, DashboardBunit.Now));
        Assert.Equal("Last verified exact 2 d ago", VerificationWords.LastExact(status, DashboardBunit.Now));
    }

    [Fact]
    public void Headline_SaysNotVerifiedYet_AndNeverExact_WhenThereIsNothing()
    {
        Assert.StartsWith("Not verified yet", VerificationWords.Headline(new VerificationStatus(null, null, null), DashboardBunit.Now));
        var notAligned = new VerificationStatus(Row(VerificationOutcome.NotAligned, Now.AddHours(-1)), null, null);
        Assert.StartsWith("Could not verify 1 h ago", VerificationWords.Headline(notAligned, DashboardBunit.Now));
        Assert.Equal("Never verified exact", VerificationWords.LastExact(notAligned, DashboardBunit.Now));
    }

    [Fact]
    public async Task Card_ListsTheDriftExamples_WithTheirNamesEncoded()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = DashboardBunit.CreateOperator(database: database, policies: SyncDashboard.Access.AccessPolicies.View);
        DriftByType[] drift = [new("items", 1, 0, 0, [new DriftExample(DriftKind.Missing, "6X7rM8997g3RQmvh", "<script>alert(1)</script>")])];
        var status = new VerificationStatus(Row(VerificationOutcome.Drift, Now.AddMinutes(-1), drift), null, null);

        var card = context.Render<VerificationCard>(p => p.Add(c => c.Status, status).Add(c => c.Now, DashboardBunit.Now));

        Assert.Equal("Drift", card.Find("[data-testid=verification]").GetAttribute("data-outcome"));
        var example = card.Find("[data-testid=drift-examples] tbody tr");
        Assert.Contains("6X7rM8997g3RQmvh", example.TextContent);
        Assert.Contains("missing", example.TextContent);
        Assert.Contains("&lt;script&gt;", example.InnerHtml);
        Assert.Empty(card.FindAll("[data-testid=verify-now]")); // a viewer, not an operator
    }

    [Fact]
    public async Task VerifyNow_QueuesAFullSync_AndSaysWhichJob()
    {
        await using var database = await TestDatabase.CreateAsync();
        await using var context = DashboardBunit.CreateOperator(database: database);
        var card = context.Render<VerificationCard>(p => p
            .Add(c => c.Status, new VerificationStatus(null, null, null)).Add(c => c.Now, DashboardBunit.Now));

        await card.Find("[data-testid=verify-now]").ClickAsync(new());

        var job = Assert.Single(context.Services.GetRequiredService<JobStorage>().GetMonitoringApi().EnqueuedJobs("default", 0, 10));
        Assert.Contains("Full", string.Join(",", job.Value.Job.Args));
        var shown = Assert.Single(context.Services.GetRequiredService<ISnackbar>().ShownSnackbars);
        Assert.Equal(($"Verification queued: a full sync (job {job.Key}) compares the mirror first.", Severity.Success),
            (shown.Message, shown.Severity));
    }
}
