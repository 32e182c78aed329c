using SyncDashboard.Access;
using SyncDashboard.Composition;
using SyncDashboard.Operations;

// `dotnet run --project SyncDashboard -- hash-password`: make an Access:Users:<n>:PasswordHash, then exit.
if (args is [HashPasswordCommand.Name, ..]) return HashPasswordCommand.Run();
// `dotnet SyncDashboard.dll healthcheck`: the container's HEALTHCHECK; exit code 0 when /healthz/ready says ready.
if (args is [HealthcheckCommand.Name, .. var rest]) return await HealthcheckCommand.RunAsync(rest, Console.Out);
// `dotnet run --project SyncDashboard -- new-api-key`: make a key for automation and its Access:ApiKeys:<n>:Hash.
if (args is [NewApiKeyCommand.Name, ..]) return NewApiKeyCommand.Run();

WebApplication? app = null;
try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddSyncDashboard();

    app = builder.Build();
    // Every configuration problem at once, and whether the database answers, before anything reads a setting.
    await app.CheckStartupAsync();
    app.MapSyncDashboard();
    await app.RunAsync();
    return 0;
}
catch (Exception error) when (StartupFailure.OwnsTheProcess)
{
    // Disposing flushes the console logger, which still holds the Debug lines with the stack trace.
    if (app is not null) await app.DisposeAsync();
    return StartupFailure.Report(error, Console.Error);
}

/// <summary>Visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
