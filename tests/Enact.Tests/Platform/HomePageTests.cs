using System.Net;
using Enact.Tests.Infrastructure;

namespace Enact.Tests.Platform;

public sealed class HomePageTests
{
    [Fact]
    public async Task Arabic_home_page_is_right_to_left_with_a_switch_to_english_on_the_same_page()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient();
        var page = await client.GetPageAsync("/ar/enact");
        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Equal("rtl", page.DocumentElement.GetAttribute("dir"));
        Assert.Contains("بوابة الحكومة المفتوحة والابتكار في المنطقة العربية", page.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
        var switchLink = page.QuerySelector("a[hreflang=en]");
        Assert.Equal("/en/enact", switchLink!.GetAttribute("href"));

        var english = await client.GetPageAsync("/en/enact");
        Assert.Equal("en", english.DocumentElement.GetAttribute("lang"));
        Assert.Equal("ltr", english.DocumentElement.GetAttribute("dir"));
        Assert.Contains("Open Government and Innovation Portal for the Arab Region", english.QuerySelector("header")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, null, "/ar/")]
    [InlineData(null, "en-GB,en;q=0.9", "/en/")]
    [InlineData(null, "fr-FR", "/ar/")]
    [InlineData("c=en|uic=en", "ar", "/en/")]
    [InlineData("c=ar|uic=ar", "en", "/ar/")]
    public async Task Root_picks_the_language_from_cookie_then_accept_language_then_arabic(string? cookie, string? acceptLanguage, string expected)
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/");
        if (cookie is not null)
        {
            request.Headers.Add("Cookie", ".AspNetCore.Culture=" + Uri.EscapeDataString(cookie));
        }
        if (acceptLanguage is not null)
        {
            request.Headers.Add("Accept-Language", acceptLanguage);
        }
        using var response = await client.Http.SendAsync(request);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Reading_a_page_in_english_makes_the_root_open_in_english_next_time()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient();
        (await client.GetAsync("/en/")).Dispose();
        using var response = await client.GetAsync("/");
        Assert.Equal("/en/", response.Headers.Location!.OriginalString);
    }
}
