using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;
using SyncDashboard.Access;

namespace SyncDashboard.Benchmarks;

/// <summary><c>pages</c>: how long each page of the dashboard takes, on a generated year of history beside the same
/// pages on an empty database, the app in this process on a real port.
/// <list type="bullet">
/// <item>Prerender: an HTTP GET of the page, to its last byte (the server's render of the page without a circuit).</item>
/// <item>Settled, in Debian's Chromium: from the navigation's start to the page being done, which is the last change
/// the page made to its DOM (elements or attributes; the once-a-second "ago" texts are left out) once the circuit is
/// up (<c>data-live=true</c>), every chart that has data is drawn (ApexCharts' <c>data-chart-instance</c>) and no
/// change came for <see cref="QuietMs"/>. A new page, so a new circuit, for every navigation, in one browser context
/// (see <see cref="NewContextAsync"/>).</item>
/// </list>
/// Each page is visited once to warm up, then <c>--repeat</c> times; the table gives the median and the worst.</summary>
public static class PageMeasurement
{
    /// <summary>How long the page must stay unchanged to count as settled; the settle time itself excludes it.</summary>
    public const int QuietMs = 750;

    public static readonly IReadOnlyList<string> Pages =
    [
        "/", "/timeline", "/timeline?range=7d", "/timeline?range=30d", "/performance", "/performance?range=7d",
        "/performance?range=30d", "/errors", "/errors?resolved=true", "/history", "/webhooks", "/alerts", "/slo", "/simulator",
    ];

    // Installed before the page's first byte: remembers when the DOM last changed (not counting text-only changes,
    // which the ticking "ago" labels make every second) and when the circuit came up.
    private const string Observer = """
        (() => {
            window.__lastChange = 0;
            window.__liveAt = null;
            new MutationObserver(records => {
                if (records.some(r => r.type !== 'characterData')) window.__lastChange = performance.now();
                if (window.__liveAt === null && document.querySelector('[data-live=true]')) window.__liveAt = performance.now();
            }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        })();
        """;

    private const string Settled = """
        quietMs => {
            if (window.__liveAt === null) return null;
            const charts = [...document.querySelectorAll('figure[data-has-data=true] .apex-chart-host')];
            if (charts.some(c => !c.dataset.chartInstance)) return null;
            if (performance.now() - window.__lastChange < quietMs) return null;
            return Math.max(window.__lastChange, window.__liveAt);
        }
        """;

    public static async Task RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var repeat = int.Parse(Value("--repeat") ?? "5", CultureInfo.InvariantCulture);
        var events = int.Parse(Value("--events") ?? "1000000", CultureInfo.InvariantCulture);
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";
        var folder = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), $"syncdashboard-pages-{Guid.NewGuid():N}")).FullName;
        try
        {
            // A year ending now, so the pages' windows (the last 24 hours, 7 and 30 days) are full; the app keeps
            // 400 days (no purge of its oldest runs) and makes no runs of its own (LiveApp's schedules never fire).
            var now = DateTime.UtcNow;
            var history = Path.Combine(folder, "history.db");
            var options = HistoryOptions.Default(events) with
            {
                EndUtc = new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc),
            };
            var generated = await HistoryGenerator.GenerateAsync(history, options, CancellationToken.None);
            Console.WriteLine($"history: {generated.Events:N0} events over {options.Days} days to {options.EndUtc:u}, " +
                              $"{generated.Chains:N0} failure chains, {generated.Deliveries:N0} webhook deliveries");

            using var playwright = await Playwright.CreateAsync();
            await using var browser = await playwright.Chromium.LaunchAsync(new()
            {
                ExecutablePath = chromium, Headless = true,
                Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
            });
            Console.WriteLine($"Chromium {browser.Version}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
                              $"{repeat} visits per page after one to warm up, load average {LoadAverage()}");

            // Both apps up for the whole run: Hangfire keeps the logger factory of the app that started last in a static,
            // so an app started after another one was disposed would fail to start.
            var settings = new Dictionary<string, string?>
            {
                ["Retention:EventDays"] = "400",
                // Production refuses to start without sign-in; the measurement signs in once per browser context.
                ["Access:Users:0:Name"] = UserName,
                ["Access:Users:0:PasswordHash"] = ConfiguredUsers.Hash(Password),
                ["Access:Users:0:Role"] = nameof(AccessRole.Viewer),
                // Plain http on loopback: no TLS here to make the cookies Secure over.
                ["Access:RequireHttps"] = "false",
            };
            await using var emptyApp = new LiveApp(Path.Combine(folder, "empty.db"), settings, production: true);
            await using var yearApp = new LiveApp(history, settings, production: true);
            var emptyAddress = emptyApp.Start();
            var yearAddress = yearApp.Start();
            if (Value("--explain") is { } explained)
            {
                await ExplainAsync(browser, yearAddress, explained);
                return;
            }
            var empty = await MeasureAsync(browser, emptyAddress, repeat);
            var year = await MeasureAsync(browser, yearAddress, repeat);
            Console.WriteLine("| page | prerender, empty | prerender, year | settled, empty | settled, year (median) | settled, year (worst) |");
            Console.WriteLine("|---|---|---|---|---|---|");
            foreach (var page in Pages)
            {
                Console.WriteLine($"| `{page}` | {Median(empty[page].Prerender):0} ms | {Median(year[page].Prerender):0} ms | " +
                                  $"{Median(empty[page].Settled):0} ms | {Median(year[page].Settled):0} ms | {year[page].Settled.Max():0} ms |");
            }
            Console.WriteLine($"worst settled on the year: {year.Values.Max(t => t.Settled.Max()):0} ms (target ≤ 500 ms); " +
                              $"worst prerender median: {year.Values.Max(t => Median(t.Prerender)):0} ms (target ≤ 50 ms); " +
                              $"load average {LoadAverage()}");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private sealed record Timings(List<double> Prerender, List<double> Settled);

    private static async Task<Dictionary<string, Timings>> MeasureAsync(IBrowser browser, Uri address, int repeat)
    {
        await using var context = await NewContextAsync(browser, address);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = address };
        // The prerender is fetched with the browser's sign-in cookie: without it every page answers with a redirect.
        http.DefaultRequestHeaders.Add("Cookie",
            string.Join("; ", (await context.CookiesAsync()).Select(c => $"{c.Name}={c.Value}")));
        var timings = Pages.ToDictionary(p => p, _ => new Timings([], []));
        for (var round = 0; round <= repeat; round++)
        {
            foreach (var page in Pages)
            {
                var prerender = await PrerenderAsync(http, page);
                var settled = await SettleAsync(context, page);
                if (round == 0) continue; // warm-up: JIT, caches, the chart library's first download
                timings[page].Prerender.Add(prerender);
                timings[page].Settled.Add(settled);
            }
        }
        return timings;
    }

    private static async Task<double> PrerenderAsync(HttpClient http, string page)
    {
        var clock = Stopwatch.StartNew();
        using var response = await http.GetAsync(page, HttpCompletionOption.ResponseContentRead);
        response.EnsureSuccessStatusCode();
        return clock.Elapsed.TotalMilliseconds;
    }

    /// <summary>One browser context for every visit of a run, so after the warm-up visit the scripts and styles come
    /// from the browser's cache, as they do for an operator coming back to the dashboard (a new context per visit made
    /// every visit a first one: about 300 ms of downloading and compiling them before the circuit could start).</summary>
    /// <remarks>Signed in as a viewer, through the sign-in form.</remarks>
    private static async Task<IBrowserContext> NewContextAsync(IBrowser browser, Uri address)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = address.ToString(), ViewportSize = new() { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/login");
        await page.FillAsync("#username", UserName);
        await page.FillAsync("#password", Password);
        await page.ClickAsync("button[type=submit]");
        await page.WaitForURLAsync(url => !url.Contains("/login", StringComparison.Ordinal));
        await page.CloseAsync();
        return context;
    }

    private const string UserName = "pages";
    private const string Password = "measuring-the-pages";

    private static async Task<double> SettleAsync(IBrowserContext context, string path)
    {
        var page = await context.NewPageAsync();
        try
        {
            await page.AddInitScriptAsync(Observer);
            await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
            var settled = await page.WaitForFunctionAsync(Settled, QuietMs, new() { PollingInterval = 50, Timeout = 60_000 });
            return await settled.JsonValueAsync<double>();
        }
        finally
        {
            await page.CloseAsync(new() { RunBeforeUnload = true });
        }
    }

    // What changed in the DOM after the circuit came up, as "kind element.class [attribute]", for --explain.
    private const string Recorder = """
        (() => {
            window.__changes = [];
            new MutationObserver(records => {
                if (window.__liveAt === null) return;
                const at = Math.round(performance.now());
                for (const r of records) {
                    const t = r.target.nodeType === 1 ? r.target : r.target.parentElement;
                    const name = t ? t.tagName.toLowerCase() + (t.className && typeof t.className === 'string'
                        ? '.' + t.className.trim().split(/\s+/).slice(0, 2).join('.') : '') : '?';
                    window.__changes.push(`${at} ms ${r.type} ${name}${r.attributeName ? ' [' + r.attributeName + ']' : ''}`);
                }
            }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
        })();
        """;

    /// <summary><c>--explain PAGE</c>: what the page changes in its DOM for three seconds after its circuit is up (to
    /// see what keeps a page from settling).</summary>
    private static async Task ExplainAsync(IBrowser browser, Uri address, string path)
    {
        await using var context = await NewContextAsync(browser, address);
        Console.WriteLine($"warm-up visit settled in {await SettleAsync(context, path):0} ms");
        var page = await context.NewPageAsync();
        await page.AddInitScriptAsync(Observer);
        await page.AddInitScriptAsync(Recorder);
        await page.GotoAsync(path, new() { WaitUntil = WaitUntilState.Commit });
        await page.WaitForFunctionAsync("() => window.__liveAt !== null", null, new() { Timeout = 60_000 });
        await page.WaitForTimeoutAsync(3000);
        Console.WriteLine($"first response at {await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].responseStart"):0} ms, " +
                          $"DOM content loaded at {await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd"):0} ms");
        Console.WriteLine($"response end at {await page.EvaluateAsync<double>("() => performance.getEntriesByType('navigation')[0].responseEnd"):0} ms");
        foreach (var resource in await page.EvaluateAsync<string[]>(
                     "() => performance.getEntriesByType('resource').map(r => `${Math.round(r.startTime)}–${Math.round(r.responseEnd)} ms ${r.transferSize} B ${r.name}`)"))
        {
            Console.WriteLine(resource);
        }
        Console.WriteLine($"live at {await page.EvaluateAsync<double>("() => window.__liveAt"):0} ms");
        foreach (var change in await page.EvaluateAsync<string[]>("() => window.__changes")) Console.WriteLine(change);
        await page.CloseAsync();
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
