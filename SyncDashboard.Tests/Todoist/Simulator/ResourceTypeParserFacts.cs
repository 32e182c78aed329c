using SyncDashboard.Todoist.Simulator;
using Xunit;

namespace SyncDashboard.Tests.Todoist.Simulator;

public sealed class ResourceTypeParserFacts
{
    [Theory]
    [InlineData(new[] { "all" }, ResourceTypes.All)]
    [InlineData(new[] { "all", "-projects" }, ResourceTypes.All & ~ResourceTypes.Projects)]
    [InlineData(new[] { "-projects", "all" }, ResourceTypes.All & ~ResourceTypes.Projects)]
    [InlineData(new[] { "items", "notes" }, ResourceTypes.Items | ResourceTypes.Notes)]
    [InlineData(new[] { "items", "user", "reminders" }, ResourceTypes.Items)]
    [InlineData(new[] { "all", "-all" }, ResourceTypes.None)]
    [InlineData(new string[0], ResourceTypes.None)]
    internal void Parse_ReturnsTheRequestedSet(string[] names, ResourceTypes expected)
    {
        Assert.Equal(expected, ResourceTypeParser.Parse(names));
    }
}
