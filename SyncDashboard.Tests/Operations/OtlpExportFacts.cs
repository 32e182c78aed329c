using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Operations;

/// <summary>OTLP export switched on by the standard variable alone, on the real process, received by a stand-in
/// collector (http/protobuf: one POST per batch to /v1/traces, /v1/metrics, /v1/logs).</summary>
public sealed class OtlpExportFacts
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task Otlp_ExportsTracesMetricsAndLogs_WhenTheEndpointIsSet()
    {
        var ct = TestContext.Current.CancellationToken;
        var port = FreePort();
        using var collector = new HttpListener();
        collector.Prefixes.Add($"http://127.0.0.1:{port}/");
        collector.Start();
        var received = new ConcurrentDictionary<string, int>();
        var serving = ServeAsync(collector, received);

        using var app = AppProcess.Start(
        [
            "--urls", "http://127.0.0.1:0",
            "--environment", "Production",
            $"--Database:ConnectionString=Data Source={TempFiles.NewDatabasePath()}",
            $"--Access:KeysFolder={Path.Combine(TempFiles.Folder, "keys")}",
            .. SignInHelper.UserSettings().Select(s => $"--{s.Key}={s.Value}"),
            "--Simulator:Url=http://127.0.0.1:0",
            "--Simulator:ChangeIntervalSeconds=0",
            "--Simulator:Webhooks:Enabled=false",
            "--Sync:SyncOnStartup=true",
            // The SDK reads its standard variables through configuration, so the command line stands in for them.
            $"--OTEL_EXPORTER_OTLP_ENDPOINT=http://127.0.0.1:{port}",
            "--OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf",
            "--OTEL_METRIC_EXPORT_INTERVAL=1000",
            "--OTEL_BSP_SCHEDULE_DELAY=200",
        ]);

        var deadline = DateTime.UtcNow + Budget;
        string[] signals = ["/v1/traces", "/v1/metrics", "/v1/logs"];
        while (!signals.All(received.ContainsKey) && DateTime.UtcNow < deadline && !app.HasExited)
        {
            await Task.Delay(200, ct);
        }
        collector.Stop();
        await serving;

        Assert.True(signals.All(received.ContainsKey),
            $"Received: {string.Join(", ", received.Keys)}{Environment.NewLine}{app.Tail()}");
    }

    private static async Task ServeAsync(HttpListener listener, ConcurrentDictionary<string, int> received)
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception error) when (error is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }
            received.AddOrUpdate(context.Request.Url!.AbsolutePath, 1, (_, n) => n + 1);
            // An empty Export…ServiceResponse is an empty protobuf message: a success.
            context.Response.StatusCode = 200;
            context.Response.ContentType = "application/x-protobuf";
            context.Response.Close();
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
