using System.Net;
using Enact.Tests.Infrastructure;
using static Enact.Tests.CaseStudies.CaseStudyData;

namespace Enact.Tests.Search;

/// <summary>
/// The library page and the search API are kept as whole answers for people who are not signed in, per URL and per state
/// of the index: a kept answer carries an Age header, a publication shows at once, and signed-in pages are never kept.
/// </summary>
public sealed class PublicSearchCacheTests
{
    private static readonly string Page = "/ar/case-studies?q=" + Uri.EscapeDataString("الحكومة") + "&country=LB";

    [Fact]
    public async Task A_public_library_page_is_kept_until_the_index_changes()
    {
        await using var app = await EnactFactory.StartAsync();
        await ImportAsync(app, Record("lb-first", "LB", 2021, titleAr: "الحكومة الرقمية للبلديات"));
        using var api = app.CreateClient();
        await WaitForAsync(api, "/api/v1/case-studies?q=" + Uri.EscapeDataString("الحكومة"), r => Total(r) == 1);
        using var reader = app.CreateTestClient();

        using var first = await reader.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.False(first.Headers.Contains("Age"));
        using var second = await reader.GetAsync(Page);
        Assert.True(second.Headers.Contains("Age"), "the second identical request is answered from the kept page");
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        // Another URL is its own entry.
        using var english = await reader.GetAsync(Page.Replace("/ar/", "/en/", StringComparison.Ordinal));
        Assert.False(english.Headers.Contains("Age"));

        await ImportAsync(app, Record("lb-second", "LB", 2022, titleAr: "حكومات ذكية في لبنان"));
        await WaitForAsync(api, "/api/v1/case-studies?q=" + Uri.EscapeDataString("الحكومة"), r => Total(r) == 2);
        var page = await reader.GetPageAsync(Page);
        Assert.Equal(2, page.QuerySelectorAll("ol.result-list > li").Length);
        Assert.Contains("/ar/case-studies/lb-second", page.QuerySelectorAll("ol.result-list a").Select(a => a.GetAttribute("href")));
    }

    [Fact]
    public async Task Pages_of_signed_in_people_and_refused_queries_are_never_kept()
    {
        await using var app = await EnactFactory.StartAsync();
        await ImportAsync(app, Record("lb-first", "LB", 2021, titleAr: "الحكومة الرقمية للبلديات"));
        using var api = app.CreateClient();
        await WaitForAsync(api, "/api/v1/case-studies", r => Total(r) == 1);

        using var anonymous = app.CreateTestClient();
        (await anonymous.GetAsync(Page)).Dispose();
        using var editor = app.CreateTestClient();
        var account = await editor.SignInAsAsync(Enact.Core.Accounts.Roles.Contributor);
        using var signedIn = await editor.GetAsync(Page);
        Assert.Equal(HttpStatusCode.OK, signedIn.StatusCode);
        Assert.False(signedIn.Headers.Contains("Age"));
        var html = await signedIn.Content.ReadAsStringAsync();
        Assert.Contains("/ar/account/sign-out", html, StringComparison.Ordinal);
        using var again = await editor.GetAsync(Page);
        Assert.False(again.Headers.Contains("Age"));

        using var bad = await anonymous.GetAsync("/ar/case-studies?page=zero");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        using var badAgain = await anonymous.GetAsync("/ar/case-studies?page=zero");
        Assert.False(badAgain.Headers.Contains("Age"));
        Assert.NotNull(account);
    }
}
