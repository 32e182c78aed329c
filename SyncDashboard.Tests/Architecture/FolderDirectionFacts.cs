using ArchUnitNET.Domain;
using ArchUnitNET.Loader;
using ArchUnitNET.xUnitV3;
using SyncDashboard.Data;
using static ArchUnitNET.Fluent.ArchRuleDefinition;

namespace SyncDashboard.Tests.Architecture;

/// <summary>Reads the compiled app, method bodies included, so a back-edge hidden in a lambda or a local variable
/// fails as surely as one in a signature.</summary>
public sealed class FolderDirectionFacts
{
    private static readonly Lazy<ArchUnitNET.Domain.Architecture> App =
        new(() => new ArchLoader().LoadAssemblies(typeof(MonitoringDbContext).Assembly).Build());

    public static TheoryData<string> FoldersBelowTheTop() => [.. FolderOrder.BottomFirst.SkipLast(1)];

    [Theory]
    [MemberData(nameof(FoldersBelowTheTop))]
    public void Folder_UsesNoFolderAboveIt(string folder)
    {
        var above = FolderOrder.BottomFirst.SkipWhile(f => f != folder).Skip(1).ToList();

        var rule = Types().That().ResideInNamespaceMatching(FolderOrder.NamespacePattern([folder]))
            .Should().NotDependOnAny(Types().That().ResideInNamespaceMatching(FolderOrder.NamespacePattern(above)))
            .Because($"{folder} sits below {string.Join(", ", above)} (docs/architecture.md)");

        rule.Check(App.Value);
    }

    [Fact]
    public void EveryTopLevelFolder_HasAPlaceInTheOrder()
    {
        var folders = App.Value.Types
            .Select(t => t.Namespace.FullName.Split('.'))
            .Where(parts => parts.Length > 1 && parts[0] == "SyncDashboard")
            .Select(parts => parts[1])
            .Distinct()
            .Order();

        Assert.Empty(folders.Except(FolderOrder.BottomFirst));
    }
}
