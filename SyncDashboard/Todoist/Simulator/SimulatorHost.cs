using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Options;
using SyncDashboard.Access;
using SyncDashboard.Data;

namespace SyncDashboard.Todoist.Simulator;

/// <summary>Runs the simulator on its own Kestrel listener, so the app syncs against it over real HTTP exactly as it
/// would against api.todoist.com. Started only in demo mode (no Todoist token configured).</summary>
public sealed class SimulatorHost(
    TodoistSimulator simulator,
    SimulatorEndpoint endpoint,
    IOptions<SimulatorOptions> options,
    IOptions<TodoistOptions> todoist,
    ILogger<SimulatorHost> logger,
    AuditLog? audit = null) : IHostedService, IAsyncDisposable
{
    private WebApplication? app;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // Registering the simulator twice must not try to bind its port twice.
        if (app is not null) return;
        if (!todoist.Value.IsDemoMode)
        {
            logger.LogInformation("A Todoist token is configured: the Todoist simulator stays off");
            return;
        }

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            // The web host reads its URLs from the environment (ASPNETCORE_URLS, HTTP_PORTS, set by dotnet run too)
            // while it is created, before the configuration below can be cleared; blank arguments outrank them.
            Args = ["--urls=", "--http_ports=", "--https_ports="],
            ApplicationName = typeof(SimulatorHost).Assembly.GetName().Name,
            ContentRootPath = AppContext.BaseDirectory,
        });
        // The slim builder reads appsettings.json and environment variables like the main app, which would hand it
        // the main app's URLs (ASPNETCORE_URLS, HTTP_PORTS, Kestrel:Endpoints) and log levels. It gets none of them:
        // its one endpoint is configured below.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(kestrel => Listen(kestrel, options.Value.Url));
        builder.Logging.ClearProviders().AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);

        var web = builder.Build();
        SimulatorEndpoints.Map(web, simulator, audit);
        await web.StartAsync(cancellationToken);
        app = web;

        var address = web.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>()
            .Addresses.First();
        endpoint.SetStarted(new Uri(address));
        logger.LogInformation("Todoist simulator listening on {Address}", address);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (app is not null) await app.StopAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        if (app is not null) await app.DisposeAsync();
        app = null;
    }

    /// <summary>Listens on the one configured URL. Kestrel cannot pick a free port for "localhost", so port 0 there
    /// means the IPv4 loopback.</summary>
    private static void Listen(KestrelServerOptions kestrel, string url)
    {
        var uri = new Uri(url);
        if (uri.Scheme != Uri.UriSchemeHttp)
        {
            throw new InvalidOperationException($"{SimulatorOptions.Section}:Url must be an http:// URL, got '{url}'.");
        }
        if (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip))
        {
            kestrel.Listen(ip, uri.Port);
        }
        else if (uri.IsLoopback && uri.Port != 0)
        {
            kestrel.ListenLocalhost(uri.Port);
        }
        else if (uri.IsLoopback)
        {
            kestrel.Listen(IPAddress.Loopback, 0);
        }
        else
        {
            kestrel.ListenAnyIP(uri.Port);
        }
    }
}
