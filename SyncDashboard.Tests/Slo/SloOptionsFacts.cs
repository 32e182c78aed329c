using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SyncDashboard.Configuration;
using SyncDashboard.Slo;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Slo;

public sealed class SloOptionsFacts
{
    private static SloOptions Bind(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration);
        services.AddValidatedOptions<SloOptions>(SloOptions.Section);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<SloOptions>>().Value;
    }

    [Fact]
    public void EffectiveObjectives_AreTheDefaults_WhenNoneConfigured()
    {
        var options = Bind([]);

        Assert.Equal(["success", "freshness"], options.EffectiveObjectives.Select(o => o.Name));
        Assert.Equal([0.99, 0.995], options.EffectiveObjectives.Select(o => o.Target));
        Assert.Equal([(14.4, 60, 5), (6, 360, 30), (1, 4320, 360)],
            options.EffectiveBurnRateRules.Select(r => (r.BurnRate, r.LongWindowMinutes, r.ShortWindowMinutes)));
    }

    [Fact]
    public void EffectiveObjectives_AreOnlyTheConfiguredOnes_WhenSomeAreConfigured()
    {
        var options = Bind(new()
        {
            ["Slo:Objectives:0:Name"] = "fresh-hour",
            ["Slo:Objectives:0:Kind"] = "Freshness",
            ["Slo:Objectives:0:Target"] = "0.9",
            ["Slo:Objectives:0:FreshnessThresholdMinutes"] = "60",
            ["Slo:BurnRateRules:0:Severity"] = "Ticket",
            ["Slo:BurnRateRules:0:BurnRate"] = "2",
        });

        var objective = Assert.Single(options.EffectiveObjectives);
        Assert.Equal(("fresh-hour", SloKind.Freshness, 0.9, (double?)60), (objective.Name, objective.Kind, objective.Target, objective.FreshnessThresholdMinutes));
        var rule = Assert.Single(options.EffectiveBurnRateRules);
        Assert.Equal((BurnSeverity.Ticket, 2.0), (rule.Severity, rule.BurnRate));
    }

    [Theory]
    [InlineData(300, 15.0)]       // the default five-minute schedule
    [InlineData(30, 1.5)]         // the demo's 30 seconds
    [InlineData(null, null)]      // no schedule: freshness is not measured
    public void Resolve_DerivesTheFreshnessThreshold_FromTheSchedule_WhenNoneIsConfigured(int? intervalSeconds, double? minutes)
    {
        var freshness = SloOptions.DefaultObjectives.Single(o => o.Kind == SloKind.Freshness);
        TimeSpan? interval = intervalSeconds is { } s ? TimeSpan.FromSeconds(s) : null;

        Assert.Equal(minutes, freshness.Resolve(interval).FreshnessThresholdMinutes);
        Assert.Equal(60, new SloObjective { Kind = SloKind.Freshness, FreshnessThresholdMinutes = 60 }.Resolve(interval).FreshnessThresholdMinutes);
        Assert.Null(SloOptions.DefaultObjectives.Single(o => o.Kind == SloKind.Success).Resolve(interval).FreshnessThresholdMinutes);
    }

    [Theory]
    [InlineData("Slo:Objectives:0:Target", "1", "Slo:Objectives:0:Target")]
    [InlineData("Slo:Objectives:0:WindowDays", "0", "Slo:Objectives:0:WindowDays")]
    [InlineData("Slo:Objectives:0:Kind", "7", "Slo:Objectives:0:Kind")]
    [InlineData("Slo:BurnRateRules:0:ShortWindowMinutes", "120", "Slo:BurnRateRules:0:ShortWindowMinutes")]
    [InlineData("Slo:Objectives:1:Name", "SUCCESS", "more than once")]
    public async Task Startup_Fails_NamingTheKey_WhenAnObjectiveIsInvalid(string key, string value, string named)
    {
        await using var app = new TestApp(new Dictionary<string, string?>
        {
            ["Slo:Objectives:0:Name"] = "success",
            ["Slo:Objectives:1:Name"] = "freshness",
            ["Slo:Objectives:1:Kind"] = "Freshness",
            [key] = value,
        });

        var error = await Assert.ThrowsAnyAsync<Exception>(app.StartAsync);

        Assert.Contains(named, Flatten(error));
    }

    private static string Flatten(Exception error) =>
        error is AggregateException aggregate
            ? string.Join(" | ", aggregate.Flatten().InnerExceptions.Select(Flatten))
            : error.Message + (error.InnerException is { } inner ? " | " + Flatten(inner) : "");
}
