using System.Net;
using Hangfire;
using Hangfire.Storage;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Routing;
using SyncDashboard.Monitoring.Retention;
using SyncDashboard.Monitoring.Rollups;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;

namespace SyncDashboard.Tests.Access;

/// <summary>Production with configured users: nobody gets in without signing in, viewers press nothing, operators act.</summary>
public sealed class AccessFacts(AccessFacts.ProductionApp app) : IClassFixture<AccessFacts.ProductionApp>
{
    public sealed class ProductionApp : TestApp
    {
        public ProductionApp() : base(UserSettings()) => EnvironmentName = "Production";
    }

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/hangfire")]
    [InlineData("/no-such-page")]
    public async Task Anonymous_IsRedirectedToLogin_WhenOpeningAPage(string path)
    {
        using var client = Client(app);

        var response = await client.GetAsync(path, Ct);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal($"/login?ReturnUrl={Uri.EscapeDataString(path)}", response.Headers.Location?.PathAndQuery);
    }

    [Fact]
    public async Task Anonymous_Gets401_FromEveryApiRouteAndTheOpenApiDocument()
    {
        using var client = Client(app);
        var routes = ProtectedRoutes(method: null).Where(r => r.Path.StartsWith("/api") || r.Path.StartsWith("/openapi"))
            .ToList();
        Assert.Contains(routes, r => r.Path == "/api/monitoring/state");
        Assert.Contains(routes, r => r.Path == "/api/sync");

        foreach (var (method, path) in routes)
        {
            var response = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Anonymous_GetsTheLoginPageAndItsStylesheets()
    {
        using var client = Client(app);

        var login = await client.GetAsync("/login", Ct);
        var css = await client.GetAsync("/app.css", Ct);

        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        Assert.Contains("data-testid=\"sign-in-form\"", await login.Content.ReadAsStringAsync(Ct));
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
    }

    /// <summary>The tab icon is public (the login page shows it), and /favicon.ico, which pages that name no icon
    /// make browsers ask for, leads to it rather than to a 404 in every console.</summary>
    [Fact]
    public async Task Anonymous_GetsTheIcon_AlsoAtFaviconIco()
    {
        using var client = Client(app);

        var ico = await client.GetAsync("/favicon.ico", Ct);
        var svg = await client.GetAsync(ico.Headers.Location, Ct);
        var login = await client.GetStringAsync("/login", Ct);

        Assert.Equal(HttpStatusCode.MovedPermanently, ico.StatusCode);
        Assert.Equal(HttpStatusCode.OK, svg.StatusCode);
        Assert.Equal("image/svg+xml", svg.Content.Headers.ContentType?.MediaType);
        Assert.Matches("""<link rel="icon"[^>]*href="favicon[^"]*\.svg" """.TrimEnd(), login);
    }

    [Fact]
    public async Task Viewer_SeesTheDashboard_WithoutActionButtons()
    {
        using var viewer = await SignedInAsync(app, ViewerName, ViewerPassword);
        using var @operator = await SignedInAsync(app, OperatorName, OperatorPassword);

        var viewerHome = await viewer.GetStringAsync("/", Ct);
        var operatorHome = await @operator.GetStringAsync("/", Ct);

        Assert.Contains("data-testid=\"home\"", viewerHome);
        Assert.Contains($"{ViewerName} · Viewer", viewerHome);
        Assert.DoesNotContain("data-testid=\"sync-now\"", viewerHome);
        // The same page for an operator has the button, so its absence above is the viewer's role, not the page.
        Assert.Contains("data-testid=\"sync-now\"", operatorHome);
    }

    [Fact]
    public async Task Viewer_ReadsTheApi()
    {
        using var viewer = await SignedInAsync(app, ViewerName, ViewerPassword);

        var state = await viewer.GetAsync("/api/monitoring/state", Ct);
        var openApi = await viewer.GetAsync("/openapi/v1.json", Ct);

        Assert.Equal(HttpStatusCode.OK, state.StatusCode);
        Assert.Equal(HttpStatusCode.OK, openApi.StatusCode);
    }

    /// <summary>Every POST route the app maps (found at run time, so routes added later are covered) except the ones
    /// that declare themselves anonymous (the signed webhook, the sign-in forms).</summary>
    [Fact]
    public async Task Viewer_Gets403_OnEveryPostRoute()
    {
        using var viewer = await SignedInAsync(app, ViewerName, ViewerPassword);
        var posts = ProtectedRoutes("POST").ToList();
        Assert.Contains(posts, r => r.Path == "/api/sync");
        Assert.Contains(posts, r => r.Path == "/api/errors/1/resolve");

        foreach (var (_, path) in posts)
        {
            // A JSON body: the actions that take one declare it, and routing answers 415 to any other before the role
            // is asked.
            var response = await viewer.PostAsync(path, new StringContent("{}", System.Text.Encoding.UTF8, "application/json"), Ct);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"POST {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Operator_QueuesASync()
    {
        using var @operator = await SignedInAsync(app, OperatorName, OperatorPassword);

        var response = await @operator.PostAsync("/api/sync", null, Ct);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task Viewer_SeesHangfireReadOnly_OperatorSeesItsButtons()
    {
        using var viewer = await SignedInAsync(app, ViewerName, ViewerPassword);
        using var @operator = await SignedInAsync(app, OperatorName, OperatorPassword);

        var viewerPage = await viewer.GetAsync("/hangfire/recurring", Ct);
        var operatorPage = await @operator.GetStringAsync("/hangfire/recurring", Ct);

        Assert.Equal(HttpStatusCode.OK, viewerPage.StatusCode);
        var viewerHtml = await viewerPage.Content.ReadAsStringAsync(Ct);
        Assert.Contains("SyncDashboard · jobs", viewerHtml);
        Assert.DoesNotContain("js-jobs-list-command", viewerHtml);
        Assert.Contains("js-jobs-list-command", operatorPage);
    }

    /// <summary>With the console's own antiforgery token, so the refusal is the role's, not a missing token's.</summary>
    [Theory]
    [InlineData("/hangfire/recurring/trigger")]
    [InlineData("/hangfire/recurring/remove")]
    [InlineData("/hangfire/jobs/enqueued/delete")]
    [InlineData("/hangfire/jobs/failed/requeue")]
    public async Task Viewer_Gets403_OnHangfireCommands(string path)
    {
        using var viewer = await SignedInAsync(app, ViewerName, ViewerPassword);

        var response = await PostHangfireAsync(viewer, path, ["1"]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Viewer_CannotTriggerARecurringJob_FromHangfire()
    {
        using var viewer = await SignedInAsync(app, ViewerName, ViewerPassword);
        var before = LastJobOf(RetentionJob.RecurringJobId);

        var response = await PostHangfireAsync(viewer, "/hangfire/recurring/trigger", [RetentionJob.RecurringJobId]);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal(before, LastJobOf(RetentionJob.RecurringJobId));
    }

    [Fact]
    public async Task Operator_TriggersARecurringJob_FromHangfire()
    {
        using var @operator = await SignedInAsync(app, OperatorName, OperatorPassword);
        var before = LastJobOf(MetricRollupJob.RecurringJobId);

        var response = await PostHangfireAsync(@operator, "/hangfire/recurring/trigger", [MetricRollupJob.RecurringJobId]);

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.NotNull(LastJobOf(MetricRollupJob.RecurringJobId));
        Assert.NotEqual(before, LastJobOf(MetricRollupJob.RecurringJobId));
    }

    /// <summary>Every open console page polls its counters by POST; a viewer's console must keep working.</summary>
    [Fact]
    public async Task Viewer_GetsHangfiresStatsPoll()
    {
        using var viewer = await SignedInAsync(app, ViewerName, ViewerPassword);

        var response = await PostHangfireAsync(viewer, "/hangfire/stats", [], field: "metrics[]", value: "enqueued:count");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task WrongPassword_GetsTheSameAnswerAsAnUnknownName()
    {
        using var wrongPassword = Client(app);
        using var unknownName = Client(app);

        var wrong = await PostLoginAsync(wrongPassword, OperatorName, "not-the-password", "/hangfire");
        var unknown = await PostLoginAsync(unknownName, "nobody", "not-the-password", "/hangfire");

        Assert.Equal(HttpStatusCode.Redirect, wrong.StatusCode);
        Assert.Equal(wrong.Headers.Location, unknown.Headers.Location);
        Assert.Equal("/login?failed=true&ReturnUrl=%2Fhangfire", wrong.Headers.Location?.OriginalString);
        Assert.Contains("data-testid=\"sign-in-failed\"", await wrongPassword.GetStringAsync(wrong.Headers.Location, Ct));
        Assert.Contains("data-testid=\"sign-in-failed\"", await unknownName.GetStringAsync(unknown.Headers.Location, Ct));
        Assert.Equal(HttpStatusCode.Redirect, (await wrongPassword.GetAsync("/", Ct)).StatusCode);
    }

    [Fact]
    public async Task SignIn_WithoutTheAntiforgeryToken_IsRefused()
    {
        using var client = Client(app);

        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["username"] = OperatorName,
            ["password"] = OperatorPassword,
        }), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/", Ct)).StatusCode);
    }

    [Fact]
    public async Task SignIn_NeverRedirectsOffSite()
    {
        using var client = Client(app);

        var response = await PostLoginAsync(client, OperatorName, OperatorPassword, "https://evil.example/");

        Assert.Equal("/", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        using var @operator = await SignedInAsync(app, OperatorName, OperatorPassword);
        var token = await AntiforgeryTokenAsync(@operator, "/");

        var response = await @operator.PostAsync("/account/logout",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }), Ct);

        Assert.Equal("/login?signedOut=true", response.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.Unauthorized, (await @operator.GetAsync("/api/monitoring/state", Ct)).StatusCode);
    }

    [Fact]
    public async Task Cookies_AreSecureHttpOnlyAndSameSite()
    {
        using var client = Client(app);

        var response = await PostLoginAsync(client, ViewerName, ViewerPassword);

        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-SyncDashboard="));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=lax", cookie, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>A console command as its page's script sends it: the antiforgery token from the page's meta tags in
    /// the header they name, the job ids as <c>jobs[]</c>.</summary>
    private static async Task<HttpResponseMessage> PostHangfireAsync(
        HttpClient client, string path, string[] jobs, string field = "jobs[]", string? value = null)
    {
        var page = await client.GetStringAsync("/hangfire/recurring", Ct);
        var header = HangfireMeta(page, "csrf-header");
        var token = HangfireMeta(page, "csrf-token");
        var form = jobs.Select(id => new KeyValuePair<string, string>(field, id)).ToList();
        if (value is not null) form.Add(new(field, value));
        using var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Add(header, token);
        request.Headers.Add("X-Requested-With", "XMLHttpRequest");
        return await client.SendAsync(request, Ct);
    }

    private static string HangfireMeta(string html, string name)
    {
        var match = System.Text.RegularExpressions.Regex.Match(html, $@"<meta name=""{name}"" content=""(?<value>[^""]*)""");
        return match.Success && match.Groups["value"].Value.Length > 0
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new InvalidOperationException($"No {name} on the Hangfire page");
    }

    private string? LastJobOf(string recurringJobId)
    {
        using var connection = app.Get<JobStorage>().GetConnection();
        return connection.GetRecurringJobs([recurringJobId]).Single().LastJobId;
    }

    private IEnumerable<(string Method, string Path)> ProtectedRoutes(string? method)
    {
        var endpoints = app.Get<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null) continue;
            // Pages accept POST only for server-rendered forms, and act only over the circuit, behind AuthorizeView.
            if (endpoint.Metadata.GetMetadata<Microsoft.AspNetCore.Components.Endpoints.ComponentTypeMetadata>() is not null) continue;
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? [];
            var template = endpoint.RoutePattern.RawText ?? "";
            if (!template.StartsWith('/')) template = "/" + template;
            // /hangfire is one catch-all route: its commands are Viewer_Gets403_OnHangfireCommands.
            if (template.StartsWith("/hangfire") || template.StartsWith("/_")) continue;
            foreach (var m in methods.Where(m => method is null || m == method))
            {
                yield return (m, Fill(template));
            }
        }
    }

    /// <summary>A concrete path for a route template: every parameter becomes 1, catch-alls become "x".</summary>
    private static string Fill(string template) =>
        System.Text.RegularExpressions.Regex.Replace(template, @"\{\*?\*?([^}:=?]+)[^}]*\}",
            m => m.Value.StartsWith("{*") ? "x" : "1");
}
