using System.Net;
using System.Text;
using System.Text.Json;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Api;

/// <summary><c>POST /api/alerts/{code}/acknowledge</c> with bodies nobody should send: each answers 4xx problem details
/// naming what is wrong, never a 500, and stores nothing. (The hostile-values walk covers the code in the path; it
/// sends no body.)</summary>
public sealed class AcknowledgeApiFacts(TestApp app) : IClassFixture<TestApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string, string?, string?, HttpStatusCode, string> Bodies => new()
    {
        { "NOT_A_CODE", "application/json", """{"note": "on it"}""", HttpStatusCode.BadRequest, "code" },
        { "1; DROP TABLE audit_entries", "application/json", """{"note": "on it"}""", HttpStatusCode.BadRequest, "code" },
        { "STALE_DATA", null, null, HttpStatusCode.BadRequest, "body" },
        { "STALE_DATA", "application/json", "", HttpStatusCode.BadRequest, "body" },
        { "STALE_DATA", "application/json", "on it", HttpStatusCode.BadRequest, "body" },
        { "STALE_DATA", "application/json", "null", HttpStatusCode.BadRequest, "body" },
        { "STALE_DATA", "application/json", "[]", HttpStatusCode.BadRequest, "body" },
        { "STALE_DATA", "application/json", """{"note": 5}""", HttpStatusCode.BadRequest, "body" },
        { "STALE_DATA", "application/json", """{"note": ["a"]}""", HttpStatusCode.BadRequest, "body" },
        { "STALE_DATA", "application/json", """{"note": "unterminated""", HttpStatusCode.BadRequest, "body" },
        { "STALE_DATA", "application/json", new string('[', 5000), HttpStatusCode.BadRequest, "body" },
        { "STALE_DATA", "application/json", $$"""{"note": "{{new string('x', 20_000)}}"}""", HttpStatusCode.BadRequest, "body" },
        { "STALE_DATA", "application/json", "{}", HttpStatusCode.BadRequest, "note" },
        { "STALE_DATA", "application/json", """{"note": null}""", HttpStatusCode.BadRequest, "note" },
        { "STALE_DATA", "application/json", """{"note": "   "}""", HttpStatusCode.BadRequest, "note" },
        { "STALE_DATA", "application/json", """{"note": "a\u0000b"}""", HttpStatusCode.BadRequest, "note" },
        { "STALE_DATA", "application/json", """{"note": "\u001b[31mred"}""", HttpStatusCode.BadRequest, "note" },
        { "STALE_DATA", "application/json", $$"""{"note": "{{new string('x', 501)}}"}""", HttpStatusCode.BadRequest, "note" },
        { "STALE_DATA", "text/plain", """{"note": "on it"}""", HttpStatusCode.UnsupportedMediaType, "" },
        { "STALE_DATA", "application/x-www-form-urlencoded", "note=on+it", HttpStatusCode.UnsupportedMediaType, "" },
    };

    [Theory]
    [MemberData(nameof(Bodies))]
    public async Task Acknowledge_AnswersProblemDetails_ForABadCodeOrBody(
        string code, string? contentType, string? body, HttpStatusCode status, string field)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/alerts/{Uri.EscapeDataString(code)}/acknowledge");
        if (body is not null) request.Content = new StringContent(body, Encoding.UTF8);
        if (request.Content is not null) request.Content.Headers.ContentType = contentType is null ? null : new(contentType);

        var response = await client.SendAsync(request, Ct);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        if (field.Length > 0)
        {
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Ct));
            Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _),
                $"errors should name '{field}': {problem.RootElement}");
        }
        await using var db = await app.CreateDbAsync();
        Assert.Empty(db.AlertAcknowledgements);
    }

    /// <summary>A lone surrogate cannot be stored as UTF-8: refused, whichever check finds it first.</summary>
    [Fact]
    public async Task Acknowledge_Answers400_ForALoneSurrogate()
    {
        using var client = app.CreateClient();
        using var content = new StringContent("""{"note": "\ud800 half"}""", Encoding.UTF8, "application/json");

        var response = await client.PostAsync("/api/alerts/STALE_DATA/acknowledge", content, Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}
