using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using static SyncDashboard.Tests.Infrastructure.SignInHelper;

namespace SyncDashboard.Tests.Api;

/// <summary><c>/api/notes</c> and the notes exports over HTTP, on a real SQLite file.</summary>
public sealed class NotesApiFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Notes_AreAdded_ListedByWindow_Exported_AndDeleted_EachAudited()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        using var client = app.CreateClient();

        var incident = await client.PostAsJsonAsync("/api/notes",
            new { start = "2026-11-01T08:00:00Z", end = "2026-11-01T10:30:00+01:00", text = "  Todoist incident " }, Ct);
        var rotated = await client.PostAsJsonAsync("/api/notes", new { start = "2026-11-02T12:00:00Z", text = "=token rotated" }, Ct);
        var later = await client.PostAsJsonAsync("/api/notes", new { start = "2026-11-20T12:00:00Z", text = "outside" }, Ct);

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.Created],
            [incident.StatusCode, rotated.StatusCode, later.StatusCode]);
        var created = await incident.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.Equal("Todoist incident", created.GetProperty("text").GetString());
        Assert.Equal(new DateTime(2026, 11, 1, 9, 30, 0, DateTimeKind.Utc), created.GetProperty("end").GetDateTime().ToUniversalTime());
        Assert.Equal("api (local)", created.GetProperty("createdBy").GetString());

        // The incident began before the window and ends inside it: it touches the window, so it is listed.
        var listed = await client.GetFromJsonAsync<JsonElement>("/api/notes?from=2026-11-01T09:00:00Z&to=2026-11-03T00:00:00Z", Ct);
        Assert.Equal(["Todoist incident", "=token rotated"], listed.EnumerateArray().Select(n => n.GetProperty("text").GetString()));
        Assert.Equal(JsonValueKind.Null, listed[1].GetProperty("end").ValueKind);

        var csv = await client.GetAsync("/api/monitoring/notes.csv?from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z", Ct);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("attachment; filename=\"timeline-notes-20261101T000000Z-20261103T000000Z.csv\"",
            csv.Content.Headers.ContentDisposition?.ToString());
        var lines = (await csv.Content.ReadAsStringAsync(Ct)).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("id,start,end,text,createdBy,createdAt", lines[0]);
        Assert.Matches(@"^\d+,2026-11-01T08:00:00Z,2026-11-01T09:30:00Z,Todoist incident,api \(local\),", lines[1]);
        // A note's text is what someone typed: no formula when a spreadsheet opens the export.
        Assert.Matches(@"^\d+,2026-11-02T12:00:00Z,,'=token rotated,", lines[2]);
        Assert.Equal(3, lines.Length);
        var json = await client.GetFromJsonAsync<JsonElement>("/api/monitoring/notes.json?from=2026-11-01T00:00:00Z&to=2026-11-03T00:00:00Z", Ct);
        Assert.Equal(2, json.GetArrayLength());

        var id = created.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/api/notes/{id}", Ct)).StatusCode);
        var again = await client.DeleteAsync($"/api/notes/{id}", Ct);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal("application/problem+json", again.Content.Headers.ContentType?.MediaType);

        await using var db = await app.CreateDbAsync();
        Assert.Equal(["=token rotated", "outside"], await db.TimelineNotes.OrderBy(n => n.StartUtc).Select(n => n.Text).ToListAsync(Ct));
        var audit = await db.AuditEntries.OrderBy(a => a.Id).Select(a => new { a.Action, a.Details }).ToListAsync(Ct);
        Assert.Equal([AuditAction.AddNote, AuditAction.AddNote, AuditAction.AddNote, AuditAction.DeleteNote], audit.Select(a => a.Action));
        Assert.Equal($"note #{id}, 2026-11-01 08:00 UTC to 2026-11-01 09:30 UTC: Todoist incident", audit[^1].Details);
    }

    public static TheoryData<string, string> BadBodies => new()
    {
        { "", "body" },
        { "{", "body" },
        { """{"start": 1, "text": "x"}""", "body" },
        { """{"text": "x"}""", "start" },
        { """{"start": "2026-11-01", "text": "x"}""", "start" },
        { """{"start": "2026-11-01T08:00:00", "text": "x"}""", "start" },
        { """{"start": "0001-01-01T00:00:00+14:00", "text": "x"}""", "start" },
        { """{"start": "2026-11-01T08:00:00Z", "end": "later", "text": "x"}""", "end" },
        { """{"start": "2026-11-01T08:00:00Z", "end": "2026-11-01T07:59:59Z", "text": "x"}""", "end" },
        { """{"start": "2026-11-01T08:00:00Z"}""", "text" },
        { """{"start": "2026-11-01T08:00:00Z", "text": " "}""", "text" },
        { """{"start": "2026-11-01T08:00:00Z", "text": "nul\u0000"}""", "text" },
    };

    [Theory]
    [MemberData(nameof(BadBodies))]
    public async Task Post_Answers400_NamingTheField(string body, string field)
    {
        await using var app = new TestApp();
        using var client = app.CreateClient();
        using var content = new StringContent(body, Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/notes", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), problem.RootElement.ToString());
        await using var db = await app.CreateDbAsync();
        Assert.Empty(db.TimelineNotes);
    }

    /// <summary>The POST walk of the access tests covers adding; deleting is a DELETE.</summary>
    [Fact]
    public async Task Delete_IsRefusedToAViewer()
    {
        await using var app = ProductionApp();
        await using (var db = await app.CreateDbAsync())
        {
            db.TimelineNotes.Add(new TimelineNote
            {
                Service = "todoist", StartUtc = DateTime.UtcNow, Text = "kept", CreatedBy = "otto", CreatedUtc = DateTime.UtcNow,
            });
            await db.SaveChangesAsync(Ct);
        }
        using var viewer = await SignedInAsync(app, ViewerName, ViewerPassword);
        using var @operator = await SignedInAsync(app, OperatorName, OperatorPassword);

        var refused = await viewer.DeleteAsync("/api/notes/1", Ct);
        var listed = await viewer.GetFromJsonAsync<JsonElement>("/api/notes", Ct);
        var deleted = await @operator.DeleteAsync("/api/notes/1", Ct);

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(1, listed.GetArrayLength());
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
    }
}
