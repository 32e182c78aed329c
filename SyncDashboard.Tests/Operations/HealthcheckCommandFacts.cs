using System.Net;
using System.Net.Sockets;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Operations;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Operations;

/// <summary><c>dotnet SyncDashboard.dll healthcheck</c> as the Docker HEALTHCHECK runs it: a real child process
/// probing a real listener.</summary>
public sealed class HealthcheckCommandFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Healthcheck_ExitsZero_WhenTheAppIsReady()
    {
        await using var app = new TestApp();
        var address = app.StartOnRealPort();
        await app.StartAsync();
        using var client = new HttpClient { BaseAddress = address };
        await HealthEndpointFacts.ReadyAsync(client);

        var (exitCode, output) = await RunAsync("healthcheck", "--urls", address.ToString());

        Assert.True(exitCode == 0, output);
        Assert.Contains("200", output);
    }

    [Fact]
    public async Task Healthcheck_ExitsOne_WhenTheAppIsNotReady()
    {
        await using var app = new TestApp();
        var address = app.StartOnRealPort();
        await app.StartAsync();
        await using (var db = await app.CreateDbAsync())
        {
            await db.Database.ExecuteSqlRawAsync(
                "DELETE FROM __EFMigrationsHistory WHERE MigrationId = (SELECT MAX(MigrationId) FROM __EFMigrationsHistory)", Ct);
        }

        var (exitCode, output) = await RunAsync("healthcheck", "--urls", address.ToString());

        Assert.True(exitCode == 1, output);
        Assert.Contains("503", output);
    }

    [Fact]
    public async Task Healthcheck_ExitsOne_WhenNothingListens()
    {
        var (exitCode, output) = await RunAsync("healthcheck", "--urls", $"http://127.0.0.1:{FreePort()}");

        Assert.True(exitCode == 1, output);
        Assert.Contains("no answer", output);
    }

    [Theory]
    [InlineData("http://+:8080", null, "http://127.0.0.1:8080/healthz/ready")]
    [InlineData("https://*:8443;http://0.0.0.0:8080", null, "http://127.0.0.1:8080/healthz/ready")]
    [InlineData("http://10.0.0.5:5005/", null, "http://10.0.0.5:5005/healthz/ready")]
    [InlineData(null, "8080", "http://127.0.0.1:8080/healthz/ready")]
    [InlineData(null, null, "http://127.0.0.1:5000/healthz/ready")]
    public void ReadinessAddress_IsWhereKestrelListens(string? urls, string? ports, string expected)
    {
        var environment = new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = urls, ["ASPNETCORE_HTTP_PORTS"] = ports };

        var address = HealthcheckCommand.ReadinessAddress([], name => environment.GetValueOrDefault(name));

        Assert.Equal(expected, address.ToString());
    }

    [Fact]
    public void ReadinessAddress_PrefersTheCommandLine_OverTheEnvironment()
    {
        var address = HealthcheckCommand.ReadinessAddress(["--urls", "http://localhost:7000"], _ => "http://+:8080");

        Assert.Equal("http://127.0.0.1:7000/healthz/ready", address.ToString());
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] arguments)
    {
        using var process = AppProcess.Start(arguments);
        await process.Exited.WaitAsync(TimeSpan.FromMinutes(2), Ct);
        return (process.ExitCode, process.Tail());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
