using System.Text.Json;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using SyncDashboard.Data;
using SyncDashboard.Todoist;
using SyncDashboard.Todoist.Simulator;
using SyncDashboard.Todoist.Wire;
using Xunit;

namespace SyncDashboard.Tests.Todoist.Simulator;

/// <summary>The app's own <see cref="TodoistClient"/> against the simulator, end to end over HTTP.</summary>
public sealed class SimulatorClientFacts
{
    private static TodoistClient ClientFor(SimulatorHarness sim, HttpClient http)
    {
        var todoist = Options.Create(new TodoistOptions { ApiToken = "", RequestTimeoutSeconds = 5 });
        var targets = new TodoistTargetResolver(todoist, Options.Create(sim.Options), sim.Endpoint);
        return new TodoistClient(http, targets, todoist, TimeProvider.System, NullLogger<TodoistClient>.Instance);
    }

    [Fact]
    public async Task Client_MirrorsTheAccount_WhenFullThenIncrementalSync()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        using var http = new HttpClient();
        var client = ClientFor(sim, http);
        var ct = TestContext.Current.CancellationToken;
        var mirror = new Mirror();

        var full = await client.SyncAsync(TodoistClient.FullSyncToken, ct);
        mirror.Apply(full);
        sim.Simulator.ApplyRandomChanges(80);
        var changes = await client.SyncAsync(full.SyncToken!, ct);
        mirror.Apply(changes);

        Assert.True(full.FullSync);
        Assert.False(changes.FullSync);
        Assert.InRange(changes.ObjectCount, 1, full.ObjectCount - 1);
        var snapshot = sim.Simulator.Snapshot();
        Assert.Equal(Json(snapshot.Items.OrderBy(i => i.Id, StringComparer.Ordinal)), Json(mirror.Items.Values));
        Assert.Equal(Json(snapshot.Projects.OrderBy(p => p.Id, StringComparer.Ordinal)), Json(mirror.Projects.Values));
        Assert.Equal(Json(snapshot.Sections.OrderBy(s => s.Id, StringComparer.Ordinal)), Json(mirror.Sections.Values));
        Assert.Equal(Json(snapshot.Labels.OrderBy(l => l.Id, StringComparer.Ordinal)), Json(mirror.Labels.Values));
        Assert.Equal(Json(snapshot.Notes.OrderBy(n => n.Id, StringComparer.Ordinal)), Json(mirror.Notes.Values));
    }

    [Fact]
    public async Task Client_ClassifiesAnUnknownToken_AsInvalidSyncToken()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        using var http = new HttpClient();

        var error = await Assert.ThrowsAsync<TodoistApiException>(() =>
            ClientFor(sim, http).SyncAsync("never-issued", TestContext.Current.CancellationToken));

        Assert.Equal(FailureKind.InvalidSyncToken, error.Kind);
    }

    [Fact]
    public async Task Client_SeesATransientFailureAndAMalformedResponse_WhenFaultsAreInjected()
    {
        await using var sim = await SimulatorHarness.StartAsync();
        using var http = new HttpClient();
        var client = ClientFor(sim, http);
        var ct = TestContext.Current.CancellationToken;

        sim.Simulator.Faults = new SimulatorFaults { ErrorRate = 1, ErrorStatus = 503 };
        var unavailable = await Assert.ThrowsAsync<TodoistApiException>(() => client.SyncAsync("*", ct));
        sim.Simulator.Faults = new SimulatorFaults { MalformedRate = 1 };
        var malformed = await Assert.ThrowsAsync<TodoistApiException>(() => client.SyncAsync("*", ct));

        Assert.Equal((FailureKind.Transient, "SERVICE_UNAVAILABLE"), (unavailable.Kind, unavailable.Code));
        Assert.Equal("MALFORMED_RESPONSE", malformed.Code);
    }

    private static string Json<T>(IEnumerable<T> values) => JsonSerializer.Serialize(values.ToList(), TodoistJson.Options);

    /// <summary>The smallest faithful mirror: upsert what comes back, drop what is deleted, replace on full sync.</summary>
    private sealed class Mirror
    {
        public SortedDictionary<string, WireItem> Items { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, WireProject> Projects { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, WireSection> Sections { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, WireLabel> Labels { get; } = new(StringComparer.Ordinal);
        public SortedDictionary<string, WireNote> Notes { get; } = new(StringComparer.Ordinal);

        public void Apply(SyncResponse response)
        {
            Merge(Items, response.Items, response.FullSync, i => i.Id, i => i.IsDeleted);
            Merge(Projects, response.Projects, response.FullSync, p => p.Id, p => p.IsDeleted);
            Merge(Sections, response.Sections, response.FullSync, s => s.Id, s => s.IsDeleted);
            Merge(Labels, response.Labels, response.FullSync, l => l.Id, l => l.IsDeleted);
            Merge(Notes, response.Notes, response.FullSync, n => n.Id, n => n.IsDeleted);
        }

        private static void Merge<T>(SortedDictionary<string, T> rows, IReadOnlyList<T>? changes, bool full,
            Func<T, string> id, Func<T, bool> deleted)
        {
            if (full) rows.Clear();
            foreach (var change in changes ?? [])
            {
                if (deleted(change)) rows.Remove(id(change));
                else rows[id(change)] = change;
            }
        }
    }
}
