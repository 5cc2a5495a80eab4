using Enact.BrowserTests.Infrastructure;

namespace Enact.BrowserTests;

/// <summary>A reader searches the case-study library in Arabic, filters it, opens the map's country and a case study.</summary>
public sealed class CaseStudyLibraryTests(EnactServer server, BrowserFixture browser)
{
    [Fact]
    public async Task Reader_finds_a_case_study_with_another_inflection_and_a_facet_and_opens_it()
    {
        var id = "lb-" + Guid.NewGuid().ToString("N")[..12];
        var file = Path.Combine(server.DataDirectory, id + ".json");
        await File.WriteAllTextAsync(file, $$"""
            [{
              "id": "{{id}}", "country": "LB", "yearLaunched": 2021, "levelOfGovernment": "national", "organisationType": "government",
              "organisation": {"ar": "وزارة الدولة للتنمية الإدارية", "en": "Office of the Minister of State for Administrative Development"},
              "title": {"ar": "تصاريح البناء الرقمية للحكومة", "en": "Digital building permits"},
              "summary": {"ar": "منصة تتيح للمواطنين طلب تصاريح البناء عبر الإنترنت.", "en": "A platform for requesting building permits online."},
              "technologies": ["blockchain"], "dimensions": ["trust"], "sdgTargets": ["16.6"], "sectors": ["housing-and-community"],
              "status": "published"
            }]
            """);
        var import = await server.RunCommandAsync("import", "case-studies", file);
        Assert.True(import.ExitCode == 0, import.Output + import.Error);

        await using var session = await browser.NewSessionAsync(server);
        // The running server's indexer picks the import up from the database; wait for it by searching again.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        var path = "/ar/case-studies?q=" + Uri.EscapeDataString("والحكومات") + "&country=LB";
        while (true)
        {
            await session.GotoAsync(path);
            if (await session.Page.Locator($"a[href$='/case-studies/{id}']").CountAsync() > 0 || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(250);
        }
        Assert.Equal(1, await session.Page.Locator($"main a[href$='/case-studies/{id}']").CountAsync());
        // The map shades all 22 states, each a link to the library filtered by that country.
        Assert.Equal(22, await session.Page.Locator("main svg a[href*='country=']").CountAsync());

        await session.ClickAsync(session.Page.Locator($"main a[href$='/case-studies/{id}']").First);
        Assert.Equal($"/ar/case-studies/{id}", session.CurrentPath);
        Assert.Contains("تصاريح البناء الرقمية للحكومة", await session.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);

        await session.GotoAsync($"/en/case-studies/{id}");
        await session.AssertPagesValidAsync();
    }
}
