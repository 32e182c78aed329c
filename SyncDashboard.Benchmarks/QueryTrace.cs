using System.Diagnostics;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace SyncDashboard.Benchmarks;

/// <summary>Each real query of <see cref="QueryBenchmarks"/> (or, with <c>--postgres</c>, of
/// <see cref="PostgreSqlQueryBenchmarks"/>), warm, with the SQL it ran and EF Core's time per command.</summary>
public static class QueryTrace
{
    private const int WarmUps = 20;

    public static async Task RunAsync(TextWriter output, bool postgres)
    {
        var log = new List<string>();
        Action<string> record = line => { lock (log) log.Add(line); };
        var benchmarks = postgres ? new PostgreSqlQueryBenchmarks { CommandLog = record } : new QueryBenchmarks { CommandLog = record };
        benchmarks.GlobalSetup();
        var queries = typeof(QueryBenchmarks).GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null);
        foreach (var query in queries)
        {
            // The fastest of the warm runs: on a busy machine that is the closest to what the query itself costs.
            var fastest = TimeSpan.MaxValue;
            for (var i = 0; i < WarmUps; i++)
            {
                log.Clear();
                var clock = Stopwatch.StartNew();
                await Invoke(query, benchmarks);
                if (clock.Elapsed < fastest) fastest = clock.Elapsed;
            }
            await output.WriteLineAsync($"=== {query.Name}: fastest of {WarmUps} warm runs {fastest.TotalMilliseconds:N1} ms; " +
                                        $"{log.Count} log lines of the last run:");
            foreach (var line in log) await output.WriteLineAsync(line);
        }
        benchmarks.GlobalCleanup();
    }

    private static Task Invoke(MethodInfo query, QueryBenchmarks benchmarks) => (Task)query.Invoke(benchmarks, null)!;
}
