using System.Reflection;
using Xunit.Sdk;
using Xunit.v3;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>Runs a theory once per <see cref="TestProvider"/>, its one parameter: the same body on SQLite and on
/// PostgreSQL, not a copy per provider. Without a PostgreSQL server the PostgreSQL rows skip (fail under CI=true),
/// see <see cref="PostgresServer"/>.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class BothProvidersAttribute : DataAttribute
{
    public override ValueTask<IReadOnlyCollection<ITheoryDataRow>> GetData(MethodInfo testMethod, DisposalTracker disposalTracker) =>
        ValueTask.FromResult<IReadOnlyCollection<ITheoryDataRow>>(
        [
            new TheoryDataRow<TestProvider>(TestProvider.Sqlite),
            new TheoryDataRow<TestProvider>(TestProvider.PostgreSql),
        ]);

    public override bool SupportsDiscoveryEnumeration() => true;
}
