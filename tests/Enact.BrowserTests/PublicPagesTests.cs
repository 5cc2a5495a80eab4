using Enact.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Enact.BrowserTests;

/// <summary>A reader of the public pages, in Arabic and English, with the mouse and with the keyboard.</summary>
public sealed class PublicPagesTests(EnactServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Home_page_is_arabic_right_to_left_and_english_left_to_right()
    {
        await using var session = await browser.NewSessionAsync(server);

        await session.GotoAsync("/ar/");
        await AssertDocumentLanguageAsync(session.Page, "ar", "rtl");
        Assert.Contains("بوابة الحكومة المفتوحة والابتكار في المنطقة العربية", await session.Page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);

        await session.GotoAsync("/en/");
        await AssertDocumentLanguageAsync(session.Page, "en", "ltr");
        Assert.Contains("Open Government and Innovation Portal for the Arab Region", await session.Page.Locator("header").InnerTextAsync(), StringComparison.Ordinal);

        await session.AssertPagesValidAsync();
    }

    [Fact]
    public async Task Language_switch_keeps_the_reader_on_the_same_page()
    {
        await using var session = await browser.NewSessionAsync(server);

        await session.GotoAsync("/ar/enact");
        await AssertDocumentLanguageAsync(session.Page, "ar", "rtl");

        await session.ClickAsync(session.Page.Locator("header a[hreflang=en]"));
        Assert.Equal("/en/enact", session.CurrentPath);
        await AssertDocumentLanguageAsync(session.Page, "en", "ltr");

        await session.ClickAsync(session.Page.Locator("header a[hreflang=ar]"));
        Assert.Equal("/ar/enact", session.CurrentPath);
        await AssertDocumentLanguageAsync(session.Page, "ar", "rtl");

        await session.AssertPagesValidAsync();
    }

    [Fact]
    public async Task Root_opens_the_portal_in_arabic_by_default()
    {
        // A browser that prefers a language the portal does not offer, with no language cookie yet.
        await using var session = await browser.NewSessionAsync(server, locale: "fr-FR");

        await session.GotoAsync("/");
        Assert.Equal("/ar/", session.CurrentPath);
        await AssertDocumentLanguageAsync(session.Page, "ar", "rtl");

        await session.AssertPagesValidAsync();
    }

    [Theory]
    [InlineData("ar")]
    [InlineData("en")]
    public async Task Skip_link_is_the_first_thing_the_keyboard_reaches_and_focus_is_visible(string culture)
    {
        await using var session = await browser.NewSessionAsync(server);
        var page = session.Page;
        // The home page: its main content has links, so the Tab after the skip link lands inside it.
        await session.GotoAsync($"/{culture}/");

        await page.Keyboard.PressAsync("Tab");
        var first = await FocusedAsync(page);
        Assert.True(first.IsSkipLink, $"The first Tab focused {first.Description}, not the skip link to #main.");
        AssertFocusVisible(first);

        // Following the skip link moves the keyboard to the main content.
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForFunctionAsync("() => document.activeElement && document.activeElement.id === 'main'");
        Assert.EndsWith("#main", page.Url, StringComparison.Ordinal);

        // The next Tab reaches a link inside the main content, and its focus is visible too.
        await page.Keyboard.PressAsync("Tab");
        var next = await FocusedAsync(page);
        Assert.True(next.InMain, $"After the skip link, Tab focused {next.Description}, outside the main content.");
        AssertFocusVisible(next);

        await session.AssertPagesValidAsync();
    }

    private static async Task AssertDocumentLanguageAsync(IPage page, string lang, string dir)
    {
        var html = page.Locator("html");
        Assert.Equal(lang, await html.GetAttributeAsync("lang"));
        Assert.Equal(dir, await html.GetAttributeAsync("dir"));
    }

    /// <summary>What the page says about its focused element (filled by Playwright from the script's result).</summary>
    public sealed class Focused
    {
        public string Description { get; set; } = "";
        public bool IsSkipLink { get; set; }
        public bool InMain { get; set; }
        public bool FocusVisible { get; set; }
        public string OutlineStyle { get; set; } = "";
        public double OutlineWidth { get; set; }
        public string BoxShadow { get; set; } = "";
        public double Top { get; set; }
        public double Left { get; set; }
        public double Width { get; set; }
        public double Height { get; set; }
        public double ViewportWidth { get; set; }
        public double ViewportHeight { get; set; }
    }

    private static Task<Focused> FocusedAsync(IPage page) => page.EvaluateAsync<Focused>("""
        () => {
          const el = document.activeElement;
          const style = getComputedStyle(el);
          const box = el.getBoundingClientRect();
          return {
            description: el === document.body ? 'the body' : el.outerHTML.slice(0, 160),
            isSkipLink: el.tagName === 'A' && el.getAttribute('href') === '#main',
            inMain: !!el.closest('main') && el !== document.getElementById('main'),
            focusVisible: el.matches(':focus-visible'),
            outlineStyle: style.outlineStyle,
            outlineWidth: parseFloat(style.outlineWidth) || 0,
            boxShadow: style.boxShadow,
            top: box.top, left: box.left, width: box.width, height: box.height,
            viewportWidth: window.innerWidth, viewportHeight: window.innerHeight,
          };
        }
        """);

    private static void AssertFocusVisible(Focused focused)
    {
        Assert.True(focused.FocusVisible, $"{focused.Description} does not match :focus-visible.");
        Assert.True(focused.OutlineStyle != "none" && focused.OutlineWidth >= 2 || focused.BoxShadow != "none",
            $"{focused.Description} has no visible focus indicator (outline {focused.OutlineStyle} {focused.OutlineWidth}px, box-shadow {focused.BoxShadow}).");
        Assert.True(focused.Width > 0 && focused.Height > 0
            && focused.Top >= 0 && focused.Left >= 0
            && focused.Top + focused.Height <= focused.ViewportHeight && focused.Left + focused.Width <= focused.ViewportWidth,
            $"{focused.Description} is focused outside the visible area ({focused.Left},{focused.Top} {focused.Width}x{focused.Height} in {focused.ViewportWidth}x{focused.ViewportHeight}).");
    }
}
