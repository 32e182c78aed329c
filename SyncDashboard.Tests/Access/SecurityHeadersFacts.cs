using System.Net;
using System.Text.RegularExpressions;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;

namespace SyncDashboard.Tests.Access;

public sealed partial class SecurityHeadersFacts(AccessFacts.ProductionApp app) : IClassFixture<AccessFacts.ProductionApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/login", HttpStatusCode.OK)]
    [InlineData("/", HttpStatusCode.Redirect)]
    [InlineData("/api/monitoring/state", HttpStatusCode.Unauthorized)]
    [InlineData("/app.css", HttpStatusCode.OK)]
    [InlineData("/hangfire", HttpStatusCode.Redirect)]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path, HttpStatusCode status)
    {
        using var client = Client(app);

        var response = await client.GetAsync(path, Ct);

        Assert.Equal(status, response.StatusCode);
        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self' 'nonce-", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security"));
    }

    [Fact]
    public async Task SignedInPages_CarryTheHeaders()
    {
        using var viewer = await SignedInAsync(app, ViewerName, ViewerPassword);

        var response = await viewer.GetAsync("/", Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("frame-ancestors 'none'", Header(response, "Content-Security-Policy"));
        Assert.StartsWith("max-age=", Header(response, "Strict-Transport-Security"));
    }

    /// <summary>Pages with data and the login page are never stored; fingerprinted assets keep their long caching.</summary>
    [Fact]
    public async Task PagesAreNotCached_StaticAssetsAre()
    {
        using var viewer = await SignedInAsync(app, ViewerName, ViewerPassword);

        var home = await viewer.GetAsync("/", Ct);
        var login = await viewer.GetAsync("/login", Ct);
        var html = await home.Content.ReadAsStringAsync(Ct);
        var asset = Regex.Match(html, @"href=""(?<href>_content/MudBlazor/MudBlazor\.min\.[a-z0-9]+\.css)""").Groups["href"].Value;
        var css = await viewer.GetAsync("/" + asset, Ct);

        Assert.True(home.Headers.CacheControl?.NoStore);
        Assert.True(login.Headers.CacheControl?.NoStore);
        Assert.Equal(HttpStatusCode.OK, css.StatusCode);
        Assert.False(css.Headers.CacheControl?.NoStore ?? false, $"{asset}: {css.Headers.CacheControl}");
    }

    [Fact]
    public async Task Nonce_IsNewOnEveryResponse()
    {
        using var client = Client(app);

        var first = Header(await client.GetAsync("/login", Ct), "Content-Security-Policy");
        var second = Header(await client.GetAsync("/login", Ct), "Content-Security-Policy");

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Development_HasNoHsts_ButTheOtherHeaders_AndTheImportMapCarriesTheNonce()
    {
        await using var dev = new TestApp();
        await dev.StartAsync();
        using var client = dev.CreateClient(new() { BaseAddress = HttpsBase });

        // Several pages, so some nonce has a '+', which the page writes HTML-encoded (&#x2B;): a browser decodes the
        // attribute before comparing it with the CSP, and so does this test.
        for (var page = 0; page < 6; page++)
        {
            var response = await client.GetAsync("/", Ct);
            var html = await response.Content.ReadAsStringAsync(Ct);

            Assert.False(response.Headers.Contains("Strict-Transport-Security"));
            Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
            // Blazor's one inline script, the import map, runs only because it carries this response's nonce.
            var nonce = Header(response, "Content-Security-Policy").Split("'nonce-")[1].Split('\'')[0];
            var importMap = ImportMapNonce().Match(html);
            Assert.True(importMap.Success, "No import map with a nonce on the page.");
            Assert.Equal(nonce, WebUtility.HtmlDecode(importMap.Groups["nonce"].Value));
        }
    }

    [GeneratedRegex("<script type=\"importmap\" nonce=\"(?<nonce>[^\"]*)\"")]
    private static partial Regex ImportMapNonce();

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values)
        : response.Content.Headers.TryGetValues(name, out var content) ? string.Join(",", content)
        : throw new Xunit.Sdk.XunitException($"{name} missing on {response.RequestMessage?.RequestUri}");
}
