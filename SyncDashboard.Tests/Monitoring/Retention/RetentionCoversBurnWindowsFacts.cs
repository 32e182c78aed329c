using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using SyncDashboard.Monitoring;
using SyncDashboard.Monitoring.Retention;
using SyncDashboard.Slo;

namespace SyncDashboard.Tests.Monitoring.Retention;

public sealed class RetentionCoversBurnWindowsFacts
{
    [Fact]
    public void Validate_FailsNamingBothKeys_WhenEventsAreKeptForLessThanTheLongestBurnWindow()
    {
        var validator = new RetentionCoversBurnWindows(Options.Create(new SloOptions()));

        var result = validator.Validate(null, new RetentionOptions { EventDays = 2 });

        Assert.True(result.Failed);
        Assert.Equal(
            "Retention:EventDays = 2 keeps the raw events for less than the longest burn-rate window (3 days, " +
            "Slo:BurnRateRules); keep them at least 3 days, or shorten that rule's LongWindowMinutes.",
            result.FailureMessage);
    }

    [Theory]
    [InlineData(3, 3 * 24 * 60)]
    [InlineData(1, 24 * 60)]
    [InlineData(90, 3 * 24 * 60)]
    public void Validate_Succeeds_WhenEventsAreKeptAtLeastTheLongestBurnWindow(int eventDays, int longWindowMinutes)
    {
        var slo = new SloOptions
        {
            BurnRateRules = [new BurnRateRule { BurnRate = 1, LongWindowMinutes = longWindowMinutes, ShortWindowMinutes = 60 }],
        };

        var result = new RetentionCoversBurnWindows(Options.Create(slo)).Validate(null, new RetentionOptions { EventDays = eventDays });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void StartUp_StopsWithTheMessage_WhenRetentionIsShorterThanAConfiguredRule()
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Retention:EventDays"] = "5",
            ["Slo:BurnRateRules:0:BurnRate"] = "1",
            ["Slo:BurnRateRules:0:LongWindowMinutes"] = "10080",
            ["Slo:BurnRateRules:0:ShortWindowMinutes"] = "360",
        });
        builder.AddSlo().AddMonitoringJobs();
        using var host = builder.Build();

        var error = Assert.Throws<OptionsValidationException>(() => host.Services.GetRequiredService<IOptions<RetentionOptions>>().Value);

        Assert.Contains("Retention:EventDays = 5 keeps the raw events for less than the longest burn-rate window (7 days", error.Message);
    }
}
