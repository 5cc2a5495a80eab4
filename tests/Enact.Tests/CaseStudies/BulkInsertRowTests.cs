using Enact.Core.Audit;
using Enact.Core.CaseStudies;
using Enact.Core.Data;
using Enact.Core.Reference;
using Enact.Core.Search;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;

namespace Enact.Tests.CaseStudies;

/// <summary>
/// The import writes new rows (case studies, term links, indexing tasks, the audit entry) with <see cref="BulkInsert{T}"/>
/// instead of SaveChanges: the stored rows must be the same,
/// column by column and in the database's own representation (e.g. how SQLite stores a date or a Guid as text), on
/// SQLite and PostgreSQL. Every mapped property is given a value by type, so a property added later is covered too.
/// </summary>
public sealed class BulkInsertRowTests
{
    private static readonly DateTime Instant = new DateTime(2024, 5, 1, 8, 30, 15, DateTimeKind.Utc).AddTicks(1_234_560);
    private static readonly Guid SomeGuid = Guid.Parse("6f9619ff-8b86-d011-b42d-00cf4fc964ff");

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_case_study_its_term_link_its_indexing_task_and_an_audit_entry_are_stored_as_SaveChanges_stores_them(Provider provider)
    {
        await using var app = await EnactFactory.StartAsync(provider);
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EnactDbContext>();
        var termId = await db.TaxonomyTerms.Where(t => t.Taxonomy == Taxonomies.Technology).Select(t => t.Id).FirstAsync();

        // Through SaveChanges: every column filled, and one with only what is required.
        db.CaseStudies.AddRange(Filled(db, "ef-full"), Required("ef-sparse"));
        db.CaseStudyTerms.Add(new CaseStudyTerm { CaseStudyId = "ef-full", TermId = termId });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        db.IndexingTasks.Add(new IndexingTask { CaseStudyId = "ef-full", Kind = IndexingKind.Delete, CreatedAt = Instant });
        db.AuditEntries.Add(Audit("ef-full"));
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();

        // The same values through the bulk insert.
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(2, await new BulkInsert<CaseStudy>(db).InsertAsync(db, [Filled(db, "bulk-full"), Required("bulk-sparse")]));
            Assert.Equal(1, await new BulkInsert<CaseStudyTerm>(db).InsertAsync(db, [new CaseStudyTerm { CaseStudyId = "bulk-full", TermId = termId }]));
            Assert.Equal(1, await new BulkInsert<IndexingTask>(db).InsertAsync(db,
                [new IndexingTask { CaseStudyId = "bulk-full", Kind = IndexingKind.Delete, CreatedAt = Instant }]));
            Assert.Equal(1, await new BulkInsert<AuditEntry>(db).InsertAsync(db, [Audit("bulk-full")]));
            await transaction.CommitAsync();
        }

        var caseStudies = await RowsAsync<CaseStudy>(db);
        Assert.Equal(4, caseStudies.Count);
        AssertSameRow(Row(caseStudies, "Id", "ef-full"), Row(caseStudies, "Id", "bulk-full"), "Id");
        AssertSameRow(Row(caseStudies, "Id", "ef-sparse"), Row(caseStudies, "Id", "bulk-sparse"), "Id");
        // The filled row really is filled: only the foreign keys to rows that do not exist here are empty.
        Assert.Equal(["CallId", "OwnerId", "RevisionOfId"], Row(caseStudies, "Id", "bulk-full").Where(c => c.Value is null).Select(c => c.Key).Order(StringComparer.Ordinal));

        var terms = await RowsAsync<CaseStudyTerm>(db);
        AssertSameRow(Row(terms, "CaseStudyId", "ef-full"), Row(terms, "CaseStudyId", "bulk-full"), "CaseStudyId");

        var tasks = (await RowsAsync<IndexingTask>(db)).Where(t => Equals(t["Kind"], "Delete")).ToList();
        AssertSameRow(Row(tasks, "CaseStudyId", "ef-full"), Row(tasks, "CaseStudyId", "bulk-full"), "CaseStudyId", "Id");
        var audit = await RowsAsync<AuditEntry>(db);
        AssertSameRow(Row(audit, "EntityId", "ef-full"), Row(audit, "EntityId", "bulk-full"), "EntityId", "Id");
        Assert.DoesNotContain(Row(audit, "EntityId", "bulk-full"), c => c.Value is null);

        // The key is the database's: the bulk task comes after SaveChanges' two.
        Assert.True(Convert.ToInt64(Row(tasks, "CaseStudyId", "bulk-full")["Id"], System.Globalization.CultureInfo.InvariantCulture)
            > Convert.ToInt64(Row(tasks, "CaseStudyId", "ef-full")["Id"], System.Globalization.CultureInfo.InvariantCulture));
    }

    private static AuditEntry Audit(string entityId) => new()
    {
        At = Instant,
        ActorId = SomeGuid,
        ActorEmail = "command-line",
        Action = "case-studies.imported",
        EntityType = "case-study",
        EntityId = entityId,
        Before = """{"title":"قبل"}""",
        After = """{"created":["ef-full"],"updated":[]}""",
    };

    [Fact]
    public async Task The_bulk_insert_writes_only_inside_the_callers_transaction()
    {
        await using var app = await EnactFactory.StartAsync();
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EnactDbContext>();
        await Assert.ThrowsAsync<InvalidOperationException>(() => new BulkInsert<CaseStudy>(db).InsertAsync(db, [Required("outside")]));

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await new BulkInsert<CaseStudy>(db).InsertAsync(db, [Required("rolled-back")]);
            await transaction.RollbackAsync();
        }
        Assert.Equal(0, await db.CaseStudies.CountAsync());
    }

    /// <summary>Every mapped property gets a value of its type; foreign keys point to Lebanon or are empty.</summary>
    private static CaseStudy Filled(EnactDbContext db, string id)
    {
        var caseStudy = Required(id);
        var entity = db.Model.FindEntityType(typeof(CaseStudy))!;
        foreach (var property in entity.GetProperties().Where(p => !p.IsPrimaryKey()))
        {
            if (property.GetContainingForeignKeys().FirstOrDefault() is { } foreignKey)
            {
                property.PropertyInfo!.SetValue(caseStudy, foreignKey.PrincipalEntityType.ClrType == typeof(Country) ? "LB" : null);
                continue;
            }
            property.PropertyInfo!.SetValue(caseStudy, ValueOf(property));
        }
        return caseStudy;
    }

    private static CaseStudy Required(string id) => new()
    {
        Id = id,
        CountryCode = "LB",
        Version = SomeGuid,
    };

    private static object ValueOf(IProperty property)
    {
        var type = Nullable.GetUnderlyingType(property.ClrType) ?? property.ClrType;
        if (type == typeof(string))
        {
            // Arabic, English, a quote and a line break; as long as the column allows.
            var text = $"{property.Name}: نص عربي, English 'text'\nline two";
            return property.GetMaxLength() is { } max && text.Length > max ? text[..max] : text;
        }
        if (type.IsEnum)
        {
            var values = Enum.GetValues(type);
            return values.GetValue(values.Length - 1)!;
        }
        if (type == typeof(int))
        {
            return 2021;
        }
        if (type == typeof(long))
        {
            return 4_000_000_000L;
        }
        if (type == typeof(bool))
        {
            return true;
        }
        if (type == typeof(DateTime))
        {
            return Instant;
        }
        if (type == typeof(Guid))
        {
            return SomeGuid;
        }
        throw new NotSupportedException($"No test value for {property.Name} ({type.Name}): add one so the new column is compared.");
    }

    /// <summary>The table's rows as the provider returns them (no EF Core materialization): column name → value, null for NULL.</summary>
    private static async Task<List<Dictionary<string, object?>>> RowsAsync<T>(EnactDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T))!;
        var sql = db.GetService<ISqlGenerationHelper>();
        await db.Database.OpenConnectionAsync();
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = $"SELECT * FROM {sql.DelimitIdentifier(entity.GetTableName()!, entity.GetSchema())}";
            await using var reader = await command.ExecuteReaderAsync();
            var rows = new List<Dictionary<string, object?>>();
            while (await reader.ReadAsync())
            {
                rows.Add(Enumerable.Range(0, reader.FieldCount)
                    .ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i), StringComparer.Ordinal));
            }
            return rows;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private static Dictionary<string, object?> Row(List<Dictionary<string, object?>> rows, string column, string value)
        => Assert.Single(rows, r => Equals(r[column], value));

    /// <summary>
    /// Same values of the same types as the provider returns them (SQLite: by storage class, so a date or a Guid stored
    /// as text in another format, or as a blob, differs).
    /// </summary>
    private static void AssertSameRow(Dictionary<string, object?> expected, Dictionary<string, object?> actual, params string[] except)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (column, value) in expected)
        {
            if (!except.Contains(column, StringComparer.Ordinal))
            {
                var other = actual[column];
                Assert.True(Equals(value, other) && value?.GetType() == other?.GetType(),
                    $"{column}: SaveChanges stored {value ?? "NULL"} ({value?.GetType().Name}), the bulk insert {other ?? "NULL"} ({other?.GetType().Name})");
            }
        }
    }
}
