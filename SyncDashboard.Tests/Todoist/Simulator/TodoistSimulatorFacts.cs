using System.Text.Json;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SyncDashboard.Todoist.Simulator;
using SyncDashboard.Todoist.Wire;
using Xunit;

namespace SyncDashboard.Tests.Todoist.Simulator;

/// <summary>The account and the sync semantics, without HTTP.</summary>
public sealed class TodoistSimulatorFacts
{
    private const string Token = SimulatorHarness.Token;

    private static TodoistSimulator NewSimulator(Action<SimulatorOptions>? configure = null, FakeTimeProvider? time = null)
    {
        var options = new SimulatorOptions { Tasks = 300, ChangeIntervalSeconds = 0 };
        configure?.Invoke(options);
        return new TodoistSimulator(Options.Create(options), time ?? new FakeTimeProvider(SimulatorHarness.Start));
    }

    private static SyncResponse Ok(SimulatorReply reply)
    {
        Assert.True(reply.StatusCode == 200, $"{reply.StatusCode}: {reply.Error?.Error}");
        return reply.Response!;
    }

    private static string Json<T>(T value) => JsonSerializer.Serialize(value, TodoistJson.Options);

    [Fact]
    public void Snapshot_IsIdentical_WhenSeedIsTheSame()
    {
        var a = NewSimulator(o => o.Seed = 7);
        var b = NewSimulator(o => o.Seed = 7);
        a.ApplyRandomChanges(50);
        b.ApplyRandomChanges(50);

        Assert.Equal(Json(a.Snapshot()), Json(b.Snapshot()));
    }

    [Fact]
    public void Snapshot_Differs_WhenSeedDiffers()
    {
        Assert.NotEqual(Json(NewSimulator(o => o.Seed = 1).Snapshot()), Json(NewSimulator(o => o.Seed = 2).Snapshot()));
    }

    [Fact]
    public void Account_LooksLikeARealTodoistAccount()
    {
        var snapshot = NewSimulator(o => { o.Projects = 8; o.Tasks = 400; }).Snapshot();

        var inbox = Assert.Single(snapshot.Projects, p => p.InboxProject);
        Assert.Equal("Inbox", inbox.Name);
        Assert.Equal(9, snapshot.Projects.Count);
        Assert.Contains(snapshot.Projects, p => p.ParentId is not null);
        Assert.Equal(10, snapshot.Labels.Count);
        Assert.Equal(400, snapshot.Items.Count);
        Assert.NotEmpty(snapshot.Sections);
        Assert.Contains(snapshot.Items, i => i.SectionId is not null);
        Assert.Contains(snapshot.Items, i => i.ParentId is not null);
        Assert.Contains(snapshot.Items, i => i.Due is { IsRecurring: true });
        Assert.Contains(snapshot.Items, i => i.Due is { IsRecurring: false });
        Assert.Contains(snapshot.Items, i => i.Labels is { Count: > 0 });
        Assert.Contains(snapshot.Items, i => i.Description.Length > 0);
        Assert.Equal([1, 2, 3, 4], snapshot.Items.Select(i => i.Priority).Distinct().Order());
        Assert.NotEmpty(snapshot.Notes);

        var allIds = snapshot.Items.Select(i => i.Id).Concat(snapshot.Projects.Select(p => p.Id))
            .Concat(snapshot.Sections.Select(s => s.Id)).Concat(snapshot.Labels.Select(l => l.Id)).Concat(snapshot.Notes.Select(n => n.Id));
        Assert.All(allIds, id => Assert.Matches("^[0-9A-Za-z]{16}$", id));
    }

    [Fact]
    public void Account_KeepsNoteCountAndReferencesConsistent_AfterManyChanges()
    {
        var simulator = NewSimulator();
        simulator.ApplyRandomChanges(500);
        var snapshot = simulator.Snapshot();

        var notesPerItem = snapshot.Notes.GroupBy(n => n.ItemId!).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(snapshot.Items, i => Assert.Equal(notesPerItem.GetValueOrDefault(i.Id), i.NoteCount));

        var itemIds = snapshot.Items.Select(i => i.Id).ToHashSet();
        var projectIds = snapshot.Projects.Select(p => p.Id).ToHashSet();
        var sectionIds = snapshot.Sections.Select(s => s.Id).ToHashSet();
        var labelNames = snapshot.Labels.Select(l => l.Name).ToHashSet();
        Assert.All(snapshot.Items, i =>
        {
            Assert.Contains(i.ProjectId!, projectIds);
            if (i.SectionId is not null) Assert.Contains(i.SectionId, sectionIds);
            if (i.ParentId is not null) Assert.Contains(i.ParentId, itemIds);
            Assert.All(i.Labels ?? [], l => Assert.Contains(l, labelNames));
        });
        Assert.All(snapshot.Sections, s => Assert.Contains(s.ProjectId!, projectIds));
        Assert.All(snapshot.Notes, n => Assert.Contains(n.ItemId!, itemIds));
        Assert.Contains(snapshot.Items, i => i is { Checked: true, CompletedAt: not null });
    }

    [Fact]
    public void Sync_ReturnsOnlyActiveObjects_WhenFullSync()
    {
        var simulator = NewSimulator();
        simulator.ApplyRandomChanges(300);

        var response = Ok(simulator.Sync(Token, "*", ["all"]));

        Assert.True(response.FullSync);
        Assert.Equal(SimulatorHarness.Start.UtcDateTime, response.FullSyncDateUtc);
        Assert.Null(response.SyncStatus);
        Assert.All(response.Items!, i => Assert.False(i.Checked || i.IsDeleted));
        Assert.All(response.Projects!, p => Assert.False(p.IsDeleted || p.IsArchived));
        Assert.All(response.Sections!, s => Assert.False(s.IsDeleted || s.IsArchived));
        Assert.All(response.Labels!, l => Assert.False(l.IsDeleted));
        Assert.All(response.Notes!, n => Assert.False(n.IsDeleted));
        var snapshot = simulator.Snapshot();
        Assert.Equal(snapshot.Items.Count(i => !i.Checked), response.Items!.Count);
        Assert.Equal(snapshot.Projects.Count, response.Projects!.Count);
        Assert.Equal(snapshot.Labels.Count, response.Labels!.Count);
    }

    [Fact]
    public void Sync_ReturnsOnlyChanges_WhenTokenIsKnown()
    {
        var time = new FakeTimeProvider(SimulatorHarness.Start);
        var simulator = NewSimulator(time: time);
        var full = Ok(simulator.Sync(Token, "*", ["all"]));
        var before = full.Items!.ToDictionary(i => i.Id);
        time.Advance(TimeSpan.FromMinutes(1));

        simulator.ApplyRandomChanges(40);
        var changes = Ok(simulator.Sync(Token, full.SyncToken!, ["all"]));

        Assert.False(changes.FullSync);
        Assert.Null(changes.FullSyncDateUtc);
        Assert.NotEqual(full.SyncToken, changes.SyncToken);
        Assert.InRange(changes.ObjectCount, 1, 200);
        // Every task that came back is new or different, and was touched after the first sync.
        Assert.All(changes.Items!, i =>
        {
            Assert.True(!before.TryGetValue(i.Id, out var old) || Json(old) != Json(i));
            Assert.Equal(time.GetUtcNow().UtcDateTime, i.UpdatedAt);
        });
        Assert.Contains(changes.Items!, i => i is { Checked: true, CompletedAt: not null, IsDeleted: false });
        Assert.Contains(changes.Items!, i => i.IsDeleted);
        Assert.Contains(changes.Items!, i => !before.ContainsKey(i.Id));
    }

    [Fact]
    public void Sync_ReturnsEmptyArrays_WhenNothingChanged()
    {
        var simulator = NewSimulator();
        var full = Ok(simulator.Sync(Token, "*", ["all"]));

        var changes = Ok(simulator.Sync(Token, full.SyncToken!, ["all"]));

        Assert.Equal(0, changes.ObjectCount);
        Assert.NotNull(changes.Items);
        Assert.NotNull(changes.Notes);
    }

    [Fact]
    public void Sync_ReturnsTheSameChanges_WhenATokenIsReused()
    {
        var simulator = NewSimulator();
        var full = Ok(simulator.Sync(Token, "*", ["all"]));
        simulator.ApplyRandomChanges(10);

        var first = Ok(simulator.Sync(Token, full.SyncToken!, ["all"]));
        var second = Ok(simulator.Sync(Token, full.SyncToken!, ["all"]));

        Assert.Equal(Json(first with { SyncToken = null }), Json(second with { SyncToken = null }));
    }

    [Fact]
    public void Sync_ReturnsOnlyRequestedTypes_WhenResourceTypesAreFiltered()
    {
        var simulator = NewSimulator();

        var itemsOnly = Ok(simulator.Sync(Token, "*", ["items", "-reminders"]));
        var allButProjects = Ok(simulator.Sync(Token, "*", ["all", "-projects"]));
        var excludedFirst = Ok(simulator.Sync(Token, "*", ["-notes", "all"]));
        var none = Ok(simulator.Sync(Token, "*", null));

        Assert.NotNull(itemsOnly.Items);
        Assert.True(itemsOnly is { Projects: null, Sections: null, Labels: null, Notes: null });
        Assert.Null(allButProjects.Projects);
        Assert.True(allButProjects is { Items: not null, Sections: not null, Labels: not null, Notes: not null });
        Assert.Null(excludedFirst.Notes);
        Assert.NotNull(excludedFirst.Projects);
        Assert.Equal(0, none.ObjectCount);
        Assert.NotNull(none.SyncToken);
    }

    [Fact]
    public void Sync_Returns400WithoutUsingTheLimit_WhenAResourceTypeIsNotModelled()
    {
        var simulator = NewSimulator(o => o.FullSyncLimit = 1);

        var refused = simulator.Sync(Token, "*", ["items", "user", "-reminders"]);
        var allowed = simulator.Sync(Token, "*", ["items"]);

        Assert.Equal((400, "INVALID_ARGUMENT_VALUE"), (refused.StatusCode, refused.Error!.ErrorTag));
        Assert.Equal("resource_types", refused.Error.ErrorExtra["argument"]);
        Assert.Contains("user", (string)refused.Error.ErrorExtra["explanation"]);
        Assert.DoesNotContain("reminders", (string)refused.Error.ErrorExtra["explanation"]);
        Assert.Equal(200, allowed.StatusCode);
    }

    [Fact]
    public void Sync_RefusesEachCommandInSyncStatus_AndStillServesTheRead()
    {
        var simulator = NewSimulator();
        var before = Json(simulator.Snapshot());

        var response = Ok(simulator.Sync(Token, "*", ["labels"],
            [new SyncCommand("item_add", "c1"), new SyncCommand("project_add", "c2"), new SyncCommand("item_add", "c1")]));

        Assert.Equal(["c1", "c2"], response.SyncStatus!.Keys.Order());
        Assert.All(response.SyncStatus.Values, status =>
        {
            var error = Assert.IsType<SimulatorErrorBody>(status);
            Assert.Equal((400, "INVALID_ARGUMENT_VALUE"), (error.HttpCode, error.ErrorTag));
        });
        Assert.Contains("project_add", (string)((SimulatorErrorBody)response.SyncStatus["c2"]).ErrorExtra["explanation"]);
        Assert.Empty(response.TempIdMapping!);
        Assert.NotEmpty(response.Labels!);
        Assert.Equal(before, Json(simulator.Snapshot()));
    }

    [Fact]
    public void Sync_AnswersACommandsOnlyCall_WithATokenAndNothingElse()
    {
        var simulator = NewSimulator();

        var response = Ok(simulator.Sync(Token, null, null, [new SyncCommand("item_add", "c1")]));

        Assert.True(response.FullSync);
        Assert.NotNull(response.SyncToken);
        Assert.Equal(0, response.ObjectCount);
        Assert.True(response is { Items: null, Projects: null, Sections: null, Labels: null, Notes: null });
        Assert.Single(response.SyncStatus!);
    }

    [Fact]
    public void Sync_LeavesOutSyncStatus_WhenNoCommandsWereSent()
    {
        var response = Ok(NewSimulator().Sync(Token, "*", ["labels"]));

        Assert.True(response is { SyncStatus: null, TempIdMapping: null });
        Assert.DoesNotContain("sync_status", Json(response));
    }

    [Fact]
    public void Account_NamesWhoCompletedATask_UntilItIsReopened()
    {
        var simulator = NewSimulator();
        simulator.ApplyRandomChanges(300);

        var items = simulator.Snapshot().Items;

        Assert.Contains(items, i => i.Checked);
        Assert.All(items, i => Assert.Equal(i.Checked ? simulator.UserId : null, i.CompletedByUid));
    }

    [Fact]
    public void Sync_IssuesOpaqueTokens()
    {
        var simulator = NewSimulator();

        var tokens = Enumerable.Range(0, 5).Select(_ => Ok(simulator.Sync(Token, "*", ["labels"])).SyncToken!).ToList();

        Assert.Equal(5, tokens.Distinct().Count());
        Assert.All(tokens, t =>
        {
            Assert.True(t.Length >= 20);
            Assert.False(long.TryParse(t, out _));
        });
    }

    [Fact]
    public void Sync_Returns400NamingTheSyncToken_WhenTokenWasNeverIssued()
    {
        var reply = NewSimulator().Sync(Token, "not-a-token", ["all"]);

        Assert.Equal(400, reply.StatusCode);
        Assert.Contains("sync token", reply.Error!.Error, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("INVALID_SYNC_TOKEN", reply.Error.ErrorTag);
    }

    [Fact]
    public void Sync_Returns403Or401_WhenTheBearerTokenIsWrongOrMissing()
    {
        var simulator = NewSimulator();

        var wrong = simulator.Sync("nope", "*", ["all"]);
        var missing = simulator.Sync(null, "*", ["all"]);

        Assert.Equal((403, "AUTH_INVALID_TOKEN", 401), (wrong.StatusCode, wrong.Error!.ErrorTag, wrong.Error.ErrorCode));
        Assert.Equal(401, missing.StatusCode);
    }

    [Fact]
    public void Sync_Returns429UntilTheOldestCallLeavesTheWindow_WhenFullSyncLimitIsReached()
    {
        var time = new FakeTimeProvider(SimulatorHarness.Start);
        var simulator = NewSimulator(o => { o.FullSyncLimit = 2; o.LimitWindowMinutes = 15; }, time);
        Ok(simulator.Sync(Token, "*", ["labels"]));
        time.Advance(TimeSpan.FromMinutes(5));
        Ok(simulator.Sync(Token, "*", ["labels"]));

        var refused = simulator.Sync(Token, "*", ["labels"]);
        time.Advance(TimeSpan.FromMinutes(10));
        var allowed = simulator.Sync(Token, "*", ["labels"]);

        Assert.Equal(429, refused.StatusCode);
        Assert.Equal(("LIMITS_REACHED", 35), (refused.Error!.ErrorTag, refused.Error.ErrorCode));
        Assert.Equal(600, refused.RetryAfterSeconds);
        Assert.Equal(200, allowed.StatusCode);
    }

    [Fact]
    public void Sync_CountsIncrementalSyncsSeparately_WhenIncrementalLimitIsReached()
    {
        var time = new FakeTimeProvider(SimulatorHarness.Start);
        var simulator = NewSimulator(o => { o.IncrementalSyncLimit = 2; o.FullSyncLimit = 5; }, time);
        var token = Ok(simulator.Sync(Token, "*", ["labels"])).SyncToken!;
        Ok(simulator.Sync(Token, token, ["labels"]));
        Ok(simulator.Sync(Token, token, ["labels"]));

        var refused = simulator.Sync(Token, token, ["labels"]);
        var fullStillAllowed = simulator.Sync(Token, "*", ["labels"]);
        time.Advance(TimeSpan.FromMinutes(15));
        var allowed = simulator.Sync(Token, token, ["labels"]);

        Assert.Equal((429, 900), (refused.StatusCode, refused.RetryAfterSeconds));
        Assert.Equal(200, fullStillAllowed.StatusCode);
        Assert.Equal(200, allowed.StatusCode);
    }

    [Fact]
    public void NextFault_PlansNothing_WhenFaultsAreOff()
    {
        var plan = NewSimulator().NextFault();

        Assert.Equal(new SimulatorFaultPlan(TimeSpan.Zero, SimulatorFaultKind.None, null), plan);
    }

    [Fact]
    public void Faults_Throws_WhenARateIsOutOfRange()
    {
        var simulator = NewSimulator();

        Assert.Throws<ArgumentException>(() => simulator.Faults = new SimulatorFaults { ErrorRate = 2 });
    }
}
