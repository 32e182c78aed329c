using SyncDashboard.Composition;

var builder = WebApplication.CreateBuilder(args);
builder.AddSyncDashboard();

var app = builder.Build();
app.MapSyncDashboard();
app.Run();

/// <summary>Visible to <c>WebApplicationFactory</c> in the tests.</summary>
public partial class Program;
