using System.Text;
using System.Text.Json;
using Enact.Core.CaseStudies;
using Enact.Core.Search;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Enact.Tests.CaseStudies.CaseStudyData;

namespace Enact.Tests.CaseStudies;

/// <summary>
/// What an import leaves behind now that new case studies are written with prepared commands and only changed ones go
/// through SaveChanges: the case studies and their term links, one indexing task per new or changed case study, one
/// audit entry per batch; re-imports are idempotent and changes are saved with a new version. SQLite and PostgreSQL.
/// </summary>
public sealed class BulkImportTests
{
    private static readonly DateTimeOffset Start = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_first_import_stores_each_record_as_given_with_its_links_one_indexing_task_each_and_one_audit_entry(Provider provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = await EnactFactory.StartAsync(provider, clock: clock);
        var records = new[]
        {
            Complete(Record("lb-full", beneficiaries: ["women", "youth"])),
            Complete(Record("jo-draft", "JO", status: "draft", titleEn: null, summaryEn: null)),
            Complete(Record("eg-english", "EG", titleAr: null, summaryAr: null, technologies: ["cloud"], level: null)),
        };
        records[0].PublishedAt = new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.Zero);
        records[0].Problem = LocalizedText.Of("مشكلة", "Problem");
        records[0].Partners = LocalizedText.Of(null, "Partners");
        records[2].PublishedAt = null;

        var (exit, output, error) = await RunAsync(app, "import", "case-studies", WriteFile(app, records));
        Assert.True(exit == 0, error);
        Assert.Contains("3 created, 0 updated, 0 unchanged", output, StringComparison.Ordinal);

        var now = Start.UtcDateTime;
        await app.WithDbAsync(async db =>
        {
            var terms = await db.TaxonomyTerms.AsNoTracking().ToDictionaryAsync(t => t.Id);
            var stored = await db.CaseStudies.AsNoTracking().Include(c => c.Terms).ToDictionaryAsync(c => c.Id, StringComparer.Ordinal);
            Assert.Equal(3, stored.Count);
            // A published record without a date is published now, as before.
            records[2].PublishedAt = Start;
            foreach (var record in records)
            {
                var caseStudy = stored[record.Id!];
                // Every field and term link, read back through the interchange format.
                Assert.Equal(JsonSerializer.Serialize(record, InterchangeJson.Options), JsonSerializer.Serialize(InterchangeMapper.ToRecord(caseStudy, terms), InterchangeJson.Options));
                Assert.Equal(now, caseStudy.CreatedAt);
                Assert.Equal(now, caseStudy.UpdatedAt);
                Assert.Null(caseStudy.OwnerId);
                Assert.Null(caseStudy.CallId);
                Assert.Null(caseStudy.RevisionOfId);
                Assert.Null(caseStudy.SubmittedAt);
            }
            Assert.Equal(3, stored.Values.Select(c => c.Version).Where(v => v != Guid.Empty).Distinct().Count());
            Assert.Equal(2 + 1 + 1 + 1 + 1, stored["lb-full"].Terms.Count);

            var tasks = await db.IndexingTasks.AsNoTracking().OrderBy(t => t.Id).ToListAsync();
            Assert.Equal(["lb-full", "jo-draft", "eg-english"], tasks.Select(t => t.CaseStudyId));
            Assert.All(tasks, t => Assert.Equal(IndexingKind.Upsert, t.Kind));
            Assert.All(tasks, t => Assert.Equal(now, t.CreatedAt));

            var audit = Assert.Single(await db.AuditEntries.AsNoTracking().Where(a => a.Action == "case-studies.imported").ToListAsync());
            Assert.Equal("command-line", audit.ActorEmail);
            Assert.Null(audit.ActorId);
            Assert.Equal("case-study", audit.EntityType);
            Assert.Equal("lb-full", audit.EntityId);
            Assert.Equal(now, audit.At);
            Assert.Equal("""{"created":["lb-full","jo-draft","eg-english"],"updated":[]}""", audit.After);
            return 0;
        });
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Importing_again_changes_nothing_and_changed_records_are_saved_with_a_new_version_next_to_new_ones(Provider provider)
    {
        var clock = new FakeTimeProvider(Start);
        await using var app = await EnactFactory.StartAsync(provider, clock: clock);
        CaseStudyRecord[] first = [Record("lb-one"), Record("lb-two", technologies: ["cloud"]), Record("lb-three")];
        var file = WriteFile(app, first);
        Assert.Contains("3 created, 0 updated, 0 unchanged", (await RunAsync(app, "import", "case-studies", file)).Output, StringComparison.Ordinal);
        var before = await app.WithDbAsync(db => db.CaseStudies.AsNoTracking().ToDictionaryAsync(c => c.Id, StringComparer.Ordinal));

        clock.Advance(TimeSpan.FromHours(1));
        var again = await RunAsync(app, "import", "case-studies", file);
        Assert.Equal(0, again.Exit);
        Assert.Contains("0 created, 0 updated, 3 unchanged", again.Output, StringComparison.Ordinal);
        var unchanged = await app.WithDbAsync(db => db.CaseStudies.AsNoTracking().ToDictionaryAsync(c => c.Id, StringComparer.Ordinal));
        foreach (var (id, caseStudy) in before)
        {
            Assert.Equal(caseStudy.Version, unchanged[id].Version);
            Assert.Equal(caseStudy.UpdatedAt, unchanged[id].UpdatedAt);
        }
        Assert.Equal(3, await app.WithDbAsync(db => db.IndexingTasks.CountAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "case-studies.imported")));

        // One text changed, one record's links changed, one as it was, one new: in one batch.
        clock.Advance(TimeSpan.FromHours(1));
        var changed = await RunAsync(app, "import", "case-studies", WriteFile(app,
            [Record("lb-new"), Record("lb-one", titleEn: "Renamed permits"), Record("lb-two", technologies: ["cloud", "blockchain"]), Record("lb-three")], "changed.json"));
        Assert.Contains("1 created, 2 updated, 1 unchanged", changed.Output, StringComparison.Ordinal);
        await app.WithDbAsync(async db =>
        {
            var after = await db.CaseStudies.AsNoTracking().ToDictionaryAsync(c => c.Id, StringComparer.Ordinal);
            Assert.Equal("Renamed permits", after["lb-one"].TitleEn);
            Assert.NotEqual(before["lb-one"].Version, after["lb-one"].Version);
            Assert.NotEqual(before["lb-two"].Version, after["lb-two"].Version);
            Assert.Equal(before["lb-three"].Version, after["lb-three"].Version);
            Assert.Equal(clock.GetUtcNow().UtcDateTime, after["lb-one"].UpdatedAt);
            Assert.Equal(clock.GetUtcNow().UtcDateTime, after["lb-two"].UpdatedAt);
            Assert.Equal(before["lb-one"].CreatedAt, after["lb-one"].CreatedAt);
            Assert.Equal(before["lb-three"].UpdatedAt, after["lb-three"].UpdatedAt);
            Assert.Equal(["blockchain", "cloud"], await db.CaseStudyTerms.Where(t => t.CaseStudyId == "lb-two" && t.Term!.Taxonomy == "technology")
                .Select(t => t.Term!.Code).OrderBy(c => c).ToListAsync());

            var tasks = await db.IndexingTasks.AsNoTracking().OrderBy(t => t.Id).Skip(3).Select(t => t.CaseStudyId).ToListAsync();
            Assert.Equal(["lb-new", "lb-one", "lb-two"], tasks.Order(StringComparer.Ordinal));
            var audit = await db.AuditEntries.AsNoTracking().Where(a => a.Action == "case-studies.imported").OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(2, audit.Count);
            Assert.Equal("""{"created":["lb-new"],"updated":["lb-one","lb-two"]}""", audit[1].After);
            return 0;
        });

        using var client = app.CreateClient();
        await WaitForAsync(client, "/api/v1/case-studies?q=renamed&lang=en", r => Total(r) == 1);
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task An_import_of_more_than_one_batch_commits_each_batch_and_every_case_study_becomes_searchable(Provider provider)
    {
        await using var app = await EnactFactory.StartAsync(provider);
        var count = CaseStudyInterchange.BatchSize + 5;
        var records = Enumerable.Range(1, count).Select(i => Record($"batch-{i:D4}", technologies: [i % 2 == 0 ? "cloud" : "blockchain"])).ToArray();
        var (exit, output, error) = await RunAsync(app, "import", "case-studies", WriteFile(app, records));
        Assert.True(exit == 0, error);
        Assert.Contains($"{count} created, 0 updated, 0 unchanged", output, StringComparison.Ordinal);

        Assert.Equal(count, await app.WithDbAsync(db => db.CaseStudies.CountAsync()));
        Assert.Equal(count * 4, await app.WithDbAsync(db => db.CaseStudyTerms.CountAsync()));
        Assert.Equal(count, await app.WithDbAsync(db => db.IndexingTasks.Select(t => t.CaseStudyId).Distinct().CountAsync()));
        var audit = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "case-studies.imported").OrderBy(a => a.Id).Select(a => a.After!).ToListAsync());
        Assert.Equal([CaseStudyInterchange.BatchSize, 5], audit.Select(a => JsonDocument.Parse(a).RootElement.GetProperty("created").GetArrayLength()));

        // The index worker applies the tasks written by the bulk path: all of them, with their facets.
        using var client = app.CreateClient();
        var all = await WaitForAsync(client, "/api/v1/case-studies?pageSize=1", r => Total(r) == count);
        Assert.Equal(new Dictionary<string, int> { ["blockchain"] = (count + 1) / 2, ["cloud"] = count / 2 }, Facet(all, "technology"));
        var one = await GetJsonAsync(client, "/api/v1/case-studies/batch-1003");
        Assert.Equal("Digital building permits", one.GetProperty("title").GetProperty("en").GetString());
    }

    [Fact]
    public async Task A_file_with_a_byte_order_mark_imports_and_a_null_record_is_reported_with_its_position()
    {
        await using var app = await EnactFactory.StartAsync();
        var bom = Path.Combine(app.DataDirectory, "bom.json");
        await File.WriteAllTextAsync(bom, JsonSerializer.Serialize(new[] { Record("lb-bom") }, InterchangeJson.Options), new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        Assert.Equal(0xEF, (await File.ReadAllBytesAsync(bom))[0]);
        var imported = await RunAsync(app, "import", "case-studies", bom);
        Assert.True(imported.Exit == 0, imported.Error);
        Assert.Contains("1 created", imported.Output, StringComparison.Ordinal);

        var withNull = Path.Combine(app.DataDirectory, "null.json");
        await File.WriteAllTextAsync(withNull, "[" + JsonSerializer.Serialize(Record("lb-other"), InterchangeJson.Options) + ", null]");
        var rejected = await RunAsync(app, "import", "case-studies", withNull);
        Assert.NotEqual(0, rejected.Exit);
        Assert.Contains("record 2 (id missing): the record is null", rejected.Error, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseStudies.CountAsync()));
    }

    /// <summary>Fills in what the import would otherwise decide (status, original language, publication date), so the record reads back as written.</summary>
    private static CaseStudyRecord Complete(CaseStudyRecord record)
    {
        record.Status ??= Codes.Published;
        record.OriginalLanguage ??= record.Title?.Ar is null ? "en" : "ar";
        return record;
    }
}
