using System.Diagnostics;
using System.Reflection;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>The built app as a real child process (<c>dotnet SyncDashboard.dll</c>), for tests that must kill it the
/// way an operating system does: no finally blocks, no disposal, no graceful shutdown. Its output is read as it comes
/// (a full pipe would stall the child) and the last lines are kept for failure messages.</summary>
public sealed class AppProcess : IDisposable
{
    private const int KeptLines = 60;

    private readonly Process process;
    private readonly Queue<string> tail = new();
    private readonly List<(string Text, TaskCompletionSource Seen)> watches = [];
    private readonly Lock gate = new();
    private readonly Stopwatch sinceStart = Stopwatch.StartNew();

    private AppProcess(Process process)
    {
        this.process = process;
        // Watched before the child runs, so the line cannot pass unseen.
        Started = WhenOutputContains("Application started");
    }

    /// <summary>Completes when the host has started: every hosted service ran its start-up and Kestrel listens.</summary>
    public Task Started { get; }

    /// <summary>Completes when the child exits.</summary>
    public Task Exited => process.WaitForExitAsync();

    /// <summary>The app's assembly as <c>dotnet test</c> built it: same configuration and target framework as the tests.</summary>
    public static string AppAssembly { get; } = Path.Combine(RepositoryRoot.Path, "SyncDashboard", "bin",
        typeof(AppProcess).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug",
        new DirectoryInfo(AppContext.BaseDirectory).Name, "SyncDashboard.dll");

    public int Id => process.Id;

    /// <summary>How the app names its runs' events and leases (<c>RunIdentity.Node</c> in the child).</summary>
    public string Node => $"{Environment.MachineName}/{process.Id}";

    public bool HasExited => process.HasExited;

    public int ExitCode => process.ExitCode;

    public static AppProcess Start(IEnumerable<string> arguments)
    {
        if (!File.Exists(AppAssembly)) throw new FileNotFoundException("The app is not built.", AppAssembly);
        var info = new ProcessStartInfo("dotnet")
        {
            // The assembly's folder is the content root, as in the Docker image: appsettings.json is there.
            WorkingDirectory = Path.GetDirectoryName(AppAssembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(AppAssembly);
        foreach (var argument in arguments) info.ArgumentList.Add(argument);

        var process = new Process { StartInfo = info };
        var app = new AppProcess(process);
        process.OutputDataReceived += (_, e) => app.Receive(e.Data);
        process.ErrorDataReceived += (_, e) => app.Receive(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return app;
    }

    /// <summary>Completes when a line of the child's output contains <paramref name="text"/> from now on.</summary>
    public Task WhenOutputContains(string text)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (gate) watches.Add((text, seen));
        return seen.Task;
    }

    public string Tail()
    {
        lock (gate) return string.Join(Environment.NewLine, tail);
    }

    /// <summary>SIGKILL: the process dies wherever it is, as in a power cut or an OOM kill.</summary>
    public async Task KillAsync()
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { /* already gone */ }
        await process.WaitForExitAsync().WaitAsync(TestTimeouts.Process);
    }

    /// <summary>SIGTERM, as <c>docker stop</c> or systemd sends it, so the host shuts down and releases what it
    /// holds; SIGKILL after <paramref name="grace"/> (a budget on an idle machine, scaled like every test time-out).
    /// Returns whether it stopped by itself.</summary>
    public async Task<bool> StopAsync(TimeSpan grace)
    {
        using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString()]))
        {
            await kill.WaitForExitAsync();
        }
        try
        {
            await process.WaitForExitAsync().WaitAsync(TestTimeouts.Scaled(grace));
            return true;
        }
        catch (TimeoutException)
        {
            await KillAsync();
            return false;
        }
    }

    private void Receive(string? line)
    {
        if (line is null) return;
        lock (gate)
        {
            // Seconds since the child was started: a failure message then shows where its time went.
            tail.Enqueue($"+{sinceStart.Elapsed.TotalSeconds:0.00}s {line}");
            if (tail.Count > KeptLines) tail.Dequeue();
            foreach (var watch in watches.Where(w => line.Contains(w.Text, StringComparison.Ordinal)).ToList())
            {
                watch.Seen.TrySetResult();
                watches.Remove(watch);
            }
        }
    }

    public void Dispose()
    {
        if (!process.HasExited)
        {
            try { process.Kill(entireProcessTree: true); }
            catch (InvalidOperationException) { /* exited meanwhile */ }
            process.WaitForExit(TestTimeouts.Process);
        }
        process.Dispose();
    }
}
