using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Wuhan.Resale.Web.Data.Seed;

/// <summary>
/// One prepared INSERT for one table of the EF model, for bulk seeding without the change tracker. Columns, their
/// names and how each value is stored (UTC ticks on SQLite, enums as text, encrypted personal data) all come from the
/// model's own type mappings and converters, so a row written here reads back exactly as one EF saved. Lookup hashes
/// and the concurrency token are not computed here: the caller sets them as the context would on save.
/// On PostgreSQL the rows are gathered instead and sent with binary COPY on <see cref="Flush"/> (one round trip per table
/// and batch instead of one per row); the caller flushes the tables parents first.
/// </summary>
internal sealed class BulkTableInserter : IDisposable
{
    private readonly DbCommand _command;
    private readonly Dictionary<string, int> _indexOf = new(StringComparer.Ordinal);
    private readonly (RelationalTypeMapping Mapping, DbParameter Parameter)[] _columns;
    private readonly object?[] _values;
    private readonly string? _copyCommand;
    private readonly List<object?[]> _rows = [];

    public BulkTableInserter(ResaleDbContext db, DbConnection connection, Type clrType)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(connection);
        var entityType = db.Model.FindEntityType(clrType) ?? throw new InvalidOperationException($"{clrType.Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();

        // Store-generated integer keys (owned collections' "Id") are left to the database.
        var properties = entityType.GetProperties()
            .Where(p => !(p.ValueGenerated == ValueGenerated.OnAdd && p.IsKey() && (p.ClrType == typeof(int) || p.ClrType == typeof(long))))
            .Select(p => (Key: p.Name, Property: (IProperty)p))
            .Concat(entityType.GetComplexProperties().SelectMany(c => c.ComplexType.GetProperties()
                .Select(p => (Key: c.Name + "." + p.Name, Property: p))))
            .ToList();

        _command = connection.CreateCommand();
        _columns = new (RelationalTypeMapping, DbParameter)[properties.Count];
        _values = new object?[properties.Count];
        var names = new List<string>(properties.Count);
        for (var i = 0; i < properties.Count; i++)
        {
            var (key, property) = properties[i];
            var mapping = property.GetRelationalTypeMapping();
            var parameter = mapping.CreateParameter(_command, "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture), null, property.IsNullable);
            _command.Parameters.Add(parameter);
            _columns[i] = (mapping, parameter);
            _indexOf[key] = i;
            names.Add(sql.DelimitIdentifier(property.GetColumnName(table)!));
        }

        var tableName = sql.DelimitIdentifier(table.Name, table.Schema);
        if (connection is Npgsql.NpgsqlConnection)
        {
            _copyCommand = $"COPY {tableName} ({string.Join(", ", names)}) FROM STDIN (FORMAT BINARY)";
        }

        _command.CommandText = $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} ({string.Join(", ", names)}) "
            + $"VALUES ({string.Join(", ", Enumerable.Range(0, names.Count).Select(i => "@p" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)))})";
    }

    /// <summary>Sets a column of the next row by property name ("Terms.Price" for a complex property's member).</summary>
    public object? this[string property]
    {
        set => _values[_indexOf.TryGetValue(property, out var i) ? i : throw new ArgumentException($"No column for {property}.", nameof(property))] = value;
    }

    /// <summary>Writes the row set so far (unset columns are NULL), or keeps it for the COPY, and clears it for the next.</summary>
    public void Insert(DbTransaction transaction)
    {
        if (_copyCommand is not null)
        {
            var row = new object?[_columns.Length];
            for (var i = 0; i < _columns.Length; i++)
            {
                var value = _values[i];
                row[i] = value is null ? null : _columns[i].Mapping.Converter?.ConvertToProvider(value) ?? value;
                _values[i] = null;
            }

            _rows.Add(row);
            return;
        }

        _command.Transaction = transaction;
        for (var i = 0; i < _columns.Length; i++)
        {
            var value = _values[i];
            var (mapping, parameter) = _columns[i];
            parameter.Value = value is null ? DBNull.Value : mapping.Converter?.ConvertToProvider(value) ?? value;
            _values[i] = null;
        }

        _command.ExecuteNonQuery();
    }

    /// <summary>Sends the gathered rows with binary COPY (PostgreSQL); nothing to do where each row was inserted at once.</summary>
    public void Flush()
    {
        if (_copyCommand is null || _rows.Count == 0)
        {
            return;
        }

        // Each value goes as the CLR type the model's converter produced, which Npgsql maps to the column's own type.
        using (var importer = ((Npgsql.NpgsqlConnection)_command.Connection!).BeginBinaryImport(_copyCommand))
        {
            foreach (var row in _rows)
            {
                importer.StartRow();
                foreach (var value in row)
                {
                    if (value is null)
                    {
                        importer.WriteNull();
                    }
                    else
                    {
                        importer.Write(value);
                    }
                }
            }

            importer.Complete();
        }

        _rows.Clear();
    }

    public void Dispose() => _command.Dispose();
}
