using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Access;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;
using SyncDashboard.Data;

namespace SyncDashboard.Tests.Api;

/// <summary>Under /api every failure is problem details (JSON), in Production where pages get the HTML error page:
/// a script reading the API can always parse the answer.</summary>
public sealed class ApiErrorsFacts(ApiErrorsFacts.BreakableApp app) : IClassFixture<ApiErrorsFacts.BreakableApp>
{
    private static readonly string OperatorKey = ApiKeys.NewKey();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private HttpClient Operator()
    {
        var client = Client(app);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        return client;
    }

    /// <summary>A database that fails (a full disk, a lost server) is a 500, but a JSON one, not the error page.</summary>
    [Fact]
    public async Task AnException_IsA500ProblemDetails_NotTheHtmlErrorPage()
    {
        using var client = Operator();
        HttpResponseMessage response;
        app.Database.Broken = true;
        try
        {
            response = await client.GetAsync("/api/monitoring/state", Ct);
        }
        finally
        {
            app.Database.Broken = false;
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(500, problem.GetProperty("status").GetInt32());
        Assert.DoesNotContain("database unavailable", problem.ToString());
    }

    [Theory]
    [InlineData("GET", "/api/no-such-route", HttpStatusCode.NotFound)]
    [InlineData("DELETE", "/api/sync", HttpStatusCode.MethodNotAllowed)]
    public async Task ABareStatus_GetsAProblemBody(string method, string path, HttpStatusCode status)
    {
        using var client = Operator();

        var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Whatever the client accepts: a browser asking for HTML gets JSON too, never the HTML error page.</summary>
    [Fact]
    public async Task AnException_IsJson_EvenWhenOnlyHtmlIsAccepted()
    {
        using var client = Operator();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/monitoring/state");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        HttpResponseMessage response;
        app.Database.Broken = true;
        try
        {
            response = await client.SendAsync(request, Ct);
        }
        finally
        {
            app.Database.Broken = false;
        }

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Anonymous_Gets401ProblemDetails()
    {
        using var client = Client(app);

        var response = await client.GetAsync("/api/monitoring/state", Ct);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>Route ids are parameters like any other: not a number is a 400 naming it, not a bare 404.</summary>
    [Theory]
    [InlineData("/api/errors/abc/resolve")]
    [InlineData("/api/errors/0/retry")]
    [InlineData("/api/errors/-5/resolve")]
    [InlineData("/api/errors/99999999999999999999/retry")]
    [InlineData("/api/errors/1.5/resolve")]
    public async Task ANonNumericChainId_Is400NamingTheId(string path)
    {
        using var client = Operator();

        var response = await client.PostAsync(path, null, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("id", out _), problem.ToString());
    }

    [Fact]
    public async Task AnUnknownChainId_Is404ProblemDetails()
    {
        using var client = Operator();

        var response = await client.PostAsync("/api/errors/424242/resolve", null, Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("/api/monitoring/state")]
    [InlineData("/api/monitoring/events.csv")]
    [InlineData("/openapi/v1.json")]
    public async Task ApiAnswers_AreNotCached(string path)
    {
        using var client = Operator();

        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path}: Cache-Control {response.Headers.CacheControl}");
    }

    public sealed class BreakableApp : TestApp
    {
        public BreakableApp() : base(Settings()) => EnvironmentName = "Production";

        public BreakableDatabase Database { get; } = new();

        private static Dictionary<string, string?> Settings()
        {
            var settings = UserSettings();
            settings["Access:ApiKeys:0:Name"] = "tests";
            settings["Access:ApiKeys:0:Hash"] = ApiKeys.HashOf(OperatorKey);
            settings["Access:ApiKeys:0:Role"] = "Operator";
            return settings;
        }

        /// <summary>The app's own database factory, behind a switch that makes it throw.</summary>
        protected override void ConfigureTestServices(IServiceCollection services)
        {
            var original = services.Last(d => d.ServiceType == typeof(IDbContextFactory<MonitoringDbContext>));
            services.Remove(original);
            services.AddSingleton<IDbContextFactory<MonitoringDbContext>>(sp =>
                Database.Wrap((IDbContextFactory<MonitoringDbContext>)original.ImplementationFactory!(sp)));
        }
    }

    public sealed class BreakableDatabase
    {
        public volatile bool Broken;

        public IDbContextFactory<MonitoringDbContext> Wrap(IDbContextFactory<MonitoringDbContext> inner) => new Factory(inner, this);

        private sealed class Factory(IDbContextFactory<MonitoringDbContext> inner, BreakableDatabase state)
            : IDbContextFactory<MonitoringDbContext>
        {
            public MonitoringDbContext CreateDbContext() =>
                state.Broken ? throw new InvalidOperationException("database unavailable") : inner.CreateDbContext();

            public Task<MonitoringDbContext> CreateDbContextAsync(CancellationToken ct = default) =>
                state.Broken ? throw new InvalidOperationException("database unavailable") : inner.CreateDbContextAsync(ct);
        }
    }
}
