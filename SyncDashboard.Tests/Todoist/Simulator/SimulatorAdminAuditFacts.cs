using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Access;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using SyncDashboard.Todoist.Simulator;

namespace SyncDashboard.Tests.Todoist.Simulator;

/// <summary>The simulator's <c>/admin/faults</c> changes what the app sees, so a change there is audited like one made
/// in the dashboard's Simulator panel, under the caller's address.</summary>
public sealed class SimulatorAdminAuditFacts
{
    [Fact]
    public async Task PutFaults_IsAuditedAsFaultInjection_UnderTheCallersAddress()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new TestApp();
        var simulator = await app.StartAsync();
        using var http = new HttpClient { BaseAddress = simulator };

        using var response = await http.PutAsJsonAsync("/admin/faults", new SimulatorFaults { ErrorRate = 0.5, ErrorStatus = 503 }, ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = await app.CreateDbAsync();
        var entry = await db.AuditEntries.SingleAsync(a => a.Action == AuditAction.FaultInjection, ct);
        Assert.Equal("simulator admin (127.0.0.1)", entry.Actor);
        Assert.Equal("error rate 50% (503)", entry.Details);
    }

    [Fact]
    public async Task PutFaults_WithABadValue_AuditsNothing()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var app = new TestApp();
        var simulator = await app.StartAsync();
        using var http = new HttpClient { BaseAddress = simulator };

        using var response = await http.PutAsync("/admin/faults",
            new StringContent("""{"errorRate":2}""", System.Text.Encoding.UTF8, "application/json"), ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await using var db = await app.CreateDbAsync();
        Assert.False(await db.AuditEntries.AnyAsync(a => a.Action == AuditAction.FaultInjection, ct));
    }
}
