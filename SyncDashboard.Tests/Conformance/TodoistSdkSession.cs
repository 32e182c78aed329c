using System.Diagnostics;
using System.Text.Json;

namespace SyncDashboard.Tests.Conformance;

/// <summary>One node process running sdk-conformance.mjs: a command goes in as a JSON line, its answer comes back as
/// one. The script also receives webhook deliveries at <see cref="WebhookUrl"/>.</summary>
public sealed class TodoistSdkSession : IAsyncDisposable
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private const int KeptErrorLines = 40;

    private readonly Process process;
    private readonly Queue<string> errors;

    private TodoistSdkSession(Process process, Queue<string> errors, JsonElement ready)
    {
        this.process = process;
        this.errors = errors;
        WebhookUrl = new Uri(ready.GetProperty("webhookUrl").GetString()!);
        SdkVersion = ready.GetProperty("sdk").GetString()!;
    }

    public Uri WebhookUrl { get; }

    /// <summary>The version node actually loaded, read from the installed package.</summary>
    public string SdkVersion { get; }

    public static async Task<TodoistSdkSession> StartAsync(TodoistSdkFixture sdk)
    {
        var info = new ProcessStartInfo("node")
        {
            WorkingDirectory = sdk.Folder,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(sdk.Script);
        var process = Process.Start(info)!;
        // Read as it comes (a full pipe would stall node) and keep the tail for failure messages.
        var errors = new Queue<string>();
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (errors)
            {
                errors.Enqueue(e.Data);
                if (errors.Count > KeptErrorLines) errors.Dequeue();
            }
        };
        process.BeginErrorReadLine();
        var ready = await ReadAsync(process, () => Tail(errors));
        return new TodoistSdkSession(process, errors, ready);
    }

    public Task<JsonElement> UseAsync(Uri simulator, string token, string? clientSecret) =>
        SendAsync(new { op = "use", baseUrl = simulator.ToString(), token, clientSecret });

    /// <summary>A sync through the SDK's own client (<c>TodoistApi.sync</c>).</summary>
    public Task<JsonElement> SyncAsync(string? syncToken, string[]? resourceTypes, string? token = null) =>
        token is null
            ? SendAsync(new { op = "sync", syncToken, resourceTypes })
            : SendAsync(new { op = "sync", syncToken, resourceTypes, token });

    public async Task<JsonElement> SendAsync(object command)
    {
        await process.StandardInput.WriteLineAsync(JsonSerializer.Serialize(command, Json));
        await process.StandardInput.FlushAsync();
        return await ReadAsync(process, Errors);
    }

    public string Errors() => Tail(errors);

    private static string Tail(Queue<string> errors)
    {
        lock (errors) return string.Join('\n', errors);
    }

    private static async Task<JsonElement> ReadAsync(Process process, Func<string> errors)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TodoistSdkFixture.Patience);
        string? line;
        try
        {
            line = await process.StandardOutput.ReadLineAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"The SDK script did not answer within {TodoistSdkFixture.Patience}:\n{errors()}");
        }
        if (line is null) throw new InvalidOperationException($"The SDK script exited:\n{errors()}");
        using var document = JsonDocument.Parse(line);
        return document.RootElement.Clone();
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            process.StandardInput.Close();
            using var timeout = new CancellationTokenSource(TodoistSdkFixture.Patience);
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception ex) when (ex is OperationCanceledException or InvalidOperationException or IOException)
        {
            process.Kill(entireProcessTree: true);
        }
        process.Dispose();
    }
}
