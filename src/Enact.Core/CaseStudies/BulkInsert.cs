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
/// <c>SaveChanges</c> would write. SQLite re-executes one prepared command per row; a provider with
/// <see cref="DbBatch"/> (PostgreSQL) sends the rows in one batch per call.
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
        _columns = [.. columns];
        TableName = tableName;
        Sql = string.Create(CultureInfo.InvariantCulture,
            $"INSERT INTO {sql.DelimitIdentifier(tableName, entityType.GetSchema())} ({string.Join(", ", _columns.Select(c => sql.DelimitIdentifier(c.Name)))}) VALUES ({string.Join(", ", _columns.Select(c => c.Placeholder))})");
    }

    public string TableName { get; }

    /// <summary>The columns written, in order (a store-generated key is not among them).</summary>
    public IReadOnlyList<string> ColumnNames => _columns.Select(c => c.Name).ToList();

    /// <summary>The statement executed once per row.</summary>
    public string Sql { get; }

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
                    command.CommandText = Sql;
                    AddParameters(command.Parameters, factory, row);
                    batch.BatchCommands.Add(command);
                }
                written += await batch.ExecuteNonQueryAsync(cancellationToken);
            }
            return written;
        }
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = Sql;
        var prepared = false;
        foreach (var row in rows)
        {
            insert.Parameters.Clear();
            AddParameters(insert.Parameters, factory, row);
            if (!prepared)
            {
                await insert.PrepareAsync(cancellationToken);
                prepared = true;
            }
            written += await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        return written;
    }

    private void AddParameters(DbParameterCollection parameters, DbCommand factory, T row)
    {
        foreach (var column in _columns)
        {
            parameters.Add(column.Mapping.CreateParameter(factory, column.ParameterName, column.Getter.GetClrValue(row), column.Property.IsNullable));
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
