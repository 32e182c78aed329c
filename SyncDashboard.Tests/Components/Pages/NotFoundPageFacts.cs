using System.Net;
using System.Net.Http.Headers;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Pages;

public sealed class NotFoundPageFacts(TestApp app) : IClassFixture<TestApp>
{
    [Fact]
    public async Task Get_ShowsNotFoundPage_WhenABrowserAsksForAMissingPage()
    {
        using var response = await GetAsync("/no-such-page");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("does not exist", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    /// <summary>Not the page, even for a browser asking for HTML: the API answers problem details (JSON).</summary>
    [Fact]
    public async Task Get_AnswersProblemDetails_WhenTheMissingPathIsUnderApi()
    {
        using var response = await GetAsync("/api/no-such-endpoint");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("\"status\":404", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
        Assert.DoesNotContain("does not exist", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }
}
