using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using SyncDashboard.Benchmarks;

// `-- --quick` runs each benchmark once after one warm-up, to check the harness; the real run measures five
// iterations. Each iteration inserts 100,000 rows into a fresh file, so Monitoring (no pilot, one invocation per
// iteration) is the right strategy: the work is long enough that timer resolution does not matter.
var quick = args.Contains("--quick");
var job = Job.Default
    .WithStrategy(RunStrategy.Monitoring)
    .WithLaunchCount(1)
    .WithWarmupCount(1)
    .WithIterationCount(quick ? 1 : 5);

var config = DefaultConfig.Instance
    .AddJob(job.AsDefault())
    .AddColumn(new RowsPerSecondColumn(MirrorApplyBenchmarks.Rows, relativeToBaseline: false))
    .AddColumn(new RowsPerSecondColumn(MirrorApplyBenchmarks.Rows, relativeToBaseline: true));

BenchmarkSwitcher.FromAssembly(typeof(MirrorApplyBenchmarks).Assembly)
    .Run(args.Where(a => a != "--quick").ToArray(), config);
