using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using SyncDashboard.Access;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;

namespace SyncDashboard.Tests.Api;

/// <summary>No input gets a 500. Every route in the OpenAPI document (so a route added later is walked too), every
/// parameter it declares, a list of hostile values each: the answer is a success or a 4xx with problem details, and
/// nothing is logged at Error. In Production, as an operator (an API key), so the actions run for real.</summary>
public sealed class HostileInputFacts
{
    private static readonly string OperatorKey = ApiKeys.NewKey();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Empty, huge, negative, overflowing, non-ASCII, NUL, SQL and path fragments, markup, year 1 and 9999
    /// (with the zones that push them past the ends), impossible dates, and values that are nearly right.</summary>
    public static readonly string[] HostileValues =
    [
        "", " ", "0", "-1", "1", "01", "+1", " 1", "1 ", "1.5", "1e3", "0x10", "NaN", "Infinity", "true", "null",
        "-9223372036854775808", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
        "2147483647", "2147483648", "-2147483649", "99999999999999999999999999999999",
        new string('9', 5000), new string('a', 100_000),
        "ä", "日本語", "😀", "\u202e1", "\uFFFD", "١", "１", "\0", "a\0b", "%00", "%", "\r\nX-Injected: 1", "\t",
        "' OR '1'='1", "1; DROP TABLE sync_events;--", "\" OR 1=1 --", "1)) UNION SELECT * FROM audit_entries--",
        "../../etc/passwd", "..\\..\\windows\\win.ini", "/", "//", "a/b", "<script>alert(1)</script>", "{{7*7}}",
        "${jndi:ldap://x}", "[]", "{}", "a,b",
        "0001-01-01T00:00:00Z", "0001-01-02T00:00:00Z", "0001-01-01T00:00:00+14:00", "0001-01-01T00:00:00-14:00",
        "9999-12-31T23:59:59Z", "9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59-14:00", "9999-12-31T12:00:00+14:00",
        "2026-02-30T00:00:00Z", "2026-11-01T25:00:00Z", "2026-11-01", "2026-11-01T00:00:00", "2026-11-01T00:00:00+99:00",
        "Succeeded", "succeeded", "7", "Full", "full", "incremental", "hour", "week", "Schedule",
    ];

    [Fact]
    public async Task EveryParameterOfEveryRoute_AnswersSuccessOr4xxProblem_ForHostileValues()
    {
        var logs = new CapturingLoggerProvider();
        await using var app = new WalkedApp(logs);
        using var client = Client(app);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", OperatorKey);
        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var failures = new List<string>();
        var walked = 0;
        foreach (var (path, method, parameters) in Operations(document))
        {
            foreach (var request in Requests(path, parameters))
            {
                using var message = new HttpRequestMessage(new HttpMethod(method), request);
                var response = await client.SendAsync(message, Ct);
                walked++;
                var status = (int)response.StatusCode;
                var type = response.Content.Headers.ContentType?.MediaType;
                if (status >= 500 || status is >= 300 and < 400
                    || (status >= 400 && type != "application/problem+json"))
                {
                    failures.Add($"{method} {Shorten(request)}: {status} {type}");
                }
                // Drained, so a streamed export's failure half-way would show in the logs below.
                await response.Content.ReadAsByteArrayAsync(Ct);
            }
        }

        Assert.True(walked > 1000, $"only {walked} requests: the document lists fewer parameters than expected");
        Assert.Empty(failures);
        Assert.DoesNotContain(logs.Lines, l => l.StartsWith("Error") || l.StartsWith("Critical"));
    }

    /// <summary>Each declared parameter alone with each value; twice with two values; path parameters filled with a
    /// harmless id when another parameter is the one under test. No parameters: the route is called once.</summary>
    private static IEnumerable<string> Requests(string path, IReadOnlyList<(string Name, string In)> parameters)
    {
        string Fill(string? name, string value) => parameters.Where(p => p.In == "path")
            .Aggregate(path, (p, parameter) => p.Replace($"{{{parameter.Name}}}",
                Uri.EscapeDataString(parameter.Name == name ? value : "1")));

        if (parameters.Count == 0) yield return path;
        foreach (var (name, where) in parameters)
        {
            // A NUL cannot travel in a path: the server refuses the request line before the app sees it.
            foreach (var value in HostileValues.Where(v => where != "path" || !v.Contains('\0')))
            {
                yield return where == "path"
                    ? Fill(name, value)
                    : $"{Fill(null, "")}?{name}={Uri.EscapeDataString(value)}";
            }
            if (where == "query")
            {
                yield return $"{Fill(null, "")}?{name}=1&{name}=2";
                yield return $"{Fill(null, "")}?{name}=&{name}=x";
                yield return $"{Fill(null, "")}?{name}";
            }
        }
    }

    private static IEnumerable<(string Path, string Method, IReadOnlyList<(string Name, string In)> Parameters)> Operations(
        JsonElement document)
    {
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var parameters = operation.Value.TryGetProperty("parameters", out var list)
                    ? list.EnumerateArray().Select(p => (p.GetProperty("name").GetString()!, p.GetProperty("in").GetString()!)).ToList()
                    : [];
                yield return (path.Name, operation.Name.ToUpperInvariant(), parameters);
            }
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";

    private sealed class WalkedApp : TestApp
    {
        private readonly CapturingLoggerProvider logs;

        public WalkedApp(CapturingLoggerProvider logs) : base(Settings())
        {
            this.logs = logs;
            EnvironmentName = "Production";
        }

        private static Dictionary<string, string?> Settings()
        {
            var settings = UserSettings();
            settings["Access:ApiKeys:0:Name"] = "walker";
            settings["Access:ApiKeys:0:Hash"] = ApiKeys.HashOf(OperatorKey);
            settings["Access:ApiKeys:0:Role"] = "Operator";
            return settings;
        }

        protected override void ConfigureTestServices(IServiceCollection services) =>
            services.AddSingleton<ILoggerProvider>(logs);
    }
}
