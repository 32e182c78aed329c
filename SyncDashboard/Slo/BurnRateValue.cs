namespace SyncDashboard.Slo;

/// <summary>How fast the budget burned over the last <paramref name="Window"/>: the bad share over it divided by the
/// share the target allows (1 spends the whole budget in exactly one objective window). Null when nothing was
/// measured in it.</summary>
public sealed record BurnRateValue(TimeSpan Window, double? Rate, SloTally Tally);
