using System.Text.Json;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Operations;

/// <summary>The one setting for JSON console logs, on the real process, and the scope that lets a person follow a
/// run through them.</summary>
public sealed class JsonLogFacts
{
    private static readonly TimeSpan Budget = TimeSpan.FromMinutes(3);

    [Fact]
    public async Task JsonLogs_CarryTheRunsEventIdTypeAndTrigger()
    {
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
            "--Logging:Console:FormatterName=json",
        ]);
        var succeeded = app.WhenOutputContains("sync succeeded");

        await succeeded.WaitAsync(Budget, TestContext.Current.CancellationToken);

        var line = app.Tail().Split(Environment.NewLine).Last(l => l.Contains("sync succeeded", StringComparison.Ordinal));
        // Each line of the tail starts with the seconds since the child started; the JSON follows.
        using var json = JsonDocument.Parse(line[line.IndexOf('{')..]);
        var scopes = json.RootElement.GetProperty("Scopes").EnumerateArray().ToList();
        Assert.Contains(scopes, s => s.TryGetProperty("SyncEventId", out var id) && id.GetInt64() > 0);
        // The start-up sync or the first scheduled one, whichever came first.
        Assert.Contains(scopes, s => s.TryGetProperty("SyncType", out var type) && Enum.TryParse<SyncType>(type.GetString(), out _)
                                     && s.TryGetProperty("SyncTrigger", out var trigger)
                                     && Enum.TryParse<SyncTrigger>(trigger.GetString(), out _));
        await app.StopAsync(TimeSpan.FromSeconds(30));
    }
}
