using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SyncDashboard.Benchmarks;

/// <summary>Throughput beside the mean, because the target is a rate: rows per second, and the share of the
/// baseline's rate (the inverse of BenchmarkDotNet's time ratio, which reads backwards for a throughput goal).</summary>
public sealed class RowsPerSecondColumn(int rows, bool relativeToBaseline) : IColumn
{
    public string Id => relativeToBaseline ? "RateVsRaw" : "RowsPerSecond";
    public string ColumnName => relativeToBaseline ? "Rate vs raw" : "Rows/s";
    public bool AlwaysShow => true;
    public ColumnCategory Category => ColumnCategory.Custom;
    public int PriorityInCategory => relativeToBaseline ? 1 : 0;
    public bool IsNumeric => true;
    public UnitType UnitType => UnitType.Dimensionless;
    public string Legend => relativeToBaseline
        ? "Rows per second as a share of the baseline's (raw prepared insert)"
        : $"Rows written per second: {rows:N0} items over the mean time";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
    public bool IsAvailable(Summary summary) =>
        summary.BenchmarksCases.Any(b => b.Descriptor.Type == typeof(MirrorApplyBenchmarks));

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var mean = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (mean is not > 0) return "NA";
        if (!relativeToBaseline) return (rows / (mean.Value / 1e9)).ToString("N0");

        var baseline = summary.GetBaseline(summary.GetLogicalGroupKey(benchmarkCase));
        var baselineMean = baseline is null ? null : summary[baseline]?.ResultStatistics?.Mean;
        return baselineMean is > 0 ? (baselineMean.Value / mean.Value).ToString("P0") : "NA";
    }

    public override string ToString() => ColumnName;
}
