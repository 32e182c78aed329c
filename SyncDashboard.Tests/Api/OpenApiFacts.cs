using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Api;

public sealed partial class OpenApiFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>Read from the app's own routing table, so a route added later without reaching the document fails here.</summary>
    [Fact]
    public async Task Document_DescribesEveryApiRoute_WithItsMethods()
    {
        await using var app = new TestApp();
        using var client = app.CreateClient();
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => e.Metadata.GetRequiredMetadata<IHttpMethodMetadata>().HttpMethods
                .Select(m => (Path: Constraint().Replace(e.RoutePattern.RawText!, "{$1}"), Method: m.ToLowerInvariant())))
            .ToList();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var paths = document.GetProperty("paths");
        Assert.Contains(("/api/monitoring/events.csv", "get"), routes);
        Assert.Contains(("/api/errors/{id}/retry", "post"), routes);
        Assert.Contains(("/api/sync/pause", "post"), routes);
        Assert.Contains(("/api/sync/resume", "post"), routes);
        // events, state, errors, health, dashboard, metrics, timeline, performance, freshness, webhooks, the two
        // exports, sync, pause, resume, resolve, retry and alert notifications: a new route must be added here on purpose.
        Assert.Equal(18, routes.Count);
        foreach (var (path, method) in routes)
        {
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the document");
            Assert.True(item.TryGetProperty(method, out var operation), $"{method} {path} is not in the document");
            Assert.True(operation.TryGetProperty("summary", out _), $"{method} {path} has no summary");
        }
    }

    [Theory]
    [InlineData("/api/monitoring/events", "get", "200,400")]
    [InlineData("/api/monitoring/state", "get", "200")]
    [InlineData("/api/monitoring/notifications", "get", "200,400")]
    [InlineData("/api/monitoring/errors", "get", "200,400")]
    [InlineData("/api/monitoring/events.csv", "get", "200,400")]
    [InlineData("/api/monitoring/events.json", "get", "200,400")]
    [InlineData("/api/sync", "post", "202,400,409")]
    [InlineData("/api/errors/{id}/resolve", "post", "204,404,409")]
    [InlineData("/api/errors/{id}/retry", "post", "202,404,409")]
    public async Task Document_ListsTheStatusCodesARouteAnswers(string path, string method, string codes)
    {
        await using var app = new TestApp();
        using var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var responses = document.GetProperty("paths").GetProperty(path).GetProperty(method).GetProperty("responses");
        Assert.Equal(codes.Split(','), responses.EnumerateObject().Select(r => r.Name).Order());
    }

    [Fact]
    public async Task Document_SaysTheCsvExportIsTextCsv()
    {
        await using var app = new TestApp();
        using var client = app.CreateClient();

        var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json", Ct);

        var ok = document.GetProperty("paths").GetProperty("/api/monitoring/events.csv").GetProperty("get")
            .GetProperty("responses").GetProperty("200");
        Assert.True(ok.GetProperty("content").TryGetProperty("text/csv", out _));
    }

    /// <summary><c>{id:long}</c> in a route is <c>{id}</c> in an OpenAPI path.</summary>
    [GeneratedRegex(@"\{(\w+)(:[^}]*)?\}")]
    private static partial Regex Constraint();
}
