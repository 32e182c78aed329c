using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;

namespace SyncDashboard.Tests.Api;

/// <summary><c>/api/maintenance</c> over HTTP, on a real SQLite file.</summary>
public sealed class MaintenanceApiFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Windows_AreCreated_Listed_EndedEarly_AndDeleted_EachAudited()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        using var client = app.CreateClient();

        var weekly = await client.PostAsJsonAsync("/api/maintenance", new
        {
            reason = " database upgrade ", cron = "0 2 * * SUN", timeZone = "Europe/Berlin", durationMinutes = 120,
            excludeFromSlo = true,
        }, Ct);
        var now = await client.PostAsJsonAsync("/api/maintenance",
            new { reason = "token rotation", durationMinutes = 120, pauseSyncing = true }, Ct);
        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created], [weekly.StatusCode, now.StatusCode]);
        var scheduled = await weekly.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal(("database upgrade", "Upcoming", true), (scheduled.GetProperty("reason").GetString(),
            scheduled.GetProperty("state").GetString(), scheduled.GetProperty("excludeFromSlo").GetBoolean()));
        Assert.Equal(DayOfWeek.Sunday, TimeZoneInfo.ConvertTimeBySystemTimeZoneId(
            scheduled.GetProperty("currentStart").GetDateTime().ToUniversalTime(), "Europe/Berlin").DayOfWeek);
        var adHoc = await now.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Active", adHoc.GetProperty("state").GetString());
        Assert.Equal(TimeSpan.FromMinutes(120),
            adHoc.GetProperty("currentEnd").GetDateTime() - adHoc.GetProperty("currentStart").GetDateTime());

        var listed = await client.GetFromJsonAsync<JsonElement>("/api/maintenance", Ct);
        Assert.Equal(["token rotation", "database upgrade"], listed.EnumerateArray().Select(w => w.GetProperty("reason").GetString()));

        var adHocId = adHoc.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await client.PostAsync($"/api/maintenance/{adHocId}/end", null, Ct)).StatusCode);
        var again = await client.PostAsync($"/api/maintenance/{adHocId}/end", null, Ct);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);
        var ended = await client.GetFromJsonAsync<JsonElement>("/api/maintenance", Ct);
        Assert.Equal(["Upcoming", "Past"], ended.EnumerateArray().Select(w => w.GetProperty("state").GetString()));

        var scheduledId = scheduled.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/maintenance/{scheduledId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/maintenance/{scheduledId}", Ct)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsync($"/api/maintenance/{scheduledId}/end", null, Ct)).StatusCode);

        await using var db = await app.CreateDbAsync();
        Assert.Equal(["token rotation"], await db.MaintenanceWindows.Select(w => w.Reason).ToListAsync(Ct));
        var audit = await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Action, a.Details }).ToListAsync(Ct);
        Assert.Equal([AuditAction.AddMaintenance, AuditAction.AddMaintenance, AuditAction.EndMaintenance, AuditAction.DeleteMaintenance],
            audit.Select(a => a.Action));
        Assert.Equal($"window #{scheduledId}, \"0 2 * * SUN\" (Europe/Berlin) for 120 min, excluded from SLO and uptime: database upgrade",
            audit[^1].Details);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "", "body" },
        { "{", "body" },
        { "[]", "body" },
        { """{"reason": "x", "durationMinutes": "two hours"}""", "body" },
        { """{"reason": "x", "durationMinutes": 99999999999}""", "body" },
        { """{"reason": "x", "durationMinutes": 1.5}""", "body" },
        { """{"reason": "x"}""", "durationMinutes" },
        { """{"reason": "x", "durationMinutes": 0}""", "durationMinutes" },
        { """{"reason": "x", "durationMinutes": -60}""", "durationMinutes" },
        { """{"reason": "x", "durationMinutes": 10081}""", "durationMinutes" },
        { """{"durationMinutes": 60}""", "reason" },
        { """{"reason": " ", "durationMinutes": 60}""", "reason" },
        { """{"reason": "nul\u0000", "durationMinutes": 60}""", "reason" },
        { """{"reason": "x", "durationMinutes": 60, "start": "tomorrow"}""", "start" },
        { """{"reason": "x", "durationMinutes": 60, "start": "2026-11-01T08:00:00"}""", "start" },
        { """{"reason": "x", "durationMinutes": 60, "start": "2001-01-01T08:00:00Z"}""", "start" },
        { """{"reason": "x", "durationMinutes": 60, "start": "0001-01-01T00:00:00+14:00"}""", "start" },
        { """{"reason": "x", "durationMinutes": 10080, "start": "9999-12-31T23:59:59Z"}""", "start" },
        { """{"reason": "x", "durationMinutes": 60, "cron": "0 2 * * SUN"}""", "timeZone" },
        { """{"reason": "x", "durationMinutes": 60, "timeZone": "UTC"}""", "cron" },
        { """{"reason": "x", "durationMinutes": 60, "cron": "0 25 * * *", "timeZone": "UTC"}""", "cron" },
        { """{"reason": "x", "durationMinutes": 60, "cron": "' OR '1'='1", "timeZone": "UTC"}""", "cron" },
        { """{"reason": "x", "durationMinutes": 60, "cron": "0 2 * * SUN", "timeZone": "Mars/Olympus_Mons"}""", "timeZone" },
        { """{"reason": "x", "durationMinutes": 60, "cron": "0 2 * * SUN", "timeZone": "../../etc/passwd"}""", "timeZone" },
        { """{"reason": "x", "durationMinutes": 60, "cron": "0 2 * * SUN", "timeZone": "UTC", "start": "2099-01-01T00:00:00Z"}""", "start" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_Answers400_NamingTheField(string body, string field)
    {
        await using var app = new TestApp();
        using var client = app.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/maintenance", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
        await using var db = await app.CreateDbAsync();
        Assert.Empty(db.MaintenanceWindows);
    }

    [Fact]
    public async Task Changes_AreRefusedToAViewer_WhoStillReadsTheList()
    {
        await using var app = ProductionApp();
        await using (var db = await app.CreateDbAsync())
        {
            db.MaintenanceWindows.Add(new MaintenanceWindow
            {
                Service = "todoist", Reason = "kept", StartUtc = DateTime.UtcNow, DurationMinutes = 60, CreatedBy = "otto",
                CreatedUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        }
        using var viewer = await SignedInAsync(app, ViewerName, ViewerPassword);

        var add = await viewer.PostAsJsonAsync("/api/maintenance", new { reason = "x", durationMinutes = 60 }, Ct);
        var end = await viewer.PostAsJsonAsync("/api/maintenance/1/end", new { }, Ct);
        var delete = await viewer.DeleteAsync("/api/maintenance/1", Ct);
        var listed = await viewer.GetFromJsonAsync<JsonElement>("/api/maintenance", Ct);

        Assert.Equal([HttpStatusCode.Forbidden, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden],
            [add.StatusCode, end.StatusCode, delete.StatusCode]);
        Assert.Equal("Active", Assert.Single(listed.EnumerateArray()).GetProperty("state").GetString());
    }
}
