using System.ComponentModel.DataAnnotations;
using SyncDashboard.Health;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Health;

public sealed class HealthOptionsFacts
{
    [Fact]
    public void Defaults_AreValid()
    {
        var options = new HealthOptions();
        Assert.True(Validator.TryValidateObject(options, new ValidationContext(options), [], validateAllProperties: true));
    }

    [Theory]
    [InlineData(4, 3, 2, 6, "DegradedAfterConsecutiveFailures")]
    [InlineData(1, 3, 7, 6, "StaleDegradedFactor")]
    public void Validate_Rejects_ADegradedThresholdAboveItsUnhealthyOne(
        int degraded, int unhealthy, double staleDegraded, double staleUnhealthy, string key)
    {
        var options = new HealthOptions
        {
            DegradedAfterConsecutiveFailures = degraded, UnhealthyAfterConsecutiveFailures = unhealthy,
            StaleDegradedFactor = staleDegraded, StaleUnhealthyFactor = staleUnhealthy,
        };
        var results = new List<ValidationResult>();

        Assert.False(Validator.TryValidateObject(options, new ValidationContext(options), results, validateAllProperties: true));
        Assert.Contains($"Health:{key}", Assert.Single(results).ErrorMessage);
    }

    [Theory]
    [InlineData("Health:HighErrorRate", "1.5", "HighErrorRate")]
    [InlineData("Health:DegradedAfterConsecutiveFailures", "5", "DegradedAfterConsecutiveFailures")]
    public async Task Startup_Fails_NamingTheKey_WhenAThresholdIsInvalid(string key, string value, string named)
    {
        await using var app = new TestApp(new Dictionary<string, string?> { [key] = value });
        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);
        Assert.Contains(named, Flatten(error));
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : "");
}
