using Enact.BrowserTests.Infrastructure;

namespace Enact.BrowserTests;

/// <summary>JavaScript only enhances: with it turned off, a reader still finds their way around the portal.</summary>
public sealed class NoJavaScriptTests(EnactServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Home_and_navigation_work_with_javascript_off()
    {
        await using var session = await browser.NewSessionAsync(server, javaScript: false);
        var page = session.Page;

        await session.GotoAsync("/ar/");
        Assert.Equal("rtl", await page.Locator("html").GetAttributeAsync("dir"));
        Assert.True(await page.Locator("main h1").IsVisibleAsync(), "The Arabic home page has no visible heading without JavaScript.");

        // Main navigation.
        await session.ClickAsync(page.Locator("nav.main-nav a[href='/ar/enact']"));
        Assert.Equal("/ar/enact", session.CurrentPath);
        Assert.Equal("page", await page.Locator("nav.main-nav a[href='/ar/enact']").GetAttributeAsync("aria-current"));

        // A section card on the home page.
        await session.ClickAsync(page.Locator("header a.brand"));
        Assert.Equal("/ar/", session.CurrentPath);
        await session.ClickAsync(page.Locator("main a[href='/ar/news']"));
        Assert.Equal("/ar/news", session.CurrentPath);
        Assert.True(await page.Locator("main h1").IsVisibleAsync());

        // Language switch, then the English navigation.
        await session.ClickAsync(page.Locator("header a[hreflang=en]"));
        Assert.Equal("/en/news", session.CurrentPath);
        Assert.Equal("ltr", await page.Locator("html").GetAttributeAsync("dir"));
        await session.ClickAsync(page.Locator("nav.main-nav a[href='/en/events']"));
        Assert.Equal("/en/events", session.CurrentPath);

        // The sign-in and registration links lead somewhere a browser without JavaScript can display.
        Assert.True(await page.Locator("header a[href='/en/account/sign-in']").IsVisibleAsync());

        await session.AssertPagesValidAsync();
    }
}
