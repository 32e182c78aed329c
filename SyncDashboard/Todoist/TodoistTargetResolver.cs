using Microsoft.Extensions.Options;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Todoist;

public sealed class TodoistTargetResolver(
    IOptions<TodoistOptions> todoist, IOptions<SimulatorOptions> simulator, SimulatorEndpoint simulatorEndpoint)
{
    public bool IsDemoMode => todoist.Value.IsDemoMode;

    public async Task<TodoistTarget> ResolveAsync(CancellationToken ct)
    {
        if (!IsDemoMode)
        {
            return new TodoistTarget(new Uri(todoist.Value.BaseUrl), todoist.Value.ApiToken!, IsSimulator: false);
        }
        var address = await simulatorEndpoint.WhenStartedAsync(ct);
        return new TodoistTarget(address, simulator.Value.Token, IsSimulator: true);
    }
}
