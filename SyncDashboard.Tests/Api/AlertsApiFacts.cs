using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Api;

public sealed class AlertsApiFacts
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Notifications_ReturnsNewestFirst_WithOutcomes_UpToTheLimit()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        var start = new DateTime(2026, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        await using (var db = await app.CreateDbAsync())
        {
            for (var i = 0; i < 3; i++)
            {
                db.AlertNotifications.Add(new AlertNotification
                {
                    Service = "todoist", CreatedUtc = start.AddMinutes(i), Channel = AlertChannel.Webhook,
                    Kind = NotificationKind.StatusChanged, FromStatus = HealthStatus.Healthy, ToStatus = HealthStatus.Unhealthy,
                    AlertCodes = "CREDENTIALS_INVALID,CONSECUTIVE_FAILURES", Subject = $"subject {i}",
                    Outcome = i == 2 ? NotificationOutcome.Failed : NotificationOutcome.Sent, Attempts = i + 1,
                    LastError = i == 2 ? "https://hooks.example.test answered HTTP 500 Internal Server Error." : null,
                });
            }
            await db.SaveChangesAsync(Ct);
        }
        using var client = app.CreateClient();

        var rows = await client.GetFromJsonAsync<JsonElement[]>("/api/monitoring/notifications?limit=2", Ct);

        Assert.NotNull(rows);
        Assert.Equal(["subject 2", "subject 1"], rows.Select(r => r.GetProperty("subject").GetString()));
        var newest = rows[0];
        Assert.Equal("Failed", newest.GetProperty("outcome").GetString());
        Assert.Equal("Webhook", newest.GetProperty("channel").GetString());
        Assert.Equal("Unhealthy", newest.GetProperty("status").GetString());
        Assert.Equal("Healthy", newest.GetProperty("previousStatus").GetString());
        Assert.Equal(3, newest.GetProperty("attempts").GetInt32());
        Assert.Equal(["CREDENTIALS_INVALID", "CONSECUTIVE_FAILURES"],
            newest.GetProperty("alertCodes").EnumerateArray().Select(c => c.GetString()));
        Assert.Contains("HTTP 500", newest.GetProperty("lastError").GetString());
    }

    [Fact]
    public async Task Notifications_IsEmpty_WhenNothingWasSent()
    {
        await using var app = new TestApp();
        await app.StartAsync();
        using var client = app.CreateClient();

        var rows = await client.GetFromJsonAsync<JsonElement[]>("/api/monitoring/notifications", Ct);

        Assert.NotNull(rows);
        Assert.Empty(rows);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("501")]
    [InlineData("ten")]
    public async Task Notifications_Returns400ProblemDetails_ForABadLimit(string limit)
    {
        await using var app = new TestApp();
        await app.StartAsync();
        using var client = app.CreateClient();

        var response = await client.GetAsync($"/api/monitoring/notifications?limit={limit}", Ct);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
        Assert.True(problem.GetProperty("errors").TryGetProperty("limit", out _));
    }
}
