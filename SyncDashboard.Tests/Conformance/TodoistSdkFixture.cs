using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Tests.Todoist.Simulator;

namespace SyncDashboard.Tests.Conformance;

/// <summary>Todoist's official TypeScript SDK, installed with <c>npm ci</c> from the pinned package.json and
/// package-lock.json beside this file into the test output (never into the working tree), and node to run it. Without
/// node (or with one older than the SDK supports) the tests that need it skip with the install command; with CI=true
/// they fail, because CI installs node.</summary>
public sealed class TodoistSdkFixture : IAsyncLifetime
{
    public const string InstallCommand = "sudo apt-get install -y nodejs npm";

    /// <summary>The oldest node @doist/todoist-sdk 11 runs on (its package.json's engines).</summary>
    public static readonly Version MinimumNode = new(20, 18, 1);

    /// <summary>The one time-out of the conformance tests: installing, starting node, one answer from the script.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromMinutes(3);

    private static readonly string Source = Path.Combine(RepositoryRoot.Path, "SyncDashboard.Tests", "Conformance");
    private static readonly string[] Files = ["package.json", "package-lock.json", "sdk-conformance.mjs"];

    private string? missing;
    private string? broken;

    /// <summary>Where the SDK is installed: a folder of the test output, which git ignores.</summary>
    public string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "todoist-sdk");

    public string Script => Path.Combine(Folder, "sdk-conformance.mjs");

    /// <summary>The exact SDK version package.json pins.</summary>
    public string PinnedVersion { get; } = ReadPinnedVersion();

    private static bool IsCi =>
        string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    public async ValueTask InitializeAsync()
    {
        var ct = TestContext.Current.CancellationToken;
        var node = await TryRunAsync("node", ["--version"], Source, ct);
        if (node is not { ExitCode: 0 })
        {
            missing = $"node was not found; install it with: {InstallCommand}";
            return;
        }
        var version = Version.TryParse(node.Output.Trim().TrimStart('v'), out var parsed) ? parsed : new Version(0, 0);
        if (version < MinimumNode)
        {
            missing = $"node {node.Output.Trim()} is older than {MinimumNode}, the oldest @doist/todoist-sdk {PinnedVersion} " +
                      $"runs on; install a newer one ({InstallCommand} on a distribution that packages Node 20 or later)";
            return;
        }
        if (await TryRunAsync("npm", ["--version"], Source, ct) is not { ExitCode: 0 })
        {
            missing = $"npm was not found; install it with: {InstallCommand}";
            return;
        }
        broken = await InstallAsync(ct);
    }

    public ValueTask DisposeAsync() => ValueTask.CompletedTask;

    /// <summary>A running SDK script talking to <paramref name="simulator"/>, or a skipped (locally) / failed (CI)
    /// test when node is missing.</summary>
    internal async Task<TodoistSdkSession> StartAsync(SimulatorHarness simulator, string? clientSecret = null)
    {
        var session = await StartAsync();
        await session.UseAsync(simulator.Address, SimulatorHarness.Token, clientSecret);
        return session;
    }

    /// <summary>A running SDK script not yet pointed at a simulator (its webhook address is needed to start one).</summary>
    public Task<TodoistSdkSession> StartAsync()
    {
        if (broken is not null) Assert.Fail(broken);
        if (missing is not null)
        {
            if (IsCi) Assert.Fail($"{missing} (CI=true: the SDK conformance tests must run, not skip)");
            Assert.Skip(missing);
        }
        return TodoistSdkSession.StartAsync(this);
    }

    /// <summary>Copies the pinned manifest and the script to <see cref="Folder"/> and runs <c>npm ci</c> there when
    /// the lock file changed since the last install. Returns why it failed, or null.</summary>
    private async Task<string?> InstallAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(Folder);
        foreach (var file in Files) File.Copy(Path.Combine(Source, file), Path.Combine(Folder, file), overwrite: true);

        var stamp = Path.Combine(Folder, "node_modules", ".installed-lock.sha256");
        var lockHash = Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(Path.Combine(Folder, "package-lock.json"), ct)));
        if (File.Exists(stamp) && await File.ReadAllTextAsync(stamp, ct) == lockHash) return null;

        var install = await TryRunAsync("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund"], Folder, ct);
        if (install is not { ExitCode: 0 })
        {
            return $"npm ci in {Folder} failed ({install?.ExitCode.ToString() ?? "did not finish"}):\n{install?.Output}";
        }
        await File.WriteAllTextAsync(stamp, lockHash, ct);
        return null;
    }

    private static string ReadPinnedVersion()
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Source, "package.json")));
        return manifest.RootElement.GetProperty("dependencies").GetProperty("@doist/todoist-sdk").GetString()!;
    }

    private sealed record Run(int ExitCode, string Output);

    /// <summary>Runs a tool to its end; null when it could not be started (not installed) or took too long.</summary>
    private static async Task<Run?> TryRunAsync(string file, IEnumerable<string> arguments, string folder, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments) info.ArgumentList.Add(argument);
        Process process;
        try
        {
            process = Process.Start(info)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        using (process)
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(Patience);
            var output = process.StandardOutput.ReadToEndAsync(timeout.Token);
            var errors = process.StandardError.ReadToEndAsync(timeout.Token);
            try
            {
                await process.WaitForExitAsync(timeout.Token);
                return new Run(process.ExitCode, (await output + await errors).Trim());
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                return null;
            }
        }
    }
}
