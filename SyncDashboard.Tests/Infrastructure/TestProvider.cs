namespace SyncDashboard.Tests.Infrastructure;

/// <summary>The databases a provider-facing test runs on: the embedded file and a real PostgreSQL server.</summary>
public enum TestProvider { Sqlite, PostgreSql }
