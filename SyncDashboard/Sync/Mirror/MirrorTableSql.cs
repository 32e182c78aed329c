using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace SyncDashboard.Sync.Mirror;

/// <summary>The INSERT, UPDATE and DELETE of one mirror table on one provider, derived once from the EF model:
/// table, columns, quoting, parameter types and value converters. The key is always parameter 0.</summary>
internal sealed class MirrorTableSql
{
    private readonly IProperty[] properties;
    private readonly RelationalTypeMapping[] mappings;
    private readonly Func<object, object?>[] readers;

    private MirrorTableSql(IProperty[] properties, string insertSql, string updateSql, string deleteSql, string copySql)
    {
        CopySql = copySql;
        this.properties = properties;
        mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        readers = properties.Select(Reader).ToArray();
        InsertSql = insertSql;
        UpdateSql = updateSql;
        DeleteSql = deleteSql;
    }

    public string InsertSql { get; }
    public string UpdateSql { get; }
    public string DeleteSql { get; }

    /// <summary>PostgreSQL's binary COPY into the same columns as <see cref="InsertSql"/>, in the same order.</summary>
    public string CopySql { get; }

    public IReadOnlyList<string> Statements => [InsertSql, UpdateSql, DeleteSql];

    public static MirrorTableSql For(DbContext db, Type rowType)
    {
        var entity = db.Model.FindEntityType(rowType)
                     ?? throw new InvalidOperationException($"{rowType.Name} is not in the model.");
        var sql = db.GetService<ISqlGenerationHelper>();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var key = entity.FindPrimaryKey()!.Properties.Single();
        // The key first, so parameter 0 is always the id.
        var properties = entity.GetProperties().OrderBy(p => p == key ? 0 : 1).ToArray();
        string Column(IProperty p) => sql.DelimitIdentifier(p.GetColumnName(table)!);

        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        var insert = $"INSERT INTO {tableName} ({string.Join(", ", properties.Select(Column))}) " +
                     $"VALUES ({string.Join(", ", properties.Select((_, i) => Name(i)))})";
        var update = $"UPDATE {tableName} SET " +
                     string.Join(", ", properties.Skip(1).Select((p, i) => $"{Column(p)} = {Name(i + 1)}")) +
                     $" WHERE {Column(key)} = {Name(0)}";
        var delete = $"DELETE FROM {tableName} WHERE {Column(key)} = {Name(0)}";
        var copy = $"COPY {tableName} ({string.Join(", ", properties.Select(Column))}) FROM STDIN (FORMAT BINARY)";
        return new MirrorTableSql(properties, insert, update, delete, copy);
    }

    /// <summary>A command for a row statement (<see cref="InsertSql"/>, <see cref="UpdateSql"/>) or, with
    /// <paramref name="keyOnly"/>, the delete, its parameters typed and ready to be bound.</summary>
    public DbCommand CreateCommand(DbConnection connection, DbTransaction transaction, string text, bool keyOnly)
    {
        var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = text;
        AddParameters(command, command.Parameters, keyOnly);
        return command;
    }

    /// <summary>A batch command for <paramref name="text"/> with <paramref name="row"/>'s values (or only
    /// <paramref name="key"/>'s for the delete); <paramref name="factory"/> makes the typed parameters.</summary>
    public DbBatchCommand CreateBatchCommand(DbBatch batch, DbCommand factory, string text, object? row, string? key)
    {
        var command = batch.CreateBatchCommand();
        command.CommandText = text;
        AddParameters(factory, command.Parameters, keyOnly: row is null);
        if (row is null) command.Parameters[0].Value = key;
        else Bind(command.Parameters, row);
        return command;
    }

    public void Bind(DbParameterCollection parameters, object row)
    {
        for (var i = 0; i < readers.Length; i++)
        {
            parameters[i].Value = readers[i](row) ?? DBNull.Value;
        }
    }

    /// <summary>Writes <paramref name="rows"/> by binary COPY on the connection's current transaction, each value
    /// typed as the model's parameter for its column would be (a COPY's binary rows carry no types of their own).</summary>
    public async Task CopyAsync(NpgsqlConnection connection, IReadOnlyList<object> rows, CancellationToken ct)
    {
        await using var factory = connection.CreateCommand();
        var types = mappings.Select((m, i) => ((NpgsqlParameter)m.CreateParameter(factory, Name(i), null)).NpgsqlDbType).ToArray();
        await using var importer = await connection.BeginBinaryImportAsync(CopySql, ct);
        foreach (var row in rows)
        {
            await importer.StartRowAsync(ct);
            for (var i = 0; i < readers.Length; i++)
            {
                if (readers[i](row) is { } value) await importer.WriteAsync(value, types[i], ct);
                else await importer.WriteNullAsync(ct);
            }
        }
        await importer.CompleteAsync(ct);
    }

    private static string Name(int index) => "@p" + index;

    /// <summary>Parameters typed by the model's store types (datetime2, nvarchar(64) on SQL Server), not inferred
    /// from each value, which would store times as the old datetime and give every string length its own plan.</summary>
    private void AddParameters(DbCommand factory, DbParameterCollection parameters, bool keyOnly)
    {
        var count = keyOnly ? 1 : properties.Length;
        for (var i = 0; i < count; i++)
        {
            parameters.Add(mappings[i].CreateParameter(factory, Name(i), null, properties[i].IsNullable));
        }
    }

    /// <summary>Reads a property as the provider stores it, through the model's value converter.</summary>
    private static Func<object, object?> Reader(IProperty property)
    {
        var getter = property.GetGetter();
        var converter = property.GetTypeMapping().Converter;
        if (converter is null) return getter.GetClrValue;
        return row => getter.GetClrValue(row) is { } value ? converter.ConvertToProvider(value) : null;
    }
}
