namespace SyncDashboard.Data;

public enum DatabaseProvider { Sqlite, SqlServer, PostgreSql }
