using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Enact.BrowserTests.Infrastructure;

namespace Enact.BrowserTests;

/// <summary>The checks run on every page would be worthless if they passed everything: each one catches a known fault.</summary>
public sealed class CheckerTests(EnactServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Html_checker_reports_errors_with_the_address_of_the_page()
    {
        Requirements.Require();
        var messages = await HtmlValidator.CheckAsync(
        [
            new("/valid", "<!DOCTYPE html><html lang=\"ar\" dir=\"rtl\"><head><meta charset=\"utf-8\"><title>صفحة</title></head><body><p>نص</p></body></html>"),
            new("/broken", "<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><p>hi<div></body></html>"),
        ]);
        var errors = messages.Where(m => m.Type == "error").ToList();
        Assert.NotEmpty(errors);
        Assert.All(errors, e => Assert.Equal("/broken", e.Url));
    }

    [Fact]
    public async Task Axe_reports_an_image_without_a_text_alternative()
    {
        await using var session = await browser.NewSessionAsync(server);
        await session.Page.SetContentAsync("<!DOCTYPE html><html lang=\"en\"><head><title>x</title></head><body><main><img src=\"data:,\"></main></body></html>");
        var result = await session.Page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.Contains(result.Violations, v => v.Id == "image-alt");
    }
}
