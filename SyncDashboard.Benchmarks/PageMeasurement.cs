using System.Diagnostics;
using System.Globalization;
using Microsoft.Playwright;

namespace SyncDashboard.Benchmarks;

/// <summary><c>pages</c>: how long each page of the dashboard takes, on a generated year of history beside the same
/// pages on an empty database, the app in this process on a real port.
/// <list type="bullet">
/// <item>Prerender: an HTTP GET of the page, to its last byte (the server's render of the page without a circuit).</item>
/// <item>Settled, in Debian's Chromium: from the navigation's start to the page being done, which is the last change
/// the page made to its DOM (elements or attributes; the once-a-second "ago" texts are left out) once the circuit is
/// up (<c>data-live=true</c>), every chart that has data is drawn (ApexCharts' <c>data-chart-instance</c>) and no
/// change came for <see cref="QuietMs"/>. A new page, so a new circuit, for every navigation.</item>
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
            var settings = new Dictionary<string, string?> { ["Retention:EventDays"] = "400" };
            await using var emptyApp = new LiveApp(Path.Combine(folder, "empty.db"), settings);
            await using var yearApp = new LiveApp(history, settings);
            var emptyAddress = emptyApp.Start();
            var yearAddress = yearApp.Start();
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
        using var http = new HttpClient { BaseAddress = address };
        var timings = Pages.ToDictionary(p => p, _ => new Timings([], []));
        for (var round = 0; round <= repeat; round++)
        {
            foreach (var page in Pages)
            {
                var prerender = await PrerenderAsync(http, page);
                var settled = await SettleAsync(browser, address, page);
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

    private static async Task<double> SettleAsync(IBrowser browser, Uri address, string path)
    {
        var page = await browser.NewPageAsync(new() { BaseURL = address.ToString(), ViewportSize = new() { Width = 1400, Height = 900 } });
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

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
