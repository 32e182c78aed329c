using SyncDashboard.Tests.Infrastructure;
using Xunit;

namespace SyncDashboard.Tests.Browser;

/// <summary>The app's own stylesheet as the browser reads it. A block left open does not fail anywhere: the browser
/// reads every rule after it as nested inside it (CSS nesting), where none of them matches anything.</summary>
public sealed class StylesheetFacts(ChromiumFixture chromium)
{
    [Fact]
    public async Task AppStylesheet_HasEveryRuleAtTheTopLevel()
    {
        await using var app = new TestApp();
        await using var session = await PageSession.OpenAsync(chromium.Browser, app.StartOnRealPort());
        await session.OpenLiveAsync("/");

        var rules = await session.Page.EvaluateAsync<string[]>("""
            () => [...document.styleSheets]
                .filter(sheet => /\/app(\.[a-z0-9]+)?\.css$/.test(sheet.href ?? ''))
                .flatMap(sheet => [...sheet.cssRules])
                .map(rule => (rule.cssRules?.length ?? 0) + ' ' + (rule.selectorText ?? rule.cssText.slice(0, 40)))
            """);

        Assert.True(rules.Length > 10, $"app.css has {rules.Length} rules");
        Assert.All(rules, rule => Assert.StartsWith("0 ", rule));
        Assert.Contains(rules, rule => rule.Contains(".apex-chart-empty", StringComparison.Ordinal));
    }
}
