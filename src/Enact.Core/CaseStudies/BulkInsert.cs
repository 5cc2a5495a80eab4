using System.Data.Common;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Enact.Core.CaseStudies;

/// <summary>
/// Inserts new rows of one entity type with plain ADO.NET commands in the context's current transaction, for bulk
/// imports where <c>SaveChanges</c> (change tracking, command ordering, SQL generation per row) costs more than the
/// writing. Table, columns, value conversions and parameter types come from the EF Core model, through the same
/// <see cref="RelationalTypeMapping.CreateParameter"/> that <c>SaveChanges</c> uses, so the rows are the ones
/// <c>SaveChanges</c> would write. A column whose value is null is written as the literal <c>NULL</c> rather than a
/// parameter (most optional columns are empty on import, and binding costs more than the insert itself), so there is
/// one statement per pattern of empty columns: SQLite prepares each once per call and re-executes it; a provider with
/// <see cref="DbBatch"/> (PostgreSQL) sends the rows in one batch per 500.
/// <para>
/// None of <c>SaveChanges</c>' side work happens here: the caller writes the indexing tasks (the search outbox) and
/// the audit entry in the same transaction. Only plain properties are supported: a store-generated key is left to
/// the database; any other generated, computed or shadow property is refused, so a model change cannot silently
/// write different rows.
/// </para>
/// </summary>
public sealed class BulkInsert<T> where T : class
{
    private const int BatchRows = 500;

    private readonly Column[] _columns;
    private readonly string _prefix;
    private readonly Dictionary<ulong, string> _statements = [];

    public BulkInsert(DbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        if (entityType.GetTableName() is not { } tableName)
        {
            throw new NotSupportedException($"{typeof(T).Name} is not mapped to a table.");
        }
        var table = StoreObjectIdentifier.Table(tableName, entityType.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var columns = new List<Column>();
        foreach (var property in entityType.GetProperties())
        {
            if (property.IsShadowProperty() || property.GetComputedColumnSql(table) is not null)
            {
                throw new NotSupportedException($"{typeof(T).Name}.{property.Name}: shadow and computed properties are not supported by the bulk insert.");
            }
            if (property.ValueGenerated != ValueGenerated.Never)
            {
                if (property.IsPrimaryKey() && property.GetValueGenerationStrategyIsStore())
                {
                    continue;
                }
                throw new NotSupportedException($"{typeof(T).Name}.{property.Name}: generated values other than a store-generated key are not supported by the bulk insert.");
            }
            var name = "p" + columns.Count.ToString(CultureInfo.InvariantCulture);
            columns.Add(new Column(
                property,
                property.GetColumnName(table) ?? throw new NotSupportedException($"{typeof(T).Name}.{property.Name} has no column."),
                property.GetRelationalTypeMapping(),
                property.GetGetter(),
                sql.GenerateParameterName(name),
                sql.GenerateParameterNamePlaceholder(name)));
        }
        if (columns.Count > 64)
        {
            throw new NotSupportedException($"{typeof(T).Name} has more than 64 columns.");
        }
        _columns = [.. columns];
        TableName = tableName;
        _prefix = string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO {sql.DelimitIdentifier(tableName, entityType.GetSchema())} ({string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES (");
    }

    public string TableName { get; }

    /// <summary>The columns written, in order (a store-generated key is not among them).</summary>
    public IReadOnlyList<string> ColumnNames => _columns.Select(c => c.Name).ToList();

    /// <summary>The statement for a row with no empty column.</summary>
    public string Sql => Statement(0);

    /// <summary>The INSERT for rows whose empty columns are the bits of <paramref name="nulls"/>: NULL there, a parameter elsewhere.</summary>
    private string Statement(ulong nulls)
    {
        if (!_statements.TryGetValue(nulls, out var statement))
        {
            statement = _prefix + string.Join(", ", _columns.Select((c, i) => (nulls & (1UL << i)) != 0 ? "NULL" : c.Placeholder)) + ")";
            _statements[nulls] = statement;
        }
        return statement;
    }

    /// <summary>Inserts the rows in the context's current transaction (required); answers how many were written.</summary>
    public async Task<int> InsertAsync(DbContext db, IReadOnlyCollection<T> rows, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(rows);
        if (rows.Count == 0)
        {
            return 0;
        }
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("The bulk insert writes in the caller's transaction: begin one first.");
        var connection = transaction.Connection ?? throw new InvalidOperationException("The transaction has no connection.");
        // Creates the parameters, exactly as SaveChanges does, with each column's type mapping; never executed.
        await using var factory = connection.CreateCommand();
        var values = new object?[_columns.Length];
        var written = 0;
        if (connection.CanCreateBatch)
        {
            foreach (var chunk in rows.Chunk(BatchRows))
            {
                await using var batch = connection.CreateBatch();
                batch.Transaction = transaction;
                foreach (var row in chunk)
                {
                    var command = batch.CreateBatchCommand();
                    var nulls = Read(row, values);
                    command.CommandText = Statement(nulls);
                    AddParameters(command.Parameters, factory, values);
                    batch.BatchCommands.Add(command);
                }
                written += await batch.ExecuteNonQueryAsync(cancellationToken);
            }
            return written;
        }
        var commands = new Dictionary<ulong, DbCommand>();
        try
        {
            foreach (var row in rows)
            {
                var nulls = Read(row, values);
                if (!commands.TryGetValue(nulls, out var insert))
                {
                    insert = connection.CreateCommand();
                    insert.Transaction = transaction;
                    insert.CommandText = Statement(nulls);
                    commands[nulls] = insert;
                    AddParameters(insert.Parameters, factory, values);
                    await insert.PrepareAsync(cancellationToken);
                }
                else
                {
                    insert.Parameters.Clear();
                    AddParameters(insert.Parameters, factory, values);
                }
                written += await insert.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        finally
        {
            foreach (var command in commands.Values)
            {
                await command.DisposeAsync();
            }
        }
        return written;
    }

    /// <summary>Reads the row's values into <paramref name="values"/>; answers the empty columns as bits.</summary>
    private ulong Read(T row, object?[] values)
    {
        var nulls = 0UL;
        for (var i = 0; i < _columns.Length; i++)
        {
            values[i] = _columns[i].Getter.GetClrValue(row);
            if (values[i] is null)
            {
                nulls |= 1UL << i;
            }
        }
        return nulls;
    }

    private void AddParameters(DbParameterCollection parameters, DbCommand factory, object?[] values)
    {
        for (var i = 0; i < _columns.Length; i++)
        {
            if (values[i] is { } value)
            {
                var column = _columns[i];
                parameters.Add(column.Mapping.CreateParameter(factory, column.ParameterName, value, column.Property.IsNullable));
            }
        }
    }

    private sealed record Column(IProperty Property, string Name, RelationalTypeMapping Mapping, IClrPropertyGetter Getter, string ParameterName, string Placeholder);
}

internal static class BulkInsertModel
{
    /// <summary>A key the database generates (SQLite AUTOINCREMENT, PostgreSQL identity): left out of the INSERT.</summary>
    public static bool GetValueGenerationStrategyIsStore(this IProperty property)
        => property.ValueGenerated == ValueGenerated.OnAdd
           && property.ClrType.UnwrapNullableType() is var type
           && (type == typeof(int) || type == typeof(long) || type == typeof(short))
           && property.GetDefaultValueSql() is null
           && property.GetComputedColumnSql() is null;

    private static Type UnwrapNullableType(this Type type) => Nullable.GetUnderlyingType(type) ?? type;
}
