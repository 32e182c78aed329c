using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using SyncDashboard.Access;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>Two configured users (a viewer and an operator) and a client that signs in through the real login form,
/// antiforgery token and all. Clients talk https to a non-localhost name, as a browser behind TLS would: the
/// cookies are Secure outside Development and HSTS skips localhost.</summary>
public static partial class SignInHelper
{
    public const string ViewerName = "vera";
    public const string ViewerPassword = "viewer-password-7f3a";
    public const string OperatorName = "otto";
    public const string OperatorPassword = "operator-password-9c1e";
    public static readonly Uri HttpsBase = new("https://dashboard.test");

    private static readonly Lazy<string> ViewerHash = new(() => ConfiguredUsers.Hash(ViewerPassword));
    private static readonly Lazy<string> OperatorHash = new(() => ConfiguredUsers.Hash(OperatorPassword));

    public static Dictionary<string, string?> UserSettings() => new()
    {
        ["Access:Users:0:Name"] = ViewerName,
        ["Access:Users:0:PasswordHash"] = ViewerHash.Value,
        ["Access:Users:0:Role"] = "Viewer",
        ["Access:Users:1:Name"] = OperatorName,
        ["Access:Users:1:PasswordHash"] = OperatorHash.Value,
        ["Access:Users:1:Role"] = "Operator",
        // Every test client signs in from the same address (the in-memory server has none); the per-address limit
        // has tests of its own (SignInLimitFacts).
        ["Access:SignInsPerAddressPerMinute"] = "0",
    };

    /// <summary>The app in Production with the two users, plus any further settings.</summary>
    public static TestApp ProductionApp(IDictionary<string, string?>? more = null, string? databaseFile = null)
    {
        var settings = UserSettings();
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        return new TestApp(settings, databaseFile) { EnvironmentName = "Production" };
    }

    public static HttpClient Client(TestApp app) => app.CreateClient(new WebApplicationFactoryClientOptions
    {
        BaseAddress = HttpsBase,
        AllowAutoRedirect = false,
        HandleCookies = true,
    });

    public static async Task<HttpClient> SignedInAsync(TestApp app, string name, string password)
    {
        var client = Client(app);
        var response = await PostLoginAsync(client, name, password);
        if (response.StatusCode != HttpStatusCode.Redirect || response.Headers.Location?.OriginalString != "/")
        {
            throw new InvalidOperationException($"Sign-in as {name} failed: {(int)response.StatusCode} {response.Headers.Location}");
        }
        return client;
    }

    public static async Task<HttpResponseMessage> PostLoginAsync(
        HttpClient client, string name, string password, string returnUrl = "/")
    {
        var token = await AntiforgeryTokenAsync(client, "/login");
        return await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["username"] = name,
            ["password"] = password,
            ["returnUrl"] = returnUrl,
        }), TestContext.Current.CancellationToken);
    }

    public static async Task<string> AntiforgeryTokenAsync(HttpClient client, string page)
    {
        var html = await client.GetStringAsync(page, TestContext.Current.CancellationToken);
        var match = TokenInput().Match(html);
        return match.Success
            ? WebUtility.HtmlDecode(match.Groups["value"].Value)
            : throw new InvalidOperationException($"No antiforgery token on {page}");
    }

    [GeneratedRegex(@"name=""__RequestVerificationToken""[^>]*value=""(?<value>[^""]+)""")]
    private static partial Regex TokenInput();
}
