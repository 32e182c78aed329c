using System.Text.RegularExpressions;
using SyncDashboard.Tests.Infrastructure;

namespace SyncDashboard.Tests.Architecture;

/// <summary>The compiled app hides one kind of edge: a <c>const</c> is copied into its user at compile time, so a
/// folder that reads another folder's constant leaves no reference behind. The sources still name the folder in a
/// <c>using</c> or a qualified name; this reads them.</summary>
public sealed partial class UsingDirectionFacts
{
    [Fact]
    public void NoSourceFile_NamesAFolderAboveItsOwn()
    {
        var app = Path.Combine(RepositoryRoot.Path, "SyncDashboard");
        var order = FolderOrder.BottomFirst.ToList();
        var backEdges =
            from path in Directory.EnumerateFiles(app, "*.*", SearchOption.AllDirectories)
            where path.EndsWith(".cs", StringComparison.Ordinal) || path.EndsWith(".razor", StringComparison.Ordinal)
            let relative = Path.GetRelativePath(app, path)
            let folder = relative.Split(Path.DirectorySeparatorChar)[0]
            where order.Contains(folder)
            from Match named in NamedFolder().Matches(File.ReadAllText(path))
            let target = named.Groups["folder"].Value
            where order.Contains(target) && order.IndexOf(target) > order.IndexOf(folder)
            select $"{relative} names SyncDashboard.{target}";

        var list = backEdges.Distinct().ToList();
        Assert.True(list.Count == 0, "Files naming a folder above their own:\n" + string.Join("\n", list));
    }

    [GeneratedRegex(@"SyncDashboard\.(?<folder>[A-Z]\w*)")]
    private static partial Regex NamedFolder();
}
