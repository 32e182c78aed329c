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
    [InlineData(new[] { "all", "-reminders" }, ResourceTypes.All)]
    [InlineData(new[] { "all", "-all" }, ResourceTypes.None)]
    [InlineData(new string[0], ResourceTypes.None)]
    internal void Parse_ReturnsTheRequestedSet(string[] names, ResourceTypes expected)
    {
        var (types, notModelled) = ResourceTypeParser.Parse(names);

        Assert.Equal(expected, types);
        Assert.Empty(notModelled);
    }

    [Fact]
    public void Parse_NamesWhatItDoesNotModel_WhenAskedForIt()
    {
        var (types, notModelled) = ResourceTypeParser.Parse(["items", "user", "reminders", "-filters", "user"]);

        Assert.Equal(ResourceTypes.Items, types);
        Assert.Equal(["user", "reminders"], notModelled);
    }
}
