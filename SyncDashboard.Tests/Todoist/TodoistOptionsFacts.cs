using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Todoist.Simulator;
using SyncDashboard.Todoist;

namespace SyncDashboard.Tests.Todoist;

/// <summary>What the client asks Todoist for is what is configured, from whichever source; captured from the request
/// it really sends to the simulator.</summary>
public sealed class TodoistOptionsFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public enum Source { Defaults, ShippedAppSettings, Environment, CommandLine }

    [Theory]
    [InlineData(Source.Defaults, new[] { "items", "projects", "sections", "labels", "notes" })]
    [InlineData(Source.ShippedAppSettings, new[] { "items", "projects", "sections", "labels", "notes" })]
    [InlineData(Source.Environment, new[] { "items", "notes" })]
    [InlineData(Source.CommandLine, new[] { "projects", "labels" })]
    public async Task Sync_AsksForEachConfiguredResourceTypeOnce_WhateverTheSource(Source source, string[] expected)
    {
        await using var simulator = await SimulatorHarness.StartAsync();
        var capture = new RequestCapture();
        var prefix = $"SYNCDASHBOARD_TEST_{Guid.NewGuid():N}_";
        string[] args = source == Source.CommandLine
            ? expected.Select((type, i) => $"--Todoist:ResourceTypes:{i}={type}").ToArray()
            : [];
        if (source == Source.Environment)
        {
            for (var i = 0; i < expected.Length; i++) Environment.SetEnvironmentVariable($"{prefix}Todoist__ResourceTypes__{i}", expected[i]);
        }
        try
        {
            // The host as the app builds it: appsettings.json from the content root, then the environment, then the
            // command line. Only the shipped-file case has a content root with an appsettings.json in it.
            var root = source == Source.ShippedAppSettings ? RepositoryRoot.Path : Directory.CreateTempSubdirectory().FullName;
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { Args = args, ContentRootPath = root });
            // A prefix of its own, so that no other test's host sees these variables as settings.
            builder.Configuration.AddEnvironmentVariables(prefix);
            builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["Todoist:ApiToken"] = SimulatorHarness.Token,
                ["Todoist:BaseUrl"] = simulator.Address.ToString(),
            });
            builder.AddTodoist();
            builder.Services.AddHttpClient<TodoistClient>().AddHttpMessageHandler(() => capture);
            using var host = builder.Build();

            var response = await host.Services.GetRequiredService<TodoistClient>().SyncAsync(TodoistClient.FullSyncToken, Ct);

            var body = QueryHelpers.ParseQuery(Assert.Single(capture.Bodies));
            var asked = JsonSerializer.Deserialize<string[]>(body["resource_types"].ToString())!;
            Assert.Equal(expected, asked);
            Assert.True(response.FullSync);
            Assert.Equal(expected.Order(), new[]
            {
                response.Items is null ? null : "items", response.Projects is null ? null : "projects",
                response.Sections is null ? null : "sections", response.Labels is null ? null : "labels",
                response.Notes is null ? null : "notes",
            }.OfType<string>().Order());
        }
        finally
        {
            for (var i = 0; i < expected.Length; i++) Environment.SetEnvironmentVariable($"{prefix}Todoist__ResourceTypes__{i}", null);
        }
    }

    [Fact]
    public void Options_FailValidationNamingTheType_WhenItIsNotMirrored()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Todoist:ResourceTypes:0"] = "items",
            ["Todoist:ResourceTypes:1"] = "reminders",
        });
        builder.Services.AddTodoistOptions();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() =>
            host.Services.GetRequiredService<IOptions<TodoistOptions>>().Value);

        Assert.Contains("'reminders' is not a resource type the app mirrors", error.Message);
    }

    [Fact]
    public void ResourceTypes_ReplaceTheDefaults_WhenConfigured()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Todoist:ResourceTypes:0"] = "items" });
        builder.Services.AddTodoistOptions();
        using var host = builder.Build();

        Assert.Equal(["items"], host.Services.GetRequiredService<IOptions<TodoistOptions>>().Value.ResourceTypes);
    }

    /// <summary>Keeps the body of every request the client sends, then sends it on.</summary>
    private sealed class RequestCapture : DelegatingHandler
    {
        private readonly List<string> bodies = [];

        public IReadOnlyList<string> Bodies
        {
            get { lock (bodies) return [.. bodies]; }
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
            lock (bodies) bodies.Add(body);
            return await base.SendAsync(request, ct);
        }
    }
}
