using System.Net;
using System.Xml.Linq;
using AngleSharp.Dom;
using ClosedXML.Excel;
using CsvHelper;
using Enact.Core.CaseStudies;
using Enact.Tests.Infrastructure;
using static Enact.Tests.CaseStudies.CaseStudyData;

namespace Enact.Tests.CaseStudies;

/// <summary>The public library page: search in Arabic, facets, pagination, safe highlights, the map and its table.</summary>
public sealed class LibraryPageTests
{
    internal static async Task<EnactFactory> StartWithLibraryAsync()
    {
        var app = await EnactFactory.StartAsync();
        await ImportAsync(app,
            Record("lb-2021-digital-permits", "LB", 2021, titleAr: "الحكومة الرقمية لتراخيص البناء", summaryAr: "منصة للحكومة الإلكترونية.", titleEn: null, summaryEn: null),
            Record("lb-2020-water-meters", "LB", 2020, titleAr: "عدادات المياه الذكية", summaryAr: "قراءة العدادات عن بعد.", titleEn: "Smart water meters", summaryEn: "Meters read remotely.", technologies: ["cloud"]),
            Record("jo-2019-health-records", "JO", 2019, titleAr: "السجلات الصحية", summaryAr: "ملف صحي موحد للمرضى.", titleEn: "Health records", summaryEn: "One health record per patient.", technologies: ["cloud"]),
            Record("eg-2022-open-budget", "EG", 2022, titleAr: "الموازنة المفتوحة", summaryAr: "نشر بيانات حكومات المحافظات.", titleEn: "Open budget", summaryEn: "Governorates publish budgets.", technologies: ["open-data"]),
            Record("lb-draft", "LB", 2022, titleAr: "مسودة الحكومة", status: "draft"));
        using var client = app.CreateClient();
        await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 4);
        return app;
    }

    private static string Q(string text) => Uri.EscapeDataString(text);

    [Fact]
    public async Task An_Arabic_query_in_another_inflection_and_a_facet_finds_the_case_study()
    {
        await using var app = await StartWithLibraryAsync();
        using var client = app.CreateTestClient("ar");
        var page = await client.GetPageAsync("/ar/case-studies?q=" + Q("والحكومات") + "&country=LB");

        var results = page.QuerySelectorAll(".result-list > li");
        var hit = Assert.Single(results);
        var link = hit.QuerySelector("h3 a")!;
        Assert.Equal("/ar/case-studies/lb-2021-digital-permits", link.GetAttribute("href"));
        Assert.NotNull(link.QuerySelector("mark"));
        Assert.Contains("لبنان", hit.QuerySelector(".meta")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("1", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);

        // The query and the filter stay in the form; the country facet counts under the other filters (drill sideways).
        Assert.Equal("والحكومات", page.QuerySelector("input[name=q]")!.GetAttribute("value"));
        var lebanon = (IElement)page.QuerySelector("input[name=country][value=LB]")!;
        Assert.True(lebanon.HasAttribute("checked"));
        Assert.Contains("(1)", page.QuerySelector($"label[for={lebanon.Id}]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("input[name=country][value=EG]"));
        Assert.Equal("البلد", page.QuerySelectorAll("fieldset legend")[0].TextContent);
        Assert.NotNull(page.QuerySelector("head link[rel=alternate][type='application/atom+xml']"));
    }

    [Fact]
    public async Task Facets_show_counts_and_pagination_links_keep_the_filters()
    {
        await using var app = await StartWithLibraryAsync();
        using var client = app.CreateTestClient("en");
        var all = await client.GetPageAsync("/en/case-studies");
        Assert.Equal(4, all.QuerySelectorAll(".result-list > li").Length);
        Assert.Contains("4", all.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Lebanon (2)", Label(all, "country", "LB"), StringComparison.Ordinal);
        Assert.Contains("(2)", Label(all, "technology", "cloud"), StringComparison.Ordinal);

        // Both were imported in the same second: "newest" leaves their order to the index, so the test does not fix it.
        var first = await client.GetPageAsync("/en/case-studies?country=LB&sort=newest&pageSize=1");
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Contains("country=LB", next, StringComparison.Ordinal);
        Assert.Contains("sort=newest", next, StringComparison.Ordinal);
        Assert.Contains("page=2", next, StringComparison.Ordinal);
        var second = await client.GetPageAsync(next);
        Assert.Equal(["lb-2020-water-meters", "lb-2021-digital-permits"], new[] { Id(first), Id(second) }.Order(StringComparer.Ordinal));
        Assert.Contains("country=LB", second.QuerySelector("a[rel=prev]")!.GetAttribute("href")!, StringComparison.Ordinal);
        Assert.Null(second.QuerySelector("a[rel=next]"));

        var none = await client.GetPageAsync("/en/case-studies?q=nothingmatchesthis");
        Assert.Empty(none.QuerySelectorAll(".result-list > li"));
        Assert.NotNull(none.QuerySelector("p.empty"));
    }

    [Fact]
    public async Task Invalid_parameters_get_a_localized_message_not_an_error_page()
    {
        await using var app = await StartWithLibraryAsync();
        using var client = app.CreateTestClient("ar");
        var page = await client.GetPageAsync("/ar/case-studies?country=XX&page=abc", HttpStatusCode.BadRequest);
        var alert = page.QuerySelector("[role=alert]")!.TextContent;
        Assert.Contains("تعذّر", alert, StringComparison.Ordinal);
        Assert.Contains("country", alert, StringComparison.Ordinal);
        Assert.Equal(4, page.QuerySelectorAll(".result-list > li").Length);
    }

    [Fact]
    public async Task Highlights_encode_markup_from_the_text_and_keep_only_marks()
    {
        await using var app = await StartWithLibraryAsync();
        await app.WithDbAsync(db =>
        {
            db.CaseStudies.Add(new CaseStudy
            {
                Id = "lb-markup",
                CountryCode = "LB",
                YearLaunched = 2023,
                TitleEn = "<script>alert(1)</script> Permits <b>bold</b>",
                SummaryEn = "Permits & <img src=x onerror=alert(2)> more",
                OrganisationEn = "Ministry",
                Status = CaseStudyStatus.Published,
                PublishedAt = DateTime.UtcNow,
                CreatedAt = DateTime.UtcNow,
                UpdatedAt = DateTime.UtcNow,
            });
            return db.SaveChangesAsync();
        });
        using var api = app.CreateClient();
        await WaitForAsync(api, "/api/v1/case-studies", r => Total(r) == 5);
        using var client = app.CreateTestClient("en");
        using var response = await client.GetAsync("/en/case-studies?q=permits");
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; <mark>Permits</mark> &lt;b&gt;bold&lt;/b&gt;", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", html, StringComparison.Ordinal);
        var page = await TestClient.ParseAsync(response);
        Assert.Empty(page.QuerySelectorAll("main script, main b, main img"));
        Assert.NotEmpty(page.QuerySelectorAll(".result-list mark"));

        var detail = await client.GetPageAsync("/en/case-studies/lb-markup");
        Assert.Equal("<script>alert(1)</script> Permits <b>bold</b>", detail.QuerySelector("h1")!.TextContent);
        Assert.Empty(detail.QuerySelectorAll("main script, main img"));
    }

    [Fact]
    public async Task The_map_has_every_Arab_state_and_its_table_matches_the_facet_counts()
    {
        await using var app = await StartWithLibraryAsync();
        using var client = app.CreateTestClient("en");
        var page = await client.GetPageAsync("/en/case-studies?technology=cloud");
        var svg = page.QuerySelector("svg[role=group]")!;
        var titleId = svg.GetAttribute("aria-labelledby")!;
        Assert.Equal("title", page.GetElementById(titleId)!.LocalName);
        var links = svg.QuerySelectorAll("a");
        Assert.Equal(22, links.Length);
        Assert.All(links, a => Assert.Single(a.QuerySelectorAll("path")));
        Assert.Equal(22, links.Select(a => a.GetAttribute("href")).Distinct(StringComparer.Ordinal).Count());
        Assert.Contains(links, a => a.GetAttribute("href") == "/en/case-studies?country=LB" && a.QuerySelector("path")!.ClassList.Contains("shade-1"));
        Assert.Contains(links, a => a.GetAttribute("href") == "/en/case-studies?country=EG" && a.QuerySelector("path")!.ClassList.Contains("shade-0"));

        var table = page.QuerySelector("table.map-table")!;
        Assert.NotNull(table.QuerySelector("caption"));
        var rows = table.QuerySelectorAll("tbody tr").ToDictionary(r => r.GetAttribute("data-country")!, r => int.Parse(r.QuerySelector("td")!.TextContent, System.Globalization.CultureInfo.InvariantCulture), StringComparer.Ordinal);
        Assert.Equal(22, rows.Count);
        using var api = app.CreateClient();
        var facets = Facet(await GetJsonAsync(api, "/api/v1/case-studies?technology=cloud"), "country");
        Assert.Equal(facets, rows.Where(r => r.Value > 0).ToDictionary(r => r.Key, r => r.Value, StringComparer.Ordinal));
        Assert.Equal(new Dictionary<string, int> { ["LB"] = 1, ["JO"] = 1 }, facets);
    }

    [Fact]
    public async Task Library_pages_have_no_inline_style_or_script_and_few_sql_commands()
    {
        await using var app = await StartWithLibraryAsync();
        using var client = app.CreateTestClient("ar");
        using var counter = new SqlCommandCounter(app);
        foreach (var path in new[] { "/ar/case-studies", "/ar/case-studies?q=" + Q("حكومة") + "&country=LB&technology=blockchain", "/ar/case-studies/lb-2021-digital-permits" })
        {
            counter.Reset();
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var html = await response.Content.ReadAsByteArrayAsync();
            // The page weight budget is 30 KB compressed with the stylesheet: the HTML (map included) stays well under.
            using (var compressed = new MemoryStream())
            {
                using (var gzip = new System.IO.Compression.GZipStream(compressed, System.IO.Compression.CompressionLevel.Optimal, leaveOpen: true))
                {
                    gzip.Write(html);
                }
                Assert.True(compressed.Length < 20_000, $"{path}: {compressed.Length} bytes compressed");
            }
            var page = await TestClient.ParseAsync(response);
            // A fixed number, whatever the number of results, terms or files: the list pages read the index only (at most
            // 3 for the session); the detail page reads the case study with its terms (split query), its publication
            // dates, its public material and its attachments.
            var limit = path.Contains("/case-studies/lb-", StringComparison.Ordinal) ? 5 : 3;
            Assert.True(counter.Count <= limit, $"{path}: {counter.Count} SQL commands");
            Assert.Empty(page.QuerySelectorAll("[style], style, script:not([src])"));
            Assert.DoesNotContain(page.All, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.Ordinal)));
            var ids = page.All.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).ToList();
            Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
            Assert.Empty(page.QuerySelectorAll("a a"));
        }
    }

    private static string Label(IDocument page, string facet, string value)
    {
        var input = page.QuerySelector($"input[name={facet}][value='{value}']")!;
        return page.QuerySelector($"label[for='{input.Id}']")!.TextContent;
    }

    private static string Id(IDocument page)
        => Assert.Single(page.QuerySelectorAll(".result-list h3 a")).GetAttribute("href")!.Split('/').Last();
}

/// <summary>One case study's page, and the library's exports and feed.</summary>
public sealed class CaseStudyDetailAndExportTests
{
    [Fact]
    public async Task The_detail_page_shows_the_public_fields_related_ones_and_a_citation()
    {
        await using var app = await LibraryPageTests.StartWithLibraryAsync();
        using var client = app.CreateTestClient("en");
        var page = await client.GetPageAsync("/en/case-studies/lb-2020-water-meters");
        Assert.Equal("Smart water meters", page.QuerySelector("h1")!.TextContent);
        Assert.Null(page.QuerySelector("h1")!.GetAttribute("lang"));
        var facts = page.QuerySelector("dl.facts")!.TextContent;
        Assert.Contains("Ministry of Public Works", facts, StringComparison.Ordinal);
        Assert.Contains("Lebanon", facts, StringComparison.Ordinal);
        Assert.Contains("2020", facts, StringComparison.Ordinal);
        Assert.Contains("National", facts, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("dl.facts time[datetime]"));
        var website = page.QuerySelector("a[href='https://example.gov.lb/permits']")!;
        Assert.Contains("noopener", website.GetAttribute("rel")!, StringComparison.Ordinal);
        Assert.Equal("ministry", page.QuerySelector(".field-text strong")!.TextContent);
        Assert.Contains("Processing time fell by 60%.", page.Body!.TextContent, StringComparison.Ordinal);
        var related = page.QuerySelectorAll(".related a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/en/case-studies/jo-2019-health-records", related);
        Assert.Contains("/en/case-studies/lb-2021-digital-permits", related);
        Assert.DoesNotContain("/en/case-studies/lb-2020-water-meters", related);
        var citation = page.QuerySelector(".citation")!.TextContent;
        Assert.Contains("Ministry of Public Works. (2020). Smart water meters.", citation, StringComparison.Ordinal);
        Assert.Contains("/en/case-studies/lb-2020-water-meters", citation, StringComparison.Ordinal);

        // A text only in Arabic is shown in Arabic, marked as such, on the English page.
        var arabicOnly = await client.GetPageAsync("/en/case-studies/lb-2021-digital-permits");
        Assert.Equal("ar", arabicOnly.QuerySelector("h1")!.GetAttribute("lang"));
        Assert.Equal("rtl", arabicOnly.QuerySelector("h1")!.GetAttribute("dir"));

        await client.GetPageAsync("/en/case-studies/lb-draft", HttpStatusCode.NotFound);
        await client.GetPageAsync("/en/case-studies/no-such-case", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Csv_and_xlsx_exports_hold_exactly_the_filtered_records()
    {
        await using var app = await LibraryPageTests.StartWithLibraryAsync();
        using var client = app.CreateTestClient("ar");
        var page = await client.GetPageAsync("/ar/case-studies?country=LB&country=JO&technology=cloud&page=1");
        var csvLink = page.QuerySelector("a[href*='export.csv']")!.GetAttribute("href")!;
        Assert.DoesNotContain("page=", csvLink, StringComparison.Ordinal);

        using var csvResponse = await client.GetAsync(csvLink);
        Assert.Equal(HttpStatusCode.OK, csvResponse.StatusCode);
        Assert.Equal("text/csv", csvResponse.Content.Headers.ContentType!.MediaType);
        var bytes = await csvResponse.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var csvRows = new List<(string Id, string TitleAr, string Technologies)>();
        using (var reader = CsvReader.Create(new MemoryStream(bytes[3..]), null, false))
        {
            while (reader.Read())
            {
                csvRows.Add((reader.GetString("id"), reader.GetString("title.ar"), reader.GetString("technologies")));
            }
        }
        Assert.Equal(["jo-2019-health-records", "lb-2020-water-meters"], csvRows.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Contains(csvRows, r => r.TitleAr == "عدادات المياه الذكية" && r.Technologies == "cloud");

        using var xlsxResponse = await client.GetAsync(csvLink.Replace("export.csv", "export.xlsx", StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, xlsxResponse.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await xlsxResponse.Content.ReadAsByteArrayAsync()));
        var sheet = book.Worksheet(1);
        var header = sheet.Row(1).CellsUsed().Select(c => c.GetString()).ToList();
        Assert.Equal(CaseStudyExports.Columns, header);
        var idColumn = header.IndexOf("id") + 1;
        var titleEn = header.IndexOf("title.en") + 1;
        var xlsxRows = sheet.RowsUsed().Skip(1).Select(r => (Id: r.Cell(idColumn).GetString(), Title: r.Cell(titleEn).GetString())).ToList();
        Assert.Equal(["jo-2019-health-records", "lb-2020-water-meters"], xlsxRows.Select(r => r.Id).Order(StringComparer.Ordinal));
        Assert.Contains(("lb-2020-water-meters", "Smart water meters"), xlsxRows);

        // Everything published without filters; drafts never; bad filters are refused.
        using var all = await client.GetAsync("/en/case-studies/export.csv");
        var allText = await all.Content.ReadAsStringAsync();
        Assert.Equal(5, allText.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.DoesNotContain("lb-draft", allText, StringComparison.Ordinal);
        using var bad = await client.GetAsync("/en/case-studies/export.xlsx?country=XX");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
    }

    [Fact]
    public async Task The_atom_feed_is_well_formed_and_lists_the_published_case_studies_newest_first()
    {
        await using var app = await LibraryPageTests.StartWithLibraryAsync();
        using var client = app.CreateTestClient("en");
        using var response = await client.GetAsync("/en/case-studies/feed.atom");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType!.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync());
        XNamespace atom = "http://www.w3.org/2005/Atom";
        Assert.Equal(atom + "feed", feed.Root!.Name);
        Assert.NotNull(feed.Root.Element(atom + "updated"));
        var entries = feed.Root.Elements(atom + "entry").ToList();
        Assert.Equal(4, entries.Count);
        Assert.All(entries, e => Assert.StartsWith("http", e.Element(atom + "id")!.Value, StringComparison.Ordinal));
        Assert.Contains(entries, e => e.Element(atom + "title")!.Value == "Smart water meters");
        Assert.DoesNotContain(entries, e => e.Element(atom + "id")!.Value.EndsWith("lb-draft", StringComparison.Ordinal));
    }
}
