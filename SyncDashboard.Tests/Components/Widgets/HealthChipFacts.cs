using System.Text.RegularExpressions;
using Bunit;
using MudBlazor;
using SyncDashboard.Components.Widgets;
using SyncDashboard.Data;
using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Components.Widgets;

public sealed partial class HealthChipFacts
{
    public static TheoryData<HealthStatus, string, string, string> Looks => new()
    {
        { HealthStatus.Unknown, "default", Icons.Material.Filled.HelpOutline, "Unknown" },
        { HealthStatus.Healthy, "success", Icons.Material.Filled.CheckCircle, "Healthy" },
        { HealthStatus.Degraded, "warning", Icons.Material.Filled.Warning, "Degraded" },
        { HealthStatus.Unhealthy, "error", Icons.Material.Filled.Error, "Unhealthy" },
    };

    [Theory]
    [MemberData(nameof(Looks))]
    public async Task Render_ShowsTheStatusColourIconAndWords(HealthStatus status, string colour, string icon, string words)
    {
        await using var context = DashboardBunit.Create();

        var chip = context.Render<HealthChip>(p => p.Add(c => c.Status, status));

        var main = chip.Find(".health-chip-main");
        Assert.Contains($"mud-chip-color-{colour}", main.ClassName);
        Assert.Equal(words, main.TextContent.Trim());
        Assert.Contains(PathOf(icon), main.InnerHtml);
        Assert.False(string.IsNullOrWhiteSpace(chip.Find("[data-testid=health-meaning]").TextContent));
        Assert.Equal(status.ToString(), chip.Find("[data-testid=health-chip]").GetAttribute("data-status"));
    }

    [Fact]
    public void LookOf_GivesEachStatusItsOwnColourIconAndWords()
    {
        var looks = Enum.GetValues<HealthStatus>().Select(HealthChip.LookOf).ToList();

        Assert.Equal(looks.Count, looks.Select(l => l.Color).Distinct().Count());
        Assert.Equal(looks.Count, looks.Select(l => l.Icon).Distinct().Count());
        Assert.Equal(looks.Count, looks.Select(l => l.Words).Distinct().Count());
    }

    /// <summary>The icon's drawing (its first path), which is what ends up in the chip's svg.</summary>
    private static string PathOf(string icon) => PathData().Match(icon).Groups[1].Value;

    [GeneratedRegex("d=\"([^\"]+)\"")]
    private static partial Regex PathData();
}
