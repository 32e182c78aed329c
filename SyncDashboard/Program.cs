using SyncDashboard.Access;
using SyncDashboard.Composition;

// `dotnet run --project SyncDashboard -- hash-password`: make an Access:Users:<n>:PasswordHash, then exit.
if (args is [HashPasswordCommand.Name, ..]) return HashPasswordCommand.Run();
// `dotnet run --project SyncDashboard -- new-api-key`: make a key for automation and its Access:ApiKeys:<n>:Hash.
if (args is [NewApiKeyCommand.Name, ..]) return NewApiKeyCommand.Run();

var builder = WebApplication.CreateBuilder(args);
builder.AddSyncDashboard();

var app = builder.Build();
app.MapSyncDashboard();
app.Run();
return 0;

/// <summary>Visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
