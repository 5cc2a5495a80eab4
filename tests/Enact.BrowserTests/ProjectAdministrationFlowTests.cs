using Enact.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Enact.BrowserTests;

/// <summary>
/// An editor, in Arabic and in English, creates a project from the ENACT page's tools (after a refused code), adds two
/// activities, links the launch event to one of them, and moves it down: every page on the way passes axe and the HTML checker.
/// </summary>
public sealed class ProjectAdministrationFlowTests(EnactServer server, BrowserFixture browser)
{
    [Theory]
    [InlineData("ar", "مشروع ENACT ينطلق")]
    [InlineData("en", "The ENACT project is launched")]
    public async Task An_editor_creates_a_project_adds_activities_links_an_event_and_reorders(string culture, string launchTitle)
    {
        await using var session = await browser.NewSessionAsync(server);
        var page = session.Page;
        var code = "flow-" + culture + "-" + Guid.NewGuid().ToString("N")[..6];
        await PeopleSteps.SetUpAccountAsync(session, culture, "Editor", "editor", culture == "ar" ? "محرر المشاريع" : "Projects editor");

        // From the ENACT page's tools to the new-project form; a code with spaces is refused with a message on the field.
        await session.GotoAsync($"/{culture}/enact");
        await session.ClickAsync(page.Locator($"nav.staff-links a[href='/{culture}/projects/new']"));
        await session.FillAsync("Input.Code", "Open Data");
        await session.FillAsync("Input.NameAr", "البيانات المفتوحة");
        await session.FillAsync("Input.NameEn", "Open data");
        await session.FillAsync("Input.LongTitleAr", "نشر البيانات الحكومية المفتوحة في المنطقة العربية");
        await session.FillAsync("Input.LongTitleEn", "Publishing open government data in the Arab region");
        await page.Locator("#Input_DimensionIds input").First.CheckAsync();
        await page.Locator("#Input_Sdgs_16").CheckAsync();
        await session.ClickAsync(page.Locator("main form button[type=submit]"));
        Assert.Equal(1, await page.Locator(".error-summary a[href='#Input_Code']").CountAsync());
        Assert.True(await page.Locator("#Input_Sdgs_16").IsCheckedAsync());

        await session.FillAsync("Input.Code", code);
        await session.SubmitFormWithAsync("Input.Code");
        Assert.Equal($"/{culture}/projects/{code}?status=created", session.CurrentPath);

        // Two activities, the second at the end.
        foreach (var title in new[] { "Open data study", "Open data workshop" })
        {
            await session.ClickAsync(page.Locator($"nav.staff-links a[href='/{culture}/projects/{code}/activities/new']"));
            await session.FillAsync("Input.TitleAr", "نشاط " + title);
            await session.FillAsync("Input.TitleEn", title);
            await session.SubmitFormWithAsync("Input.TitleEn");
            await session.ClickAsync(page.Locator($"main > p a[href='/{culture}/projects/{code}']"));
        }

        // The study's edit page: tick the launch event and save; the activity's page lists it.
        await session.ClickAsync(page.Locator(".activities a").First);
        await session.ClickAsync(page.Locator(".staff-links a[href$='/edit']"));
        await page.Locator("#Input_EventIds li").Filter(new() { HasText = launchTitle }).Locator("input").CheckAsync();
        await session.SubmitFormWithAsync("Input.TitleEn");
        Assert.Equal(1, await page.Locator("#events-heading + ul a[href$='/events/enact-launch-2023']").CountAsync());

        // The order page: move the study down; the project's page lists the workshop first.
        await session.ClickAsync(page.Locator($".staff-links a[href='/{culture}/projects/{code}/activities/manage']"));
        await session.ClickAsync(page.Locator("table.activity-order tbody tr").First.Locator("button[value='down']"));
        Assert.Equal(1, await page.Locator(".notice.success").CountAsync());
        await session.GotoAsync($"/{culture}/projects/{code}");
        Assert.Equal(culture == "ar" ? "نشاط Open data workshop" : "Open data workshop", (await page.Locator(".activities a").First.InnerTextAsync()).Trim());

        // The list of projects shows it, and the events list filters by it.
        await session.GotoAsync($"/{culture}/projects");
        Assert.Equal(1, await page.Locator($".projects a[href='/{culture}/projects/{code}']").CountAsync());
        await session.GotoAsync($"/{culture}/events?project={code}");
        Assert.Equal(1, await page.Locator("main a[href$='/events/enact-launch-2023']").CountAsync());

        await session.AssertPagesValidAsync();
    }
}
