using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Configuration;
using SyncDashboard.Data;
using SyncDashboard.Health;
using SyncDashboard.Monitoring.Queries;
using SyncDashboard.Sync;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Sync.Verification;

/// <summary>Verification at full sync, end to end: the real app over SQLite and over PostgreSQL, real HTTP to the
/// simulator, drift injected by the simulator's faults or by editing the mirror's rows.</summary>
public sealed class MirrorVerificationFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory, BothProviders]
    public async Task FullSync_OverAnExactMirror_RecordsExact_AtTheCostOfThreeIncrementalCalls(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = NewApp(database);
        await app.StartAsync();
        await SucceedAsync(app, SyncType.Full);
        for (var round = 0; round < 3; round++)
        {
            app.Simulator.ApplyRandomChanges(40);
            await SucceedAsync(app, SyncType.Incremental);
        }
        var callsBefore = app.Simulator.Counters;

        await SucceedAsync(app, SyncType.Full);

        var verification = await LatestAsync(app);
        Assert.Equal(VerificationOutcome.Exact, verification.Outcome);
        Assert.Empty(verification.ByType);
        Assert.Equal((0, 0, 0), (verification.Missing, verification.Extra, verification.Changed));
        Assert.Equal(1, verification.AlignAttempts);
        Assert.Equal(3, verification.ExtraCalls);
        var calls = app.Simulator.Counters;
        Assert.Equal(1, calls.FullSyncs - callsBefore.FullSyncs);
        Assert.Equal(3, calls.IncrementalSyncs - callsBefore.IncrementalSyncs);
        Assert.DoesNotContain(await AlertCodesAsync(app), c => c == AlertCodes.DataDrift);
    }

    /// <summary>No false alarm: a long random run of every kind of change (creations, edits, completions, reopenings,
    /// archivings, deletions of every type) with full syncs at random points finds the mirror exact every time.</summary>
    [Theory, BothProviders]
    public async Task ManyRandomRounds_EveryVerificationFindsTheMirrorExact(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = NewApp(database);
        await app.StartAsync();
        var random = new Random(20261207);
        await SucceedAsync(app, SyncType.Full);
        for (var round = 0; round < 30; round++)
        {
            app.Simulator.ApplyRandomChanges(random.Next(1, 80));
            await SucceedAsync(app, random.Next(4) == 0 ? SyncType.Full : SyncType.Incremental);
        }
        await SucceedAsync(app, SyncType.Full);

        await using var db = await app.CreateDbAsync();
        var verifications = await db.MirrorVerifications.AsNoTracking().ToListAsync(Ct);
        Assert.True(verifications.Count >= 2, $"Only {verifications.Count} verifications were made.");
        Assert.All(verifications, v => Assert.True(v.Outcome == VerificationOutcome.Exact,
            $"Verification #{v.Id}: {v.Outcome} {v.Note} {string.Join("; ", v.ByType.SelectMany(t => t.Examples.Select(e => $"{e.Kind} {t.ResourceType} {e.Id} {e.Name}")))}"));
    }

    [Theory, BothProviders]
    public async Task FullSync_ReportsExactlyTheObjectsTheSimulatorLostOrCorrupted_AndDataDriftLastsUntilAnExactOne(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = NewApp(database);
        await app.StartAsync();
        await SucceedAsync(app, SyncType.Full);
        app.Simulator.Faults = new SimulatorFaults { LoseObjects = 3, CorruptObjects = 2 };
        var mirroredBefore = new HashSet<string>();
        for (var round = 0; round < 10 && app.Simulator.InjectedDrift.Count < 5; round++)
        {
            app.Simulator.ApplyRandomChanges(30);
            mirroredBefore.UnionWith(await MirroredIdsAsync(app));
            await SucceedAsync(app, SyncType.Incremental);
        }
        var injected = app.Simulator.InjectedDrift;
        Assert.Equal(5, injected.Count);
        // A tampered answer is a fault injected, not a served sync: the counters still add up to the calls.
        var counters = app.Simulator.Counters;
        Assert.True(counters.FaultsInjected >= 1);
        Assert.Equal(counters.SyncCalls, counters.FullSyncs + counters.IncrementalSyncs + counters.Refused + counters.FaultsInjected);

        await SucceedAsync(app, SyncType.Full);

        var verification = await LatestAsync(app);
        Assert.Equal(VerificationOutcome.Drift, verification.Outcome);
        var found = verification.ByType.SelectMany(t => t.Examples.Select(e => (t.ResourceType, e.Id, e.Kind))).ToList();
        // A lost object the mirror never held is missing; one it held in an older version, or corrupted, is changed.
        var expected = injected.Select(d => (d.ResourceType, d.Id,
            !d.Corrupted && !mirroredBefore.Contains(d.Id) ? DriftKind.Missing : DriftKind.Changed)).ToList();
        Assert.Equal(expected.Order(), found.Order());
        Assert.Equal(expected.Count(e => e.Item3 == DriftKind.Missing), verification.Missing);
        Assert.Equal(expected.Count(e => e.Item3 == DriftKind.Changed), verification.Changed);
        Assert.Equal(0, verification.Extra);
        await using (var db = await app.CreateDbAsync()) await MirrorAssert.EqualsAccountAsync(db, app.Simulator);
        Assert.Contains(AlertCodes.DataDrift, await AlertCodesAsync(app));

        await SucceedAsync(app, SyncType.Full);

        Assert.Equal(VerificationOutcome.Exact, (await LatestAsync(app)).Outcome);
        Assert.DoesNotContain(AlertCodes.DataDrift, await AlertCodesAsync(app));
    }

    [Theory, BothProviders]
    public async Task FullSync_ReportsAHandEditedRowChanged_ADeletedOneMissing_AndAnInsertedOneExtra(TestProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        await using var app = NewApp(database);
        await app.StartAsync();
        await SucceedAsync(app, SyncType.Full);
        string edited, deleted;
        await using (var db = await app.CreateDbAsync())
        {
            var task = await db.Items.Where(i => !i.Checked).OrderBy(i => i.Id).FirstAsync(Ct);
            edited = task.Id;
            task.Content += " (edited by hand)";
            var label = await db.Labels.OrderBy(l => l.Id).FirstAsync(Ct);
            deleted = label.Id;
            db.Labels.Remove(label);
            db.Items.Add(new TodoistItem { Id = "inserted-by-hand", Content = "Not in Todoist", ProjectId = task.ProjectId });
            await db.SaveChangesAsync(Ct);
        }

        await SucceedAsync(app, SyncType.Full);

        var verification = await LatestAsync(app);
        Assert.Equal(VerificationOutcome.Drift, verification.Outcome);
        Assert.Equal((1, 1, 1), (verification.Missing, verification.Extra, verification.Changed));
        var items = Assert.Single(verification.ByType, t => t.ResourceType == "items");
        Assert.Equal((0, 1, 1), (items.Missing, items.Extra, items.Changed));
        Assert.Contains(items.Examples, e => e is { Kind: DriftKind.Changed } && e.Id == edited && e.Name!.EndsWith("(edited by hand)"));
        Assert.Contains(items.Examples, e => e is { Kind: DriftKind.Extra, Id: "inserted-by-hand", Name: "Not in Todoist" });
        var labels = Assert.Single(verification.ByType, t => t.ResourceType == "labels");
        Assert.Equal(new DriftExample(DriftKind.Missing, deleted, labels.Examples[0].Name), Assert.Single(labels.Examples));
        Assert.NotNull(labels.Examples[0].Name); // the snapshot's name, the mirror having none
        Assert.Equal(2, verification.ByType.Count);
        var alert = Assert.Single((await HealthAsync(app)).Alerts, a => a.Code == AlertCodes.DataDrift);
        Assert.Equal(AlertSeverity.Critical, alert.Severity);
    }

    [Fact]
    public async Task FullSync_WhenTodoistKeepsChanging_RecordsNotAligned_ComparesNothing_AndStillSucceeds()
    {
        await using var app = new ChangingApp();
        await app.StartAsync();
        await SucceedAsync(app, SyncType.Full);
        await using (var db = await app.CreateDbAsync())
        {
            // Drift that must not be reported: nothing is compared while the answers cannot be lined up.
            var task = await db.Items.Where(i => !i.Checked).OrderBy(i => i.Id).FirstAsync(Ct);
            task.Content += " (edited by hand)";
            await db.SaveChangesAsync(Ct);
        }

        app.ChangeAfterEveryCall = true;
        await SucceedAsync(app, SyncType.Full);

        var verification = await LatestAsync(app);
        Assert.Equal(VerificationOutcome.NotAligned, verification.Outcome);
        Assert.Equal(3, verification.AlignAttempts);
        Assert.Empty(verification.ByType);
        Assert.Contains("could not be lined up", verification.Note);
        Assert.DoesNotContain(AlertCodes.DataDrift, await AlertCodesAsync(app));
    }

    [Fact]
    public async Task FullSync_WhileIncrementalCallsAreRateLimited_SkipsTheVerification_AndSaysSo()
    {
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            // The first full sync and one incremental use the quota up; the full sync's own limit is separate.
            ["Simulator:IncrementalSyncLimit"] = "1",
        });
        await app.StartAsync();
        await SucceedAsync(app, SyncType.Full);
        await SucceedAsync(app, SyncType.Incremental);

        await SucceedAsync(app, SyncType.Full);

        var verification = await LatestAsync(app);
        Assert.Equal(VerificationOutcome.Skipped, verification.Outcome);
        Assert.Contains("rate-limiting", verification.Note);
        Assert.Equal(0, verification.AlignAttempts);
    }

    private static TestApp NewApp(TestDatabase database) => new(new Dictionary<string, string?>(database.AppSettings())
    {
        ["Verification:ExamplesPerKind"] = "20",
    });

    private static async Task SucceedAsync(TestApp app, SyncType type)
    {
        var outcome = await app.SyncAsync(type);
        Assert.True(outcome.Kind == SyncOutcomeKind.Succeeded, $"The {type} sync ended {outcome.Kind}: {outcome.Failure?.Message}");
    }

    private static async Task<MirrorVerification> LatestAsync(TestApp app)
    {
        await using var db = await app.CreateDbAsync();
        return await db.MirrorVerifications.AsNoTracking().OrderByDescending(v => v.Id).FirstAsync(Ct);
    }

    private static async Task<HashSet<string>> MirroredIdsAsync(TestApp app)
    {
        await using var db = await app.CreateDbAsync();
        var ids = new HashSet<string>();
        ids.UnionWith(await db.Items.Select(r => r.Id).ToListAsync(Ct));
        ids.UnionWith(await db.Projects.Select(r => r.Id).ToListAsync(Ct));
        ids.UnionWith(await db.Sections.Select(r => r.Id).ToListAsync(Ct));
        ids.UnionWith(await db.Labels.Select(r => r.Id).ToListAsync(Ct));
        ids.UnionWith(await db.Notes.Select(r => r.Id).ToListAsync(Ct));
        return ids;
    }

    private static Task<ServiceHealth> HealthAsync(TestApp app) => app.Get<HealthQueries>().GetAsync(ServiceName.Todoist, Ct);

    private static async Task<List<string>> AlertCodesAsync(TestApp app) =>
        (await HealthAsync(app)).Alerts.Select(a => a.Code).ToList();

    /// <summary>The app with a Todoist that changes after every answer, as a busy account does.</summary>
    private sealed class ChangingApp : TestApp
    {
        public volatile bool ChangeAfterEveryCall;

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddHttpClient<TodoistClient>().AddHttpMessageHandler(sp => new ChangeAfterAnswer(this));

        private sealed class ChangeAfterAnswer(ChangingApp app) : DelegatingHandler
        {
            protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
            {
                var response = await base.SendAsync(request, ct);
                if (app.ChangeAfterEveryCall) app.Simulator.ApplyRandomChanges(1);
                return response;
            }
        }
    }
}
