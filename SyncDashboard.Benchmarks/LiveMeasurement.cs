using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Npgsql;
using SyncDashboard.Data;
using SyncDashboard.Live;
using SyncDashboard.Sync;

namespace SyncDashboard.Benchmarks;

/// <summary><c>live</c>: how fast a commit reaches an open browser, and what an open circuit costs the server.
/// <list type="bullet">
/// <item>Latency: a Chromium page on <c>/timeline</c>; each run is made through the engine in this process; commit
/// time is the event's <c>CompletedUtc</c> (taken just before the commit, so the figure errs high); DOM time is a
/// MutationObserver in the page seeing the runs chart's caption change, as <c>performance.timeOrigin + now()</c>.
/// Same machine, same clock. Once with the page on the node that ran the sync, once with it on a second node over
/// the same database file (the watermark poller's path). With <c>--postgres CONNECTION</c> (or
/// <c>SYNCDASHBOARD_TEST_POSTGRES</c> set), once more on two nodes over a fresh database on that server, the page on the
/// node that did not run the sync, with the poller off: only <c>LISTEN/NOTIFY</c> can tell it.</item>
/// <item>Memory: N pages (N circuits) open on one page of the app, left alone for a while, then a full blocking GC:
/// managed heap and working set against the same with no circuit open.</item>
/// </list></summary>
public static class LiveMeasurement
{
    private const string ObserveCaption = """
        expected => {
            window.__seen = null;
            const done = () => {
                const caption = document.querySelector('[data-testid=runs-chart] figcaption');
                if (caption && caption.textContent.startsWith(expected + ' successful run')) {
                    window.__seen = performance.timeOrigin + performance.now();
                    observer.disconnect();
                }
            };
            const observer = new MutationObserver(done);
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
        }
        """;

    public static async Task RunAsync(string[] args)
    {
        string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
        var runs = int.Parse(Value("--runs") ?? "50", CultureInfo.InvariantCulture);
        var circuitCounts = (Value("--circuits") ?? "1,10,50").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToList();
        var settle = TimeSpan.FromSeconds(int.Parse(Value("--settle-seconds") ?? "15", CultureInfo.InvariantCulture));
        // The app's own default unless asked otherwise, so a plain `live` measures what a deployment gets.
        var pollMs = Value("--poll-ms") ?? new LiveOptions().PollIntervalMs.ToString(CultureInfo.InvariantCulture);
        var memoryPage = Value("--page") ?? "/timeline";
        var postgres = Value("--postgres") ?? Environment.GetEnvironmentVariable("SYNCDASHBOARD_TEST_POSTGRES");
        var chromium = Environment.GetEnvironmentVariable("CHROMIUM_PATH") is { Length: > 0 } path ? path : "/usr/bin/chromium";

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
        Console.WriteLine($"Chromium {browser.Version}, {Environment.ProcessorCount} cores, .NET {Environment.Version}, " +
                          $"{runs} runs, poll interval {pollMs} ms, memory on {memoryPage} after {settle.TotalSeconds:0} s");

        var databaseFile = Path.Combine(Path.GetTempPath(), $"syncdashboard-live-{Guid.NewGuid():N}.db");
        try
        {
            var poll = new Dictionary<string, string?> { ["Live:PollIntervalMs"] = pollMs };
            await using var nodeA = new LiveApp(databaseFile, poll);
            var addressA = nodeA.Start();
            await using var nodeB = new LiveApp(databaseFile, poll);
            var addressB = nodeB.Start();

            var pollInterval = int.Parse(pollMs, CultureInfo.InvariantCulture);
            var local = await MeasureLatencyAsync(browser, addressA, nodeA, runs, pollInterval);
            Report("same node (notifier)", local);
            var remote = await MeasureLatencyAsync(browser, addressB, nodeA, runs, pollInterval);
            Report($"other node (watermark poller, {pollMs} ms)", remote);

            if (!string.IsNullOrWhiteSpace(postgres))
            {
                var (sameNode, otherNode) = await MeasureOverPostgresAsync(browser, postgres, runs);
                Report("same node on PostgreSQL (notifier)", sameNode);
                Report("other node on PostgreSQL (LISTEN/NOTIFY, poller off)", otherNode);
            }

            await MeasureMemoryAsync(browser, addressA, nodeA, memoryPage, circuitCounts, settle);
        }
        finally
        {
            foreach (var file in new[] { databaseFile, databaseFile + "-wal", databaseFile + "-shm" })
            {
                try { File.Delete(file); } catch (IOException) { }
            }
        }
    }

    /// <summary>Two nodes over a database of their own on the PostgreSQL server, the page first on the node that runs
    /// the syncs (what the page's own queries cost on PostgreSQL), then on the second: there the commit arrives only
    /// through the first node's <c>NOTIFY</c>, since its watermark poller is off.</summary>
    private static async Task<(List<double> SameNode, List<double> OtherNode)> MeasureOverPostgresAsync(
        IBrowser browser, string server, int runs)
    {
        var name = $"syncdashboard_live_{Guid.NewGuid():N}";
        var admin = new NpgsqlConnectionStringBuilder(server);
        var database = new NpgsqlConnectionStringBuilder(server) { Database = name }.ConnectionString;
        await ExecuteAsync(admin.ConnectionString, $"CREATE DATABASE \"{name}\"");
        try
        {
            var settings = new Dictionary<string, string?>
            {
                ["Database:Provider"] = "PostgreSql",
                ["Database:ConnectionString"] = database,
                ["Live:PollIntervalMs"] = "0",
            };
            (List<double>, List<double>) latencies;
            // One at a time: the first migrates and installs Hangfire's schema.
            await using (var nodeA = new LiveApp("unused.db", settings))
            {
                var addressA = nodeA.Start();
                await using var nodeB = new LiveApp("unused.db", settings);
                var addressB = nodeB.Start();
                latencies = (await MeasureLatencyAsync(browser, addressA, nodeA, runs, pollMs: 250),
                    await MeasureLatencyAsync(browser, addressB, nodeA, runs, pollMs: 250));
            }
            return latencies;
        }
        finally
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(admin.ConnectionString, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>Milliseconds from each run's commit on <paramref name="syncNode"/> to the DOM change in a page open on
    /// <paramref name="pageAddress"/>.</summary>
    private static async Task<List<double>> MeasureLatencyAsync(
        IBrowser browser, Uri pageAddress, LiveApp syncNode, int runs, int pollMs)
    {
        var page = await browser.NewPageAsync(new() { BaseURL = pageAddress.ToString(), ViewportSize = new() { Width = 1400, Height = 900 } });
        await page.GotoAsync("/timeline");
        await page.Locator("[data-live=true]").WaitForAsync();
        var factory = syncNode.Services.GetRequiredService<IDbContextFactory<MonitoringDbContext>>();
        var latencies = new List<double>();
        var random = new Random(5);
        const int warmUp = 5;
        for (var i = 0; i < warmUp + runs; i++)
        {
            var expected = await SuccessesTodayAsync(factory) + 1;
            await page.EvaluateAsync(ObserveCaption, expected);
            var outcome = await syncNode.SyncAsync(CancellationToken.None);
            if (outcome.Kind != SyncOutcomeKind.Succeeded) throw new InvalidOperationException($"Run {i} ended {outcome.Kind}.");
            var completed = await CompletedUnixMsAsync(factory, outcome.EventId!.Value);
            var seen = await (await page.WaitForFunctionAsync("() => window.__seen", null, new() { Timeout = 10_000 })).JsonValueAsync<double>();
            if (i >= warmUp) latencies.Add(seen - completed);
            // A pause spread over a whole poll interval: detection happens just after a poll, so a fixed pause would
            // put every commit at the same point of the poller's cycle and bias the other node's figures.
            await Task.Delay(random.Next(150, 150 + Math.Max(pollMs, 250)));
        }
        await page.CloseAsync(new() { RunBeforeUnload = false });
        return latencies;
    }

    private static async Task<int> SuccessesTodayAsync(IDbContextFactory<MonitoringDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var since = DateTime.UtcNow.AddHours(-23).Date.AddHours(DateTime.UtcNow.AddHours(-23).Hour);
        return await db.SyncEvents.CountAsync(e => e.Status == SyncStatus.Succeeded && e.StartedUtc >= since);
    }

    private static async Task<double> CompletedUnixMsAsync(IDbContextFactory<MonitoringDbContext> factory, long eventId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var completed = await db.SyncEvents.Where(e => e.Id == eventId).Select(e => e.CompletedUtc).SingleAsync();
        return (DateTime.SpecifyKind(completed!.Value, DateTimeKind.Utc) - DateTime.UnixEpoch).TotalMilliseconds;
    }

    private static void Report(string label, List<double> latencies)
    {
        var sorted = latencies.Order().ToList();
        double P(double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
        Console.WriteLine($"commit → DOM, {label}: p50 {P(0.5):0} ms, p95 {P(0.95):0} ms, min {sorted[0]:0} ms, " +
                          $"max {sorted[^1]:0} ms over {sorted.Count} runs (target p95 ≤ 500 ms)");
    }

    private static async Task MeasureMemoryAsync(
        IBrowser browser, Uri address, LiveApp app, string path, IReadOnlyList<int> counts, TimeSpan settle)
    {
        var context = await browser.NewContextAsync(new() { BaseURL = address.ToString() });
        await WaitForCircuitsAsync(app, 0);
        await Task.Delay(settle);
        var (heap0, set0) = Measure();
        Console.WriteLine($"memory, 0 circuits: heap {heap0 / 1e6:0.0} MB, working set {set0 / 1e6:0} MB");
        Console.WriteLine("| circuits | heap | working set | heap per circuit | working set per circuit |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var count in counts)
        {
            var pages = new List<IPage>();
            for (var i = 0; i < count; i++)
            {
                var page = await context.NewPageAsync();
                await page.GotoAsync(path);
                await page.Locator("[data-live=true]").WaitForAsync(new() { Timeout = 60_000 });
                pages.Add(page);
            }
            await WaitForCircuitsAsync(app, count);
            await Task.Delay(settle);
            var (heap, set) = Measure();
            Console.WriteLine($"| {count} | {heap / 1e6:0.0} MB | {set / 1e6:0} MB | {(heap - heap0) / 1e3 / count:0} KB | " +
                              $"{(set - set0) / 1e3 / count:0} KB |");
            foreach (var page in pages) await page.CloseAsync(new() { RunBeforeUnload = true });
            await WaitForCircuitsAsync(app, 0);
        }
        await context.CloseAsync();
    }

    private static async Task WaitForCircuitsAsync(LiveApp app, int count)
    {
        var deadline = DateTime.UtcNow.AddMinutes(4);
        while (app.Circuits.Open != count)
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"{app.Circuits.Open} circuits open, waiting for {count}.");
            await Task.Delay(100);
        }
    }

    private static (long Heap, long WorkingSet) Measure()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        var heap = GC.GetTotalMemory(forceFullCollection: true);
        using var process = Process.GetCurrentProcess();
        return (heap, process.WorkingSet64);
    }
}
