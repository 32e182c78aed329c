using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SyncDashboard.Benchmarks;

/// <summary>Accuracy and storage beside the time, because the targets are those: the worst and mean relative
/// error of every percentile of the history against the exact one, and the bytes a row takes stored. Computed in the
/// process that prints the summary, from the same history file the benchmarks read.</summary>
public sealed class PercentileAccuracyColumn(PercentileAccuracyColumn.Kind kind) : IColumn
{
    public enum Kind { WorstError, MeanError, BytesPerHourlyRow, BytesPerDailyRow, BytesPerWeeklyRow }

    public string Id => nameof(PercentileAccuracyColumn) + kind;
    public string ColumnName => kind switch
    {
        Kind.WorstError => "Worst error",
        Kind.MeanError => "Mean error",
        Kind.BytesPerHourlyRow => "B/hour row",
        Kind.BytesPerDailyRow => "B/day row",
        _ => "B/week row",
    };
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => (int)kind;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => kind switch
    {
        Kind.WorstError => "Worst relative error of p50/p95/p99 of every hour, 6 h, day, week and 30-day window against the exact nearest-rank value",
        Kind.MeanError => "Mean relative error over the same percentiles",
        Kind.BytesPerHourlyRow => "Mean bytes of an hourly row's durations as stored (the sketch's encoding; the buckets' JSON text)",
        Kind.BytesPerDailyRow => "The same for a daily row",
        _ => "The same for a weekly row",
    };

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) =>
        summary.BenchmarksCases.Any(b => b.Descriptor.Type == typeof(PercentileBenchmarks));

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (benchmarkCase.Descriptor.Type != typeof(PercentileBenchmarks)) return "-";
        var report = PercentileAccuracyReport.Of(PercentileHistory.Shared,
            benchmarkCase.Descriptor.WorkloadMethod.Name == nameof(PercentileBenchmarks.Sketch)
                ? PercentileAccuracyReport.Sketch
                : PercentileAccuracyReport.Histogram);
        return kind switch
        {
            Kind.WorstError => report.WorstError.ToString("P2", CultureInfo.InvariantCulture),
            Kind.MeanError => report.MeanError.ToString("P2", CultureInfo.InvariantCulture),
            Kind.BytesPerHourlyRow => report.BytesPerHourlyRow.ToString("N0", CultureInfo.InvariantCulture),
            Kind.BytesPerDailyRow => report.BytesPerDailyRow.ToString("N0", CultureInfo.InvariantCulture),
            _ => report.BytesPerWeeklyRow.ToString("N0", CultureInfo.InvariantCulture),
        };
    }

    public override string ToString() => ColumnName;
}
