using System.Text.RegularExpressions;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Architecture;

public sealed partial class ArchitectureDocFacts
{
    [Fact]
    public void ArchitectureDoc_ListsTheFoldersInTheOrderTheTestEnforces()
    {
        var doc = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "docs", "architecture.md"));
        var section = doc[doc.IndexOf("## The order", StringComparison.Ordinal)..];
        section = section[..section.IndexOf("\n## ", 3, StringComparison.Ordinal)];

        var listed = NumberedFolder().Matches(section).Select(m => m.Groups[1].Value).ToList();

        Assert.Equal(FolderOrder.BottomFirst, listed);
    }

    [GeneratedRegex(@"^\d+\. \*\*`(\w+)/`\*\*", RegexOptions.Multiline)]
    private static partial Regex NumberedFolder();
}
