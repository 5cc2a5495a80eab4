using System.Text.Json;
using Enact.Core.CaseStudies;
using Enact.Core.Search;
using Enact.Tests.Infrastructure;
using Lucene.Net.Index;
using Lucene.Net.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using static Enact.Tests.CaseStudies.CaseStudyData;

namespace Enact.Tests.Search;

/// <summary>The index's searcher and its layout version: what keeps every instance's index right over time.</summary>
public sealed class IndexMaintenanceTests
{
    [Fact]
    public async Task A_search_after_a_publish_sees_the_new_document_through_the_same_cached_searcher()
    {
        await using var app = await EnactFactory.StartAsync();
        await ImportAsync(app, Record("lb-first"));
        using var client = app.CreateClient();
        await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 1);
        var generation = await CurrentGenerationAsync(app);
        var smart = "/api/v1/case-studies?q=" + Uri.EscapeDataString("ذكية");
        Assert.Equal(0, Total(await GetJsonAsync(client, smart)));

        await ImportAsync(app, Record("lb-second", titleAr: "مدينة ذكية"));
        var found = await WaitForAsync(client, smart, r => Total(r) == 1);
        Assert.Equal(["lb-second"], Ids(found));
        // Refreshed in place (near-real-time reader of the same generation), not rebuilt.
        Assert.Equal(generation, await CurrentGenerationAsync(app));
    }

    [Fact]
    public async Task The_api_writes_stored_records_exactly_as_serialising_the_parsed_records()
    {
        await using var app = await EnactFactory.StartAsync();
        await ImportAsync(app,
            Record("lb-one", titleAr: "الحكومة الرقمية <للجميع> & \"المواطنين\""),
            Record("jo-two", "JO", titleAr: null, summaryAr: null),
            Record("eg-three", "EG", titleEn: null, summaryEn: null));
        using var client = app.CreateClient();
        await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 3);
        var search = app.Services.GetRequiredService<CaseStudySearch>();
        foreach (var query in new[]
        {
            new CaseStudyQuery { Text = "الحكومة", Language = "ar" },
            new CaseStudyQuery { Text = "permits", Language = "en" },
            new CaseStudyQuery { Text = "permits", Language = "ar" },
            new CaseStudyQuery(),
        })
        {
            var stored = JsonSerializer.Serialize(search.Search(query), CaseStudyApiJson.Options);
            var parsed = search.Search(query);
            var expected = JsonSerializer.Serialize(parsed with { Items = parsed.Items.ToList() }, InterchangeJson.Options);
            Assert.Equal(expected, stored);
        }
        var api = await client.GetStringAsync("/api/v1/case-studies?q=" + Uri.EscapeDataString("الحكومة") + "&lang=ar");
        var again = search.Search(new CaseStudyQuery { Text = "الحكومة", Language = "ar" });
        Assert.Equal(JsonSerializer.Serialize(again with { Items = again.Items.ToList() }, InterchangeJson.Options), api);
        Assert.Contains("highlight", api, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_generation_written_with_an_older_layout_is_rebuilt_and_searches_go_on_meanwhile()
    {
        var dir = Path.Combine(Path.GetTempPath(), "enact-tests", "layout-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Enact:DataDirectory"] = dir };
        string before;
        await using (var app = await EnactFactory.StartAsync(settings: settings))
        {
            await ImportAsync(app, Record("lb-one"), Record("lb-two"));
            using var client = app.CreateClient();
            await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 2);
            before = await CurrentGenerationAsync(dir);
        }
        // As an earlier version left it: the commit data says layout 1.
        using (var directory = FSDirectory.Open(Path.Combine(dir, "index", before)))
        using (var writer = new IndexWriter(directory, new IndexWriterConfig(ArabicSearchAnalyzer.Version, SearchAnalyzers.Create()) { OpenMode = OpenMode.APPEND }))
        {
            var data = new Dictionary<string, string>(writer.CommitData, StringComparer.Ordinal) { [SearchIndex.SchemaKey] = "1" };
            writer.SetCommitData(data);
            writer.Commit();
        }

        await using (var restarted = await EnactFactory.StartAsync(settings: settings))
        {
            using var client = restarted.CreateClient();
            await WaitUntilAsync(async () => await CurrentGenerationAsync(dir) != before, "the outdated generation is rebuilt");
            var found = await WaitForAsync(client, "/api/v1/case-studies?q=" + Uri.EscapeDataString("تراخيص"), r => Total(r) == 2);
            var highlight = found.GetProperty("items")[0].GetProperty("highlight");
            Assert.Contains(highlight.EnumerateObject(), p => p.Value.GetString()!.Contains("<mark>", StringComparison.Ordinal));
        }
        System.IO.Directory.Delete(dir, recursive: true);
    }

    private static Task<string> CurrentGenerationAsync(EnactFactory app) => CurrentGenerationAsync(app.DataDirectory);

    private static async Task<string> CurrentGenerationAsync(string dataDirectory)
        => (await File.ReadAllTextAsync(Path.Combine(dataDirectory, "index", "current"))).Trim();

    /// <summary>Polls until the condition holds; the limit only bounds a broken run.</summary>
    private static async Task WaitUntilAsync(Func<Task<bool>> condition, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, $"never happened: {what}");
            await Task.Delay(50);
        }
    }
}
