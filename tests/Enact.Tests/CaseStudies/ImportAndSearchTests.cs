using System.Net;
using Enact.Core.CaseStudies;
using Enact.Core.Search;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.CaseStudies.CaseStudyData;

namespace Enact.Tests.CaseStudies;

/// <summary>Importing case studies makes them findable in the open data API, in Arabic and English, with facets.</summary>
public sealed class ImportAndSearchTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task Imported_case_studies_are_found_with_an_Arabic_query_in_another_inflection_and_a_facet(Provider provider)
    {
        await using var app = await EnactFactory.StartAsync(provider);
        await ImportAsync(app,
            Record("lb-2021-digital-permits", "LB", 2021, titleAr: "الحكومة الرقمية لتراخيص البناء", summaryAr: "منصة للحكومة الإلكترونية."),
            Record("jo-2019-health-records", "JO", 2019, titleAr: "السجلات الصحية", summaryAr: "ملف صحي موحد للمرضى.", titleEn: "Health records", summaryEn: "One health record per patient.", technologies: ["cloud"]),
            Record("eg-2022-open-budget", "EG", 2022, titleAr: "الموازنة المفتوحة", summaryAr: "نشر بيانات حكومات المحافظات.", titleEn: "Open budget", summaryEn: "Governorates publish budgets.", technologies: ["open-data"]));

        using var client = app.CreateClient();
        var found = await WaitForAsync(client, "/api/v1/case-studies?q=" + Uri.EscapeDataString("والحكومات") + "&country=LB&lang=ar",
            r => Total(r) == 1);
        Assert.Equal(["lb-2021-digital-permits"], Ids(found));
        var item = found.GetProperty("items")[0];
        Assert.Equal("LB", item.GetProperty("country").GetString());
        Assert.Equal("blockchain", item.GetProperty("technologies")[0].GetString());
        Assert.Contains("<mark>", item.GetProperty("highlight").GetProperty("title").GetString(), StringComparison.Ordinal);

        // Without the facet the same query also finds the Egyptian one (حكومات in its summary).
        var both = await GetJsonAsync(client, "/api/v1/case-studies?q=" + Uri.EscapeDataString("حكومة"));
        Assert.Equal(["eg-2022-open-budget", "lb-2021-digital-permits"], Ids(both).Order(StringComparer.Ordinal));

        // English search over the same index, stemmed.
        var english = await GetJsonAsync(client, "/api/v1/case-studies?q=record&lang=en");
        Assert.Equal(["jo-2019-health-records"], Ids(english));

        // One published case study by id, in the interchange format.
        var one = await GetJsonAsync(client, "/api/v1/case-studies/jo-2019-health-records");
        Assert.Equal("Health records", one.GetProperty("title").GetProperty("en").GetString());
        Assert.Equal("published", one.GetProperty("status").GetString());

        var tasks = await app.WithDbAsync(db => db.IndexingTasks.CountAsync());
        Assert.Equal(3, tasks);
    }

    [Fact]
    public async Task Facets_count_values_OR_within_a_facet_and_AND_across_facets()
    {
        await using var app = await EnactFactory.StartAsync();
        await ImportAsync(app,
            Record("lb-one", "LB", 2020, technologies: ["blockchain"], beneficiaries: ["women"]),
            Record("lb-two", "LB", 2021, technologies: ["cloud"], beneficiaries: ["youth"]),
            Record("jo-one", "JO", 2021, technologies: ["blockchain", "cloud"], beneficiaries: ["women"]),
            Record("eg-one", "EG", 2022, technologies: ["open-data"], beneficiaries: ["women"], level: "local"));
        using var client = app.CreateClient();
        var all = await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 4);
        Assert.Equal(new Dictionary<string, int> { ["LB"] = 2, ["JO"] = 1, ["EG"] = 1 }, Facet(all, "country"));
        Assert.Equal(new Dictionary<string, int> { ["blockchain"] = 2, ["cloud"] = 2, ["open-data"] = 1 }, Facet(all, "technology"));
        Assert.Equal(new Dictionary<string, int> { ["2021"] = 2, ["2020"] = 1, ["2022"] = 1 }, Facet(all, "year"));
        Assert.Equal(new Dictionary<string, int> { ["national"] = 3, ["local"] = 1 }, Facet(all, "level"));

        // OR within a facet: LB or EG.
        var either = await GetJsonAsync(client, "/api/v1/case-studies?country=LB&country=EG");
        Assert.Equal(3, Total(either));
        // The filtered facet keeps counting the other values (drill sideways); the other facets follow the filter.
        Assert.Equal(new Dictionary<string, int> { ["LB"] = 2, ["JO"] = 1, ["EG"] = 1 }, Facet(either, "country"));
        Assert.Equal(new Dictionary<string, int> { ["blockchain"] = 1, ["cloud"] = 1, ["open-data"] = 1 }, Facet(either, "technology"));

        // AND across facets: (LB or EG) and blockchain.
        var both = await GetJsonAsync(client, "/api/v1/case-studies?country=LB&country=EG&technology=blockchain");
        Assert.Equal(["lb-one"], Ids(both));
        Assert.Equal(new Dictionary<string, int> { ["LB"] = 1, ["JO"] = 1 }, Facet(both, "country"));
        Assert.Equal(new Dictionary<string, int> { ["blockchain"] = 1, ["cloud"] = 1, ["open-data"] = 1 }, Facet(both, "technology"));
        Assert.Equal(new Dictionary<string, int> { ["women"] = 1 }, Facet(both, "beneficiary"));

        // Newest first and pagination.
        var page = await GetJsonAsync(client, "/api/v1/case-studies?sort=newest&pageSize=3&page=2");
        Assert.Equal(4, Total(page));
        Assert.Single(Ids(page));
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.Equal(3, page.GetProperty("pageSize").GetInt32());
    }

    [Fact]
    public async Task Drafts_never_appear_in_the_api()
    {
        await using var app = await EnactFactory.StartAsync();
        await ImportAsync(app, Record("lb-published"), Record("lb-draft", status: "draft", titleAr: "مسودة الحكومة"));
        using var client = app.CreateClient();
        var all = await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 1);
        Assert.Equal(["lb-published"], Ids(all));
        Assert.Equal(0, Total(await GetJsonAsync(client, "/api/v1/case-studies?q=" + Uri.EscapeDataString("مسودة"))));
        await GetJsonAsync(client, "/api/v1/case-studies/lb-draft", HttpStatusCode.NotFound);
        await GetJsonAsync(client, "/api/v1/case-studies/no-such-id", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_case_study_unpublished_in_the_database_leaves_the_index()
    {
        await using var app = await EnactFactory.StartAsync();
        await ImportAsync(app, Record("lb-one"), Record("lb-two"));
        using var client = app.CreateClient();
        await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 2);

        // Any later feature changing a case study through the DbContext writes the task without asking.
        await app.WithDbAsync(async db =>
        {
            var c = await db.CaseStudies.SingleAsync(x => x.Id == "lb-two");
            c.Status = CaseStudyStatus.Withdrawn;
            return await db.SaveChangesAsync();
        });
        var after = await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 1);
        Assert.Equal(["lb-one"], Ids(after));
        Assert.Equal(3, await app.WithDbAsync(db => db.IndexingTasks.CountAsync()));
    }

    [Theory]
    [InlineData("pageSize=101", "pageSize")]
    [InlineData("pageSize=0", "pageSize")]
    [InlineData("page=abc", "page")]
    [InlineData("page=%D9%A2", "page")]
    [InlineData("page=200&pageSize=100", "page")]
    [InlineData("sort=oldest", "sort")]
    [InlineData("lang=fr", "lang")]
    [InlineData("lang=ar&lang=en", "lang")]
    [InlineData("country=FR", "country")]
    [InlineData("technology=teleportation", "technology")]
    [InlineData("year=1800", "year")]
    [InlineData("year=twenty", "year")]
    [InlineData("level=galactic", "level")]
    [InlineData("contry=LB", "contry")]
    public async Task Bad_parameters_get_400_with_problem_details(string query, string parameter)
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateClient();
        using var response = await client.GetAsync("/api/v1/case-studies?" + query);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }

    [Fact]
    public async Task The_openapi_document_describes_the_api()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateClient();
        var document = await GetJsonAsync(client, "/openapi/v1.json");
        var paths = document.GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/case-studies", out var search));
        Assert.True(paths.TryGetProperty("/api/v1/case-studies/{id}", out _));
        var parameters = search.GetProperty("get").GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("q", parameters);
        Assert.Contains("country", parameters);
        Assert.Contains("pageSize", parameters);
    }
}
