using Enact.Core.Search;
using Enact.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Enact.Tests.CaseStudies.CaseStudyData;

namespace Enact.Tests.Search;

/// <summary>
/// Recent search results are kept in memory per state of the index: a repeated search is answered from memory, a change
/// to the index is never hidden by it, and what one caller does with its answer does not reach the next caller.
/// </summary>
public sealed class SearchResultCacheTests
{
    private static readonly string Query = "/api/v1/case-studies?q=" + Uri.EscapeDataString("الحكومة") + "&lang=ar&country=LB";

    [Fact]
    public async Task A_repeated_search_sees_a_case_study_published_after_it_was_cached()
    {
        await using var app = await EnactFactory.StartAsync();
        await ImportAsync(app, Record("lb-first", "LB", 2021, titleAr: "الحكومة الرقمية للبلديات"));
        using var client = app.CreateClient();
        var before = await WaitForAsync(client, Query, r => Total(r) == 1);
        // Asked twice at the same state of the index: the second answer is the same one.
        Assert.Equal(Ids(before), Ids(await GetJsonAsync(client, Query)));

        await ImportAsync(app, Record("lb-second", "LB", 2022, titleAr: "حكومات ذكية في لبنان"));
        var after = await WaitForAsync(client, Query, r => Total(r) == 2);
        Assert.Equal(["lb-first", "lb-second"], Ids(after).Order(StringComparer.Ordinal));
        Assert.Equal(2, Facet(after, "country")["LB"]);
    }

    [Fact]
    public async Task Filters_in_another_order_give_the_same_answer_and_other_pages_their_own()
    {
        await using var app = await EnactFactory.StartAsync();
        await ImportAsync(app,
            Record("lb-one", "LB", 2020, technologies: ["blockchain"]),
            Record("lb-two", "LB", 2021, technologies: ["cloud"]),
            Record("jo-one", "JO", 2021, technologies: ["cloud"]));
        using var client = app.CreateClient();
        await WaitForAsync(client, "/api/v1/case-studies", r => Total(r) == 3);

        var one = await GetJsonAsync(client, "/api/v1/case-studies?country=LB&country=JO&technology=cloud&pageSize=1");
        var same = await GetJsonAsync(client, "/api/v1/case-studies?technology=cloud&country=JO&country=LB&country=JO&pageSize=1");
        Assert.Equal(2, Total(one));
        Assert.Equal(Ids(one), Ids(same));
        var second = await GetJsonAsync(client, "/api/v1/case-studies?country=LB&country=JO&technology=cloud&pageSize=1&page=2");
        Assert.Single(Ids(second));
        Assert.NotEqual(Ids(one), Ids(second));
    }

    [Fact]
    public async Task What_a_caller_changes_in_its_answer_does_not_reach_the_next_caller()
    {
        await using var app = await EnactFactory.StartAsync();
        await ImportAsync(app, Record("lb-first", "LB", 2021, titleAr: "الحكومة الرقمية للبلديات"));
        using var client = app.CreateClient();
        await WaitForAsync(client, Query, r => Total(r) == 1);

        var search = app.Services.GetRequiredService<CaseStudySearch>();
        var query = new CaseStudyQuery { Text = "الحكومة", Language = "ar" };
        var first = search.Search(query);
        var title = first.Items[0].Title!.Ar;
        var highlight = first.Items[0].Highlight!.Title;
        Assert.Contains("<mark>", highlight, StringComparison.Ordinal);
        first.Items[0].Title!.Ar = "changed by a caller";
        first.Items[0].Highlight!.Title = "changed by a caller";

        var second = search.Search(query);
        Assert.Equal(title, second.Items[0].Title!.Ar);
        Assert.Equal(highlight, second.Items[0].Highlight!.Title);
    }
}
