using System.Text.Json;
using System.Text.Json.Nodes;
using Enact.Core.CaseStudies;
using Enact.Core.Search;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Enact.Tests.CaseStudies.CaseStudyData;

namespace Enact.Tests.CaseStudies;

/// <summary>The import and export verbs: every record checked first, idempotent by id, and a file that round-trips.</summary>
public sealed class InterchangeTests
{
    [Fact]
    public async Task An_invalid_file_prints_each_bad_record_and_imports_nothing()
    {
        await using var app = await EnactFactory.StartAsync();
        var records = new List<object>
        {
            Record("lb-good"),
            Record("FR-bad-id", country: "FR"),
            Record("lb-old", year: 1980),
            Record("lb-good"),
            Record("lb-unknown-tech", technologies: ["teleportation"]),
            Record("lb-no-summary", summaryEn: null),
            Record("lb-no-title", titleAr: null, titleEn: null),
            Record("lb-level", level: "galactic"),
            WithWebsite(Record("lb-ftp"), "ftp://example.gov.lb/"),
            WithDescription(Record("lb-script"), "<script>alert(1)</script>نص"),
            WithDescription(Record("lb-onerror"), "<img src=x onerror=alert(1)>"),
            new { country = "LB", yearLaunched = 2020, title = new { ar = "بلا معرف" }, summary = new { ar = "ملخص" } },
            new { id = "lb-typed", country = "LB", yearLaunched = "2020" },
            new { id = "lb-unknown-field", country = "LB", yearLaunched = 2020, colour = "blue" },
            Record("lb-future", year: DateTime.UtcNow.Year + 1),
            Record("lb-status", status: "in-review"),
        };
        var (exit, _, error) = await RunAsync(app, "import", "case-studies", WriteFile(app, records));

        Assert.True(exit != 0, error);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        void Reported(int position, string id, string reason) => Assert.True(lines.Any(l =>
            l.StartsWith($"record {position} (id {id}):", StringComparison.Ordinal) && l.Contains(reason, StringComparison.Ordinal)), $"record {position} {reason}:\n{error}");
        Reported(2, "FR-bad-id", "id must be");
        Reported(2, "FR-bad-id", "country 'FR'");
        Reported(3, "lb-old", "yearLaunched 1980");
        Reported(4, "lb-good", "id repeats record 1");
        Reported(5, "lb-unknown-tech", "unknown technology code 'teleportation'");
        Reported(6, "lb-no-summary", "summary.en is required");
        Reported(7, "lb-no-title", "title is required");
        Reported(8, "lb-level", "levelOfGovernment 'galactic'");
        Reported(9, "lb-ftp", "website");
        Reported(10, "lb-script", "description.en holds markup");
        Reported(11, "lb-onerror", "description.en holds markup");
        Reported(12, "missing", "id is required");
        Reported(13, "lb-typed", "not in the interchange format");
        Reported(14, "lb-unknown-field", "not in the interchange format");
        Reported(15, "lb-future", "yearLaunched");
        Reported(16, "lb-status", "status 'in-review'");
        Assert.DoesNotContain(lines, l => l.StartsWith("record 1 ", StringComparison.Ordinal));

        Assert.Equal(0, await app.WithDbAsync(db => db.CaseStudies.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.IndexingTasks.CountAsync()));
    }

    [Fact]
    public async Task Harmless_markup_and_markdown_are_accepted()
    {
        await using var app = await EnactFactory.StartAsync();
        await ImportAsync(app,
            WithDescription(Record("lb-markdown"), "R&D at <https://example.gov.lb> with **bold** and <b>bold</b>, 3 < 4."));
        Assert.Equal(1, await app.WithDbAsync(db => db.CaseStudies.CountAsync()));
    }

    [Fact]
    public async Task Importing_the_same_file_twice_changes_nothing_and_a_changed_record_is_updated()
    {
        await using var app = await EnactFactory.StartAsync();
        var file = WriteFile(app, [Record("lb-one"), Record("lb-two", technologies: ["cloud"])]);
        var first = await RunAsync(app, "import", "case-studies", file);
        Assert.Contains("2 created, 0 updated, 0 unchanged", first.Output, StringComparison.Ordinal);
        var version = await app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == "lb-one").Select(c => c.Version).SingleAsync());

        var again = await RunAsync(app, "import", "case-studies", file);
        Assert.Equal(0, again.Exit);
        Assert.Contains("0 created, 0 updated, 2 unchanged", again.Output, StringComparison.Ordinal);
        Assert.Equal(2, await app.WithDbAsync(db => db.CaseStudies.CountAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.IndexingTasks.CountAsync()));
        Assert.Equal(version, await app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == "lb-one").Select(c => c.Version).SingleAsync()));

        var changed = await RunAsync(app, "import", "case-studies",
            WriteFile(app, [Record("lb-one", titleEn: "Renamed"), Record("lb-two", technologies: ["cloud", "blockchain"])], "changed.json"));
        Assert.Contains("0 created, 2 updated, 0 unchanged", changed.Output, StringComparison.Ordinal);
        Assert.Equal("Renamed", await app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == "lb-one").Select(c => c.TitleEn).SingleAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.CaseStudyTerms.CountAsync(t => t.CaseStudyId == "lb-two" && t.Term!.Taxonomy == "technology")));
        Assert.Equal(4, await app.WithDbAsync(db => db.IndexingTasks.CountAsync()));
        Assert.NotEqual(version, await app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == "lb-one").Select(c => c.Version).SingleAsync()));

        using var client = app.CreateClient();
        await WaitForAsync(client, "/api/v1/case-studies?q=renamed&lang=en", r => Total(r) == 1);
    }

    [Fact]
    public async Task An_export_imports_into_another_install_and_exports_the_same_file()
    {
        await using var first = await EnactFactory.StartAsync();
        var full = Record("lb-full", beneficiaries: ["women", "youth"]);
        full.Problem = LocalizedText.Of("مشكلة", "Problem");
        full.Innovation = LocalizedText.Of("ابتكار", null);
        full.Partners = LocalizedText.Of(null, "Partners");
        full.FundingAndSustainability = LocalizedText.Of("تمويل", "Funding");
        full.ChangeManagement = LocalizedText.Of("إدارة التغيير", "Change management");
        full.Challenges = LocalizedText.Of("تحديات", "Challenges");
        full.ConditionsForSuccess = LocalizedText.Of("شروط", "Conditions");
        full.Replication = LocalizedText.Of("تكرار", "Replication");
        full.OriginalLanguage = "en";
        full.PublishedAt = new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.Zero);
        await ImportAsync(first, full, Record("jo-draft", "JO", status: "draft", titleEn: null, summaryEn: null));
        var exported = Path.Combine(first.DataDirectory, "export.json");
        var (exit, output, _) = await RunAsync(first, "export", "case-studies", exported);
        Assert.Equal(0, exit);
        Assert.Contains("Exported 2", output, StringComparison.Ordinal);

        var records = JsonNode.Parse(await File.ReadAllTextAsync(exported))!.AsArray();
        Assert.Equal(["jo-draft", "lb-full"], records.Select(r => r!["id"]!.GetValue<string>()));
        var lb = records[1]!;
        Assert.Equal("Problem", lb["problem"]!["en"]!.GetValue<string>());
        Assert.Equal("en", lb["originalLanguage"]!.GetValue<string>());
        Assert.Equal(["women", "youth"], lb["beneficiaries"]!.AsArray().Select(b => b!.GetValue<string>()));
        Assert.Equal("draft", records[0]!["status"]!.GetValue<string>());
        Assert.Contains("منصة رقمية", await File.ReadAllTextAsync(exported), StringComparison.Ordinal);

        await using var second = await EnactFactory.StartAsync();
        Assert.Equal(0, (await RunAsync(second, "import", "case-studies", exported)).Exit);
        var again = Path.Combine(second.DataDirectory, "again.json");
        Assert.Equal(0, (await RunAsync(second, "export", "case-studies", again)).Exit);
        Assert.Equal(await File.ReadAllTextAsync(exported), await File.ReadAllTextAsync(again));
    }

    [Fact]
    public async Task Reindex_rebuilds_into_a_new_folder_and_swaps_it_in()
    {
        await using var app = await EnactFactory.StartAsync();
        await ImportAsync(app, Record("lb-one"), Record("lb-two"));
        using var client = app.CreateClient();
        await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 2);
        var index = Path.Combine(app.DataDirectory, "index");
        var before = (await File.ReadAllTextAsync(Path.Combine(index, "current"))).Trim();

        var (exit, output, _) = await RunAsync(app, "reindex");
        Assert.Equal(0, exit);
        Assert.Contains("Indexed 2", output, StringComparison.Ordinal);
        var after = (await File.ReadAllTextAsync(Path.Combine(index, "current"))).Trim();
        Assert.NotEqual(before, after);
        Assert.False(Directory.Exists(Path.Combine(index, before)), "the old generation is removed");
        Assert.Equal(2, Total(await GetJsonAsync(client, "/api/v1/case-studies")));

        // The worker goes on applying tasks to the new generation.
        await ImportAsync(app, Record("lb-three"));
        await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 3);
    }

    [Fact]
    public async Task Reindex_reads_every_page_of_the_library_and_leaves_out_drafts()
    {
        await using var app = await EnactFactory.StartAsync();
        // Two full pages and one more, with drafts between them: the rebuild must neither skip nor repeat a page.
        var published = 2 * CaseStudyIndexer.RebuildPageSize + 1;
        var records = Enumerable.Range(0, published)
            .Select(i => Record($"lb-page-{i:D5}", titleEn: i == published - 1 ? "Zanzibar onboarding kiosk" : "Digital building permits"))
            .Concat(Enumerable.Range(0, 7).Select(i => Record($"lb-page-{i * 150:D5}-draft", status: "draft")))
            .ToArray();
        await ImportAsync(app, records);

        var (exit, output, _) = await RunAsync(app, "reindex");
        Assert.Equal(0, exit);
        Assert.Contains($"Indexed {published}", output, StringComparison.Ordinal);
        using var client = app.CreateClient();
        await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == published);
        var last = await GetJsonAsync(client, "/api/v1/case-studies?q=Zanzibar&lang=en");
        Assert.Equal([$"lb-page-{published - 1:D5}"], Ids(last));
    }

    [Fact]
    public async Task An_instance_that_was_down_catches_up_from_its_cursor_when_it_starts()
    {
        var dir = Path.Combine(Path.GetTempPath(), "enact-tests", "catch-up-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Enact:DataDirectory"] = dir };
        string generation;
        await using (var app = await EnactFactory.StartAsync(settings: settings))
        {
            await ImportAsync(app, Record("lb-before"));
            using var client = app.CreateClient();
            await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 1);
            generation = (await File.ReadAllTextAsync(Path.Combine(dir, "index", "current"))).Trim();
        }

        // While the instance is down, another one (here, the CLI's services) writes changes and their tasks.
        await using (var writer = await EnactFactory.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Enact:DataDirectory"] = dir,
            ["Database:MigrateOnStart"] = "false",
        }, services: s => s.RemoveAll<Microsoft.Extensions.Hosting.IHostedService>()))
        {
            await ImportAsync(writer, Record("lb-after", titleAr: "الحكومة الذكية"));
        }

        await using (var restarted = await EnactFactory.StartAsync(settings: settings))
        {
            using var again = restarted.CreateClient();
            var found = await WaitForAsync(again, "/api/v1/case-studies?q=" + Uri.EscapeDataString("ذكي"), r => Total(r) == 1);
            Assert.Equal(["lb-after"], Ids(found));
            Assert.Equal(2, Total(await GetJsonAsync(again, "/api/v1/case-studies")));
            // Caught up on the same generation from its cursor, not rebuilt.
            Assert.Equal(generation, (await File.ReadAllTextAsync(Path.Combine(dir, "index", "current"))).Trim());
        }
        // Only once the instance has stopped (its worker may still be writing to the index folder until then).
        Directory.Delete(dir, recursive: true);
    }

    private static CaseStudyRecord WithWebsite(CaseStudyRecord record, string website)
    {
        record.Website = website;
        return record;
    }

    private static CaseStudyRecord WithDescription(CaseStudyRecord record, string english)
    {
        record.Description = LocalizedText.Of(record.Description?.Ar, english);
        return record;
    }
}
