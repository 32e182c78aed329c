namespace SyncDashboard.Operations;

public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>Serve the metrics in Prometheus' text format at <see cref="OperationsSetup.PrometheusPath"/>, to
    /// signed-in viewers as the API is. OTLP export needs no setting here: the standard <c>OTEL_*</c> environment
    /// variables switch it on.</summary>
    public bool Prometheus { get; set; }
}
