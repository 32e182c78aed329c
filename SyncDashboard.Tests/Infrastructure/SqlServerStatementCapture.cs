using System.Collections;
using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SyncDashboard.Data;

namespace SyncDashboard.Tests.Infrastructure;

/// <summary>There is no SQL Server on this machine: a context factory for the SQL Server provider that never opens its
/// connection; every command the provider would send is recorded and never sent. A write answers <c>rowsAffected</c>; a query answers one row whose every column is NULL
/// zero or empty, enough for the app's code to go on to its next statement.</summary>
public sealed class SqlServerStatementCapture(int rowsAffected = 1) : IDbContextFactory<MonitoringDbContext>
{
    private readonly Capture capture = new(rowsAffected);

    public IReadOnlyList<string> Commands => capture.Commands;

    public MonitoringDbContext CreateDbContext() => new SqlServerMonitoringDbContext(
        new DbContextOptionsBuilder<SqlServerMonitoringDbContext>()
            .UseSqlServer("Server=offline;Database=SyncDashboard;Trusted_Connection=True")
            .AddInterceptors(capture).Options);

    private sealed class Capture(int rowsAffected) : DbCommandInterceptor, IDbConnectionInterceptor
    {
        public List<string> Commands { get; } = [];

        public ValueTask<InterceptionResult> ConnectionOpeningAsync(DbConnection connection,
            ConnectionEventData eventData, InterceptionResult result, CancellationToken ct = default) =>
            ValueTask.FromResult(InterceptionResult.Suppress());

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<int> result, CancellationToken ct = default)
        {
            Commands.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<int>.SuppressWithResult(rowsAffected));
        }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken ct = default)
        {
            Commands.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<DbDataReader>.SuppressWithResult(new NullRow()));
        }

        public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command,
            CommandEventData eventData, InterceptionResult<object> result, CancellationToken ct = default)
        {
            Commands.Add(command.CommandText);
            return ValueTask.FromResult(InterceptionResult<object>.SuppressWithResult(0));
        }
    }

    /// <summary>One row of zeros and empty strings.</summary>
    private sealed class NullRow : DbDataReader
    {
        private int position = -1;

        public override bool Read() => ++position == 0;
        public override Task<bool> ReadAsync(CancellationToken ct) => Task.FromResult(Read());
        public override bool NextResult() => false;
        public override bool IsDBNull(int ordinal) => false;
        public override int FieldCount => 32;
        public override bool HasRows => true;
        public override bool IsClosed => false;
        public override int RecordsAffected => -1;
        public override int Depth => 0;
        public override object this[int ordinal] => DBNull.Value;
        public override object this[string name] => DBNull.Value;
        public override bool GetBoolean(int ordinal) => false;
        public override byte GetByte(int ordinal) => 0;
        public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => 0;
        public override char GetChar(int ordinal) => '\0';
        public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => 0;
        public override string GetDataTypeName(int ordinal) => "int";
        public override DateTime GetDateTime(int ordinal) => default;
        public override decimal GetDecimal(int ordinal) => 0;
        public override double GetDouble(int ordinal) => 0;
        public override Type GetFieldType(int ordinal) => typeof(int);
        public override float GetFloat(int ordinal) => 0;
        public override Guid GetGuid(int ordinal) => Guid.Empty;
        public override short GetInt16(int ordinal) => 0;
        public override int GetInt32(int ordinal) => 0;
        public override long GetInt64(int ordinal) => 0;
        public override string GetName(int ordinal) => "Value";
        public override int GetOrdinal(string name) => 0;
        public override string GetString(int ordinal) => "";
        public override object GetValue(int ordinal) => DBNull.Value;
        public override int GetValues(object[] values) => 0;
        public override T GetFieldValue<T>(int ordinal) => typeof(T) == typeof(string) ? (T)(object)"" : default!;
        public override IEnumerator GetEnumerator() => Array.Empty<object>().GetEnumerator();
    }
}
