using System.Globalization;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;
using SyncDashboard.Benchmarks;

// `generate-history --events N --days M --out FILE [--seed S] [--end now|2026-06-01T00:00:00Z] [--delivery-days D]`
// writes a realistic sync history to a SQLite file (see HistoryGenerator) and exits; everything else goes to
// BenchmarkDotNet. It ends at the current minute unless --end says otherwise, so the file opens as a live demo.
if (args.FirstOrDefault() == "generate-history")
{
    var defaults = HistoryOptions.Default();
    string? Value(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
    int Int(string name, int fallback) => Value(name) is { } text ? int.Parse(text, CultureInfo.InvariantCulture) : fallback;
    var now = DateTime.UtcNow;
    var end = Value("--end") is { } text and not "now"
        ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
        : new DateTime(now.Year, now.Month, now.Day, now.Hour, now.Minute, 0, DateTimeKind.Utc);
    var options = defaults with
    {
        Events = Int("--events", defaults.Events),
        Days = Int("--days", defaults.Days),
        Seed = Int("--seed", defaults.Seed),
        MirrorItems = Int("--mirror-items", defaults.MirrorItems),
        DeliveryDays = Int("--delivery-days", defaults.DeliveryDays),
        EndUtc = end,
    };
    var output = Path.GetFullPath(Value("--out") ?? Path.Combine(Path.GetTempPath(), "history.db"));
    Console.WriteLine($"Generating {options.Events:N0} events over {options.Days} days to {options.EndUtc:u} into {output} " +
                      $"(seed {options.Seed}) ...");
    var result = await HistoryGenerator.GenerateAsync(output, options, CancellationToken.None);
    Console.WriteLine(
        $"Wrote {result.Events:N0} events ({result.Failures:N0} failed, {(double)result.Failures / result.Events:P1}), " +
        $"{result.Chains:N0} failure chains ({result.OpenChains} open), {result.HourlyRows:N0} hourly rows, " +
        $"{result.RollupRows:N0} daily/weekly rows, {result.Deliveries:N0} webhook deliveries over the last " +
        $"{options.DeliveryDays} days ({result.DroppedDeliveries:N0} never sent), {result.MirrorItems:N0} mirrored tasks, " +
        $"{new FileInfo(output).Length / 1e6:N0} MB in {result.Elapsed.TotalSeconds:N1} s.");
    return;
}

// `live [--runs 50] [--circuits 1,10,50] [--settle-seconds 15] [--poll-ms 1000] [--page /timeline]` measures commit →
// DOM latency in Chromium and server memory per open circuit (see LiveMeasurement).
if (args.FirstOrDefault() == "live")
{
    await LiveMeasurement.RunAsync(args);
    return;
}

// `pages [--repeat 5] [--events 1000000] [--explain /page]` measures every page's prerender and settle time in Chromium on a generated
// year of history beside an empty database (see PageMeasurement).
if (args.FirstOrDefault() == "pages")
{
    await PageMeasurement.RunAsync(args);
    return;
}

// `check-queries` prints what the real and the full-scan versions answer, to see that they agree.
if (args.FirstOrDefault() == "check-queries")
{
    var real = new QueryBenchmarks();
    var naive = new NaiveQueryBenchmarks();
    real.GlobalSetup();
    naive.GlobalSetup();
    var health = await real.HealthQuery();
    Console.WriteLine($"real:  attempts {health.LastHourAttempts}, failures {health.LastHourFailures}, p95 {health.LastHourP95Ms}, " +
                      $"median {health.SevenDayMedianMs}, uptime {health.Uptime}");
    Console.WriteLine($"naive: {await naive.HealthQuery()}");
    return;
}

// `percentile-accuracy` prints how far the rollups' percentiles are from the exact ones over the query benchmarks'
// history, and what a row takes stored, for the duration sketch and the old power-of-two buckets (the extra columns of
// PercentileBenchmarks, with the worst case and the worst per period).
if (args.FirstOrDefault() == "percentile-accuracy")
{
    var history = PercentileHistory.Shared;
    Console.WriteLine($"{history.Durations.Length:N0} timed successful runs, {history.Hours.Count:N0} hourly rows");
    foreach (var name in new[] { PercentileAccuracyReport.Histogram, PercentileAccuracyReport.Sketch })
    {
        var report = PercentileAccuracyReport.Of(history, name);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name}: {report.Comparisons:N0} percentiles, worst {report.WorstError:P2} ({report.WorstCase}), mean {report.MeanError:P2}; " +
            $"worst per period: {string.Join(", ", report.WorstByPeriod.Select(w => $"{w.Key} {w.Value:P2}"))}; " +
            $"bytes per hourly row {report.BytesPerHourlyRow:N1}, daily {report.BytesPerDailyRow:N1}, weekly {report.BytesPerWeeklyRow:N1}"));
    }
    return;
}

// `trace-queries [--postgres]` runs each dashboard query warm and prints every SQL command it executed with EF Core's timing, to
// see which statement a slow query spends its time in (pair with `sqlite3 FILE 'EXPLAIN QUERY PLAN ...'`).
if (args.FirstOrDefault() == "trace-queries")
{
    await QueryTrace.RunAsync(Console.Out, postgres: args.Contains("--postgres"));
    return;
}

// `-- --quick` runs each mirror benchmark once after one warm-up, to check the harness. Every benchmark class brings
// its own job ([Config]): a job added to the global config here, even "as default", also overrode the query classes'
// 100 warm-ups and 100 iterations with the mirror's five.
MirrorApplyBenchmarks.Quick = args.Contains("--quick");
// The generated project is built before anything runs; on a busy 2-core machine that takes over BenchmarkDotNet's
// default two minutes, which it reports as a build error.
BenchmarkSwitcher.FromAssembly(typeof(MirrorApplyBenchmarks).Assembly)
    .Run(args.Where(a => a != "--quick").ToArray(), ManualConfig.Create(DefaultConfig.Instance).WithBuildTimeout(TimeSpan.FromMinutes(10)));
