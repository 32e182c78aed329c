using System.Text.RegularExpressions;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Architecture;

/// <summary>A reader finds a type in the file named after it. Read from the sources (file-scoped namespaces, so a
/// top-level type starts at the beginning of a line); a <c>file</c>-scoped helper may stay beside its only user, and
/// generated migrations are the tool's.</summary>
public sealed partial class OneTypePerFileFacts
{
    [Fact]
    public void EveryTopLevelType_LivesInTheFileNamedAfterIt()
    {
        var app = Path.Combine(RepositoryRoot.Path, "SyncDashboard");
        var misplaced =
            from path in Directory.EnumerateFiles(app, "*.cs", SearchOption.AllDirectories)
            let relative = Path.GetRelativePath(app, path)
            where !relative.StartsWith("bin", StringComparison.Ordinal)
                  && !relative.StartsWith("obj", StringComparison.Ordinal)
                  && !relative.StartsWith(Path.Combine("Data", "Migrations"), StringComparison.Ordinal)
            let stem = Path.GetFileName(path).Split('.')[0]
            from Match declaration in TopLevelType().Matches(File.ReadAllText(path))
            where declaration.Groups["name"].Value != stem
            select $"{relative}: {declaration.Groups["name"].Value}";

        var list = misplaced.ToList();
        Assert.True(list.Count == 0, "Types not in a file named after them:\n" + string.Join("\n", list));
    }

    [GeneratedRegex(
        @"^(?:(?:public|internal|static|sealed|abstract|readonly|partial)\s+)*(?:class|record struct|record|struct|interface|enum)\s+(?<name>\w+)",
        RegexOptions.Multiline)]
    private static partial Regex TopLevelType();
}
