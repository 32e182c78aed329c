using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Api;

/// <summary>One app for the class: every test only reads its routing table and its document.</summary>
public sealed partial class OpenApiFacts(OpenApiFacts.DocumentedApp app) : IClassFixture<OpenApiFacts.DocumentedApp>
{
    public sealed class DocumentedApp : TestApp, IAsyncLifetime
    {
        public JsonElement Document { get; private set; }

        public async ValueTask InitializeAsync()
        {
            using var client = CreateClient();
            Document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", TestContext.Current.CancellationToken);
        }
    }

    /// <summary>Read from the app's own routing table, so a route added later without reaching the document fails here.</summary>
    [Fact]
    public void Document_DescribesEveryApiRoute_WithItsMethods()
    {
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods
                .Select(m => (Path: Constraint().Replace(e.RoutePattern.RawText!, "{$1}"), Method: m.ToLowerInvariant())))
            .ToList();

        var paths = app.Document.GetProperty("paths");
        Assert.Contains(("/api/monitoring/events.csv", "get"), routes);
        Assert.Contains(("/api/errors/{id}/retry", "post"), routes);
        Assert.Contains(("/api/sync/pause", "post"), routes);
        Assert.Contains(("/api/sync/resume", "post"), routes);
        // events, state, errors, health, dashboard, metrics, timeline, performance, freshness, webhooks, the two
        // exports, sync, pause, resume, resolve, retry, alert notifications, the verifications (list, status, two
        // exports, verify now), the service level objectives and what spent their budgets, acknowledge an alert, the
        // timeline notes (list, add, delete, two exports) and the maintenance windows (list, create, end, delete): a new
        // route must be added here on purpose.
        Assert.Equal(35, routes.Count);
        // Each route has its row in Document_ListsTheStatusCodesARouteAnswers, so none goes without its codes checked.
        Assert.Equal(routes.Order(), StatusCodeRows().Order());
        foreach (var (path, method) in routes)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the document");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not in the document");
            Assert.True(operation.TryGetProperty("summary", out _), $"{method} {path} has no summary");
        }
    }

    /// <summary>Every route of the API, with the status codes it answers and the shape of its success body
    /// (<c>Name</c> for an object, <c>Name[]</c> for an array, <c>-</c> for no body). A route whose handler returns
    /// <c>Task&lt;IResult&gt;</c> lists only what its <c>.Produces…()</c> calls declare, so a missing success type
    /// shows up here as a missing code.</summary>
    [Theory]
    [InlineData("/api/monitoring/events", "get", "200,400", "EventRow[]")]
    [InlineData("/api/monitoring/state", "get", "200", "StateSummary")]
    [InlineData("/api/monitoring/errors", "get", "200,400", "ErrorReport")]
    [InlineData("/api/monitoring/health", "get", "200", "ServiceHealth")]
    [InlineData("/api/monitoring/slo", "get", "200", "SloReport")]
    [InlineData("/api/monitoring/slo/spent", "get", "200", "SloSpentReport")]
    [InlineData("/api/monitoring/dashboard", "get", "200", "DashboardSummary")]
    [InlineData("/api/monitoring/metrics", "get", "200,400", "MetricRow[]")]
    [InlineData("/api/monitoring/timeline", "get", "200,400", "SyncTimeline")]
    [InlineData("/api/monitoring/performance", "get", "200,400", "PerformanceSummary")]
    [InlineData("/api/monitoring/freshness", "get", "200", "FreshnessRow[]")]
    [InlineData("/api/monitoring/webhooks", "get", "200,400", "WebhookReport")]
    [InlineData("/api/monitoring/notifications", "get", "200,400", "NotificationRow[]")]
    [InlineData("/api/monitoring/events.csv", "get", "200,400", "string")]
    [InlineData("/api/monitoring/events.json", "get", "200,400", "EventRow[]")]
    [InlineData("/api/monitoring/verifications", "get", "200,400", "VerificationRow[]")]
    [InlineData("/api/monitoring/verifications/status", "get", "200", "VerificationStatus")]
    [InlineData("/api/monitoring/verifications.csv", "get", "200,400", "string")]
    [InlineData("/api/monitoring/verifications.json", "get", "200,400", "VerificationRow[]")]
    [InlineData("/api/sync", "post", "202,400,409", "Queued")]
    [InlineData("/api/sync/verify", "post", "202,409", "Queued")]
    [InlineData("/api/sync/pause", "post", "200", "PauseStatus")]
    [InlineData("/api/sync/resume", "post", "200", "PauseStatus")]
    [InlineData("/api/errors/{id}/resolve", "post", "204,400,404,409", "-")]
    [InlineData("/api/errors/{id}/retry", "post", "202,400,404,409", "RetryQueued")]
    [InlineData("/api/alerts/{code}/acknowledge", "post", "200,400,409", "AcknowledgementRow")]
    [InlineData("/api/notes", "get", "200,400", "NoteRow[]")]
    [InlineData("/api/notes", "post", "201,400", "NoteRow")]
    [InlineData("/api/notes/{id}", "delete", "204,400,404", "-")]
    [InlineData("/api/monitoring/notes.csv", "get", "200,400", "string")]
    [InlineData("/api/monitoring/notes.json", "get", "200,400", "NoteRow[]")]
    [InlineData("/api/maintenance", "get", "200", "MaintenanceRow[]")]
    [InlineData("/api/maintenance", "post", "201,400", "MaintenanceRow")]
    [InlineData("/api/maintenance/{id}/end", "post", "204,400,404,409", "-")]
    [InlineData("/api/maintenance/{id}", "delete", "204,400,404", "-")]
    public void Document_ListsTheStatusCodesARouteAnswers(string path, string method, string codes, string success)
    {
        var responses = app.Document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        var listed = responses.EnumerateObject().Select(r => r.Name).Order().ToList();
        Assert.Equal(codes.Split(','), listed);
        Assert.Equal(success, BodyShape(responses.GetProperty(listed[0])));
        if (responses.TryGetProperty("400", out var bad))
        {
            // A bad parameter answers problem details whose errors name it (ApiProblems.BadParameter).
            var problem = bad.GetProperty("content").GetProperty("application/problem+json").GetProperty("schema");
            Assert.Equal("#/components/schemas/HttpValidationProblemDetails", problem.GetProperty("$ref").GetString());
        }
    }

    private static IEnumerable<(string Path, string Method)> StatusCodeRows() =>
        typeof(OpenApiFacts).GetMethod(nameof(Document_ListsTheStatusCodesARouteAnswers))!
            .GetCustomAttributes<InlineDataAttribute>()
            .Select(row => ((string)row.Data[0]!, (string)row.Data[1]!));

    private static string BodyShape(JsonElement response)
    {
        if (!response.TryGetProperty("content", out var content)) return "-";
        var schema = Assert.Single(content.EnumerateObject()).Value.GetProperty("schema");
        return schema.TryGetProperty("$ref", out var reference) ? Name(reference)
            : schema.GetProperty("type").GetString() == "array" ? Name(schema.GetProperty("items").GetProperty("$ref")) + "[]"
            : schema.GetProperty("type").GetString()!;

        static string Name(JsonElement reference) => reference.GetString()!.Split('/')[^1];
    }

    /// <summary>The actions that take a JSON body say so, with its shape, so a client knows what to send.</summary>
    [Theory]
    [InlineData("/api/alerts/{code}/acknowledge", "AcknowledgeRequest")]
    [InlineData("/api/notes", "NoteRequest")]
    [InlineData("/api/maintenance", "MaintenanceRequest")]
    public void Document_DescribesTheJsonBody_OfAnActionThatTakesOne(string path, string schema)
    {
        var body = app.Document.GetProperty("paths").GetProperty(path).GetProperty("post").GetProperty("requestBody");
        var reference = body.GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref");
        Assert.Equal($"#/components/schemas/{schema}", reference.GetString());
    }

    [Fact]
    public void Document_SaysTheCsvExportIsTextCsv()
    {
        var ok = app.Document.GetProperty("paths").GetProperty("/api/monitoring/events.csv").GetProperty("get")
            .GetProperty("responses").GetProperty("200");
        Assert.True(ok.GetProperty("content").TryGetProperty("text/csv", out _));
    }

    /// <summary><c>{id:long}</c> in a route is <c>{id}</c> in an OpenAPI path.</summary>
    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Constraint();
}
