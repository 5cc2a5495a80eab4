using System.Globalization;
using Enact.BrowserTests.Infrastructure;

namespace Enact.BrowserTests;

/// <summary>A reader in Tokyo opens the demo's open call in Arabic, then in English: the deadline in Beirut time and in theirs.</summary>
public sealed class CallPagesTests(EnactServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Reader_sees_the_deadline_in_the_calls_zone_and_in_the_zone_their_browser_reports()
    {
        await using var session = await browser.NewSessionAsync(server);
        // The browser reports Asia/Tokyo, a zone the server cannot guess and that is not in the form's list.
        var cdp = await session.Context.NewCDPSessionAsync(session.Page);
        await cdp.SendAsync("Emulation.setTimezoneOverride", new Dictionary<string, object> { ["timezoneId"] = "Asia/Tokyo" });

        await session.GotoAsync("/ar/calls");
        var link = session.Page.Locator("#open-calls ~ ul a").First;
        await session.ClickAsync(link);
        var path = session.CurrentPath;
        Assert.Matches(@"^/ar/calls/\d+$", path);

        // Without knowing the zone the server wrote UTC; the script rewrites the reader's time for Tokyo.
        var dates = session.Page.Locator("[data-reader-zone]");
        await session.Page.Locator("[data-reader-zone-source='script']").WaitForAsync();
        Assert.Equal("Asia/Tokyo", await dates.GetAttributeAsync("data-reader-zone"));
        var instant = DateTime.Parse(await session.Page.Locator("time[data-reader-time]").GetAttributeAsync("data-instant") ?? "",
            CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        var tokyo = TimeZoneInfo.ConvertTimeFromUtc(instant, TimeZoneInfo.FindSystemTimeZoneById("Asia/Tokyo"));
        var readerText = await session.Page.Locator("time[data-reader-time]").InnerTextAsync();
        Assert.Contains(tokyo.ToString("HH:mm", CultureInfo.InvariantCulture), readerText, StringComparison.Ordinal);
        Assert.Contains(tokyo.Year.ToString(CultureInfo.InvariantCulture), readerText, StringComparison.Ordinal);
        Assert.Equal("Asia/Tokyo", await session.Page.Locator("[data-reader-zone-name]").InnerTextAsync());
        Assert.Contains("بتوقيت بيروت", await session.Page.Locator(".deadline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("قدّم دراسة حالة", (await session.Page.Locator("a.button").InnerTextAsync()).Trim());

        // The script remembered the zone: the English page is right from the server.
        await session.GotoAsync("/en" + path[3..]);
        Assert.Equal("cookie", await dates.GetAttributeAsync("data-reader-zone-source"));
        var english = await session.Page.Locator("time[data-reader-time]").InnerTextAsync();
        Assert.Equal(tokyo.ToString("d MMMM yyyy, HH:mm", CultureInfo.GetCultureInfo("en")), english);
        Assert.Contains("Beirut time", await session.Page.Locator(".deadline").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal("Submit a case study", (await session.Page.Locator("a.button").InnerTextAsync()).Trim());

        await session.AssertPagesValidAsync();
    }
}
