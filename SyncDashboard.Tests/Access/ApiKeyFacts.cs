using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Access;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;
using SyncDashboard.Data;

namespace SyncDashboard.Tests.Access;

/// <summary>API keys for automation, in Production: a bearer header on /api, checked against configured hashes,
/// scoped to a role, and never a way around the origin check for the cookie.</summary>
public sealed class ApiKeyFacts(ApiKeyFacts.KeyedApp app) : IClassFixture<ApiKeyFacts.KeyedApp>
{
    public static readonly string OperatorKey = ApiKeys.NewKey();
    public static readonly string ViewerKey = ApiKeys.NewKey();

    public sealed class KeyedApp : TestApp
    {
        public KeyedApp() : base(Settings()) => EnvironmentName = "Production";

        private static Dictionary<string, string?> Settings()
        {
            var settings = UserSettings();
            settings["Access:ApiKeys:0:Name"] = "deploy-bot";
            settings["Access:ApiKeys:0:Hash"] = ApiKeys.HashOf(OperatorKey);
            settings["Access:ApiKeys:0:Role"] = "Operator";
            settings["Access:ApiKeys:1:Name"] = "grafana";
            settings["Access:ApiKeys:1:Hash"] = ApiKeys.HashOf(ViewerKey).ToUpperInvariant();
            settings["Access:ApiKeys:1:Role"] = "Viewer";
            return settings;
        }
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient WithKey(string key)
    {
        var client = Client(app);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    [Fact]
    public async Task OperatorKey_PausesAndResumes_AuditedUnderTheKeysName()
    {
        using var client = WithKey(OperatorKey);

        var paused = await client.PostAsync("/api/sync/pause", null, Ct);
        var resumed = await client.PostAsync("/api/sync/resume", null, Ct);

        Assert.Equal(HttpStatusCode.OK, paused.StatusCode);
        Assert.Equal(HttpStatusCode.OK, resumed.StatusCode);
        await using var db = await app.CreateDbAsync();
        var actors = await db.AuditEntries.Where(a => a.Action == AuditAction.Pause).Select(a => a.Actor).ToListAsync(Ct);
        Assert.Contains("deploy-bot (API key)", actors);
    }

    [Fact]
    public async Task ViewerKey_Reads_ButGets403_OnActions()
    {
        using var client = WithKey(ViewerKey);

        var state = await client.GetAsync("/api/monitoring/state", Ct);
        var openApi = await client.GetAsync("/openapi/v1.json", Ct);
        var sync = await client.PostAsync("/api/sync", null, Ct);

        Assert.Equal(HttpStatusCode.OK, state.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, sync.StatusCode);
    }

    [Theory]
    [InlineData("sdk_not-a-key-anyone-was-given")]
    [InlineData("")]
    public async Task UnknownKey_Gets401ProblemDetails(string key)
    {
        using var client = Client(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/monitoring/state");
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + key);

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("Bearer", response.Headers.WwwAuthenticate.ToString());
    }

    /// <summary>The hash in configuration is not a key: sending it gets nowhere.</summary>
    [Fact]
    public async Task TheHashItself_IsNotAKey()
    {
        using var client = WithKey(ApiKeys.HashOf(OperatorKey));

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/monitoring/state", Ct)).StatusCode);
    }

    /// <summary>Keys open the API only; pages and the jobs console stay behind the sign-in form.</summary>
    [Theory]
    [InlineData("/")]
    [InlineData("/hangfire")]
    public async Task OperatorKey_DoesNotOpenPages(string path)
    {
        using var client = WithKey(OperatorKey);

        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location?.PathAndQuery);
    }

    /// <summary>A key request carries no ambient credential, so where it comes from does not matter; a browser page
    /// could not send the header to another origin anyway (CORS would ask first, and this app grants nothing).</summary>
    [Fact]
    public async Task OperatorKey_WorksWithAForeignOrigin()
    {
        using var client = WithKey(OperatorKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sync/resume");
        request.Headers.Add("Origin", "https://ci.example");

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.False((await response.Content.ReadFromJsonAsync<JsonElement>(Ct)).GetProperty("paused").GetBoolean());
    }

    /// <summary>A bearer header, even a bad one, means the cookie is not used: a signed-in browser cannot be made to
    /// act through a key it does not have.</summary>
    [Fact]
    public async Task BadKey_BesideAValidCookie_IsStill401()
    {
        using var @operator = await SignedInAsync(app, OperatorName, OperatorPassword);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/sync/pause");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", "sdk_wrong");

        var response = await @operator.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}

public sealed class ApiKeyRulesFacts
{
    [Fact]
    public void NewApiKey_PrintsAKey_WhoseHashFindsTheEntry()
    {
        var output = new StringWriter();

        var exit = NewApiKeyCommand.Run(output);

        Assert.Equal(0, exit);
        var lines = output.ToString().Split('\n');
        var key = lines[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        var hash = lines[1].Split(' ', StringSplitOptions.RemoveEmptyEntries)[^1];
        Assert.StartsWith(ApiKeys.Prefix, key);
        Assert.Equal(47, key.Length);
        Assert.True(ApiKeys.IsHash(hash));
        var entry = new ConfiguredApiKey { Name = "ci", Hash = hash, Role = "Viewer" };
        Assert.Same(entry, ApiKeys.Find([new ConfiguredApiKey { Name = "other", Hash = ApiKeys.HashOf("x"), Role = "Viewer" }, entry], key));
        Assert.Null(ApiKeys.Find([entry], key + "x"));
        Assert.Null(ApiKeys.Find([entry], hash));
    }

    [Fact]
    public void NewKey_IsDifferentEveryTime() => Assert.NotEqual(ApiKeys.NewKey(), ApiKeys.NewKey());

    [Theory]
    [InlineData("", "Viewer", "Access:ApiKeys:0:Name is required.")]
    [InlineData("ci", "Admin", "Access:ApiKeys:0:Role must be Viewer or Operator.")]
    public void Validator_NamesTheKey_OfABadEntry(string name, string role, string expected)
    {
        var options = new AccessOptions { ApiKeys = [new() { Name = name, Hash = ApiKeys.HashOf("k"), Role = role }] };

        var result = new AccessOptionsValidator(new TestEnvironment()).Validate(null, options);

        Assert.Contains(expected, result.Failures ?? []);
    }

    [Fact]
    public void Validator_RefusesAKeyInPlaceOfItsHash()
    {
        var options = new AccessOptions { ApiKeys = [new() { Name = "ci", Hash = ApiKeys.NewKey(), Role = "Viewer" }] };

        var result = new AccessOptionsValidator(new TestEnvironment()).Validate(null, options);

        Assert.Contains(result.Failures ?? [], f => f.StartsWith("Access:ApiKeys:0:Hash is not a key's hash"));
    }

    private sealed class TestEnvironment : Microsoft.Extensions.Hosting.IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Production";
        public string ApplicationName { get; set; } = "SyncDashboard";
        public string ContentRootPath { get; set; } = "/";
        public Microsoft.Extensions.FileProviders.IFileProvider ContentRootFileProvider { get; set; } =
            new Microsoft.Extensions.FileProviders.NullFileProvider();
    }
}
