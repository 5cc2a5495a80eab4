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

/// <summary>The index's searcher, its layout version and the outbox's retention: what keeps every instance's index right over time.</summary>
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

    [Fact]
    public async Task Pruning_deletes_tasks_older_than_the_retention_but_keeps_the_newest()
    {
        await using var app = await EnactFactory.StartAsync();
        await ImportAsync(app, Record("lb-one"));
        await ImportAsync(app, Record("lb-two"));
        await ImportAsync(app, Record("lb-three"));
        using var client = app.CreateClient();
        await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 3);
        var ids = await app.WithDbAsync(db => db.IndexingTasks.OrderBy(t => t.Id).Select(t => t.Id).ToListAsync());
        Assert.Equal(3, ids.Count);

        await using (var scope = app.Scope())
        {
            var indexer = scope.ServiceProvider.GetRequiredService<CaseStudyIndexer>();
            Assert.Equal(0, await indexer.PruneAsync(TimeSpan.FromDays(7)));
            // The first two are old, the newest one too: all but the newest go.
            var old = DateTime.UtcNow.AddDays(-8);
            await scope.ServiceProvider.GetRequiredService<Enact.Core.Data.EnactDbContext>().IndexingTasks
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedAt, old));
            Assert.Equal(2, await indexer.PruneAsync(TimeSpan.FromDays(7)));
        }
        Assert.Equal([ids[2]], await app.WithDbAsync(db => db.IndexingTasks.Select(t => t.Id).ToListAsync()));

        // This instance's cursor is at the newest task: it goes on applying new ones.
        await ImportAsync(app, Record("lb-four"));
        await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 4);
    }

    [Fact]
    public async Task The_worker_prunes_old_tasks_periodically()
    {
        await using var app = await EnactFactory.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Search:TaskRetention"] = "00:00:00",
            ["Search:PruneInterval"] = "00:00:00.200",
        });
        await ImportAsync(app, Record("lb-one"));
        await ImportAsync(app, Record("lb-two"));
        await ImportAsync(app, Record("lb-three"));
        await WaitUntilAsync(async () => await app.WithDbAsync(db => db.IndexingTasks.CountAsync()) == 1, "old tasks are pruned");
        using var client = app.CreateClient();
        await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 3);
    }

    [Fact]
    public async Task An_instance_down_longer_than_the_retention_rebuilds_its_index()
    {
        var dir = Path.Combine(Path.GetTempPath(), "enact-tests", "stale-" + Guid.NewGuid().ToString("N"));
        var settings = new Dictionary<string, string?> { ["Enact:DataDirectory"] = dir };
        string generation;
        await using (var app = await EnactFactory.StartAsync(settings: settings))
        {
            await ImportAsync(app, Record("lb-before"));
            using var client = app.CreateClient();
            await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 1);
            generation = await CurrentGenerationAsync(dir);
        }

        // While it is down, another instance writes two changes, and later prunes their (now old) tasks.
        await using (var other = await EnactFactory.StartAsync(settings: new Dictionary<string, string?>
        {
            ["Enact:DataDirectory"] = dir,
            ["Database:MigrateOnStart"] = "false",
        }, services: s => s.RemoveAll<Microsoft.Extensions.Hosting.IHostedService>()))
        {
            await ImportAsync(other, Record("lb-after", titleAr: "الحكومة الذكية"));
            await ImportAsync(other, Record("lb-later"));
            await using var scope = other.Scope();
            var old = DateTime.UtcNow.AddDays(-8);
            await scope.ServiceProvider.GetRequiredService<Enact.Core.Data.EnactDbContext>().IndexingTasks
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedAt, old));
            Assert.Equal(2, await scope.ServiceProvider.GetRequiredService<CaseStudyIndexer>().PruneAsync(TimeSpan.FromDays(7)));
        }

        await using (var restarted = await EnactFactory.StartAsync(settings: settings))
        {
            using var again = restarted.CreateClient();
            // The task of lb-after is gone: only a rebuild can find it.
            var found = await WaitForAsync(again, "/api/v1/case-studies?q=" + Uri.EscapeDataString("ذكي"), r => Total(r) == 1);
            Assert.Equal(["lb-after"], Ids(found));
            Assert.Equal(3, Total(await GetJsonAsync(again, "/api/v1/case-studies")));
            Assert.NotEqual(generation, await CurrentGenerationAsync(dir));
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
