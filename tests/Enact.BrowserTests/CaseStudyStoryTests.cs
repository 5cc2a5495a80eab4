using System.Globalization;
using Enact.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Enact.BrowserTests;

/// <summary>
/// The whole life of a case study, in Arabic, through the real pages: an editor opens a call; a contributor fills the
/// template over two sessions and submits; the editor screens and assigns a reviewer; the reviewer scores; the editor
/// asks for changes and the owner answers; the editor accepts and publishes; the public finds it with a query in a
/// different inflection and a facet, and sees it counted on the map. axe and the HTML checker run on every page.
/// </summary>
public sealed class CaseStudyStoryTests(EnactServer server, BrowserFixture browser)
{
    private const string Culture = "ar";

    [Fact]
    public async Task Call_submission_review_changes_publication_and_public_search_in_arabic()
    {
        await using var editor = await browser.NewSessionAsync(server);
        await using var reviewer = await browser.NewSessionAsync(server);
        await PeopleSteps.SetUpAccountAsync(editor, Culture, "Editor", "story-editor", "محررة القصة");
        var reviewerPerson = await PeopleSteps.SetUpAccountAsync(reviewer, Culture, "Reviewer", "story-reviewer", "مراجع القصة");

        // ── The editor opens a call in Beirut time, open since yesterday and for a month. ──
        var callTitle = $"دعوة الممارسات الجيدة {Guid.NewGuid():N}"[..40];
        var beirut = TimeZoneInfo.FindSystemTimeZoneById("Asia/Beirut");
        var nowInBeirut = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, beirut);
        await editor.GotoAsync($"/{Culture}/calls/manage/new");
        await editor.FillAsync("Input.TitleAr", callTitle);
        await editor.FillAsync("Input.TitleEn", "Good practices call (story test)");
        await editor.Page.Locator("#Input_TimeZone").SelectOptionAsync("Asia/Beirut");
        await editor.FillAsync("Input.OpensAt", nowInBeirut.AddDays(-1).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await editor.FillAsync("Input.ClosesAt", nowInBeirut.AddDays(30).ToString("yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture));
        await editor.SubmitFormWithAsync("Input.TitleAr");
        Assert.Matches("^/ar/calls/manage/[0-9]+$", new Uri(editor.Page.Url).AbsolutePath);
        var callId = new Uri(editor.Page.Url).AbsolutePath.Split('/')[^1];

        // ── The contributor, first session: from the call's public page to the first two steps. ──
        string draftPath;
        Person owner;
        await using (var first = await browser.NewSessionAsync(server))
        {
            owner = await PeopleSteps.SetUpAccountAsync(first, Culture, "Contributor", "story-owner", "صاحبة الدراسة");
            await first.GotoAsync($"/{Culture}/calls/{callId}");
            await first.ClickAsync(first.Page.Locator("main a[href*='case-studies/submit?call=']").First);
            await first.Page.SelectOptionAsync("#Country", "LB");
            await first.SubmitFormWithAsync("Country");
            Assert.EndsWith("/organisation", first.CurrentPath, StringComparison.Ordinal);
            draftPath = first.CurrentPath[..first.CurrentPath.LastIndexOf('/')];

            await first.FillAsync("Input.OrganisationAr", "اتحاد بلديات عكار");
            await first.Page.SelectOptionAsync("#Input_OrganisationType", "government");
            await first.Page.SelectOptionAsync("#Input_Level", "local");
            await first.Page.Locator("#Input_Sectors_general-public-services").CheckAsync();
            await NextStepAsync(first, "summary");
            await first.FillAsync("Input.TitleAr", "الحكومة الرقمية في بلديات عكار");
            await first.FillAsync("Input.SummaryAr", "تقدّم بلديات عكار رخص البناء عبر الإنترنت. وتنشر كل قرار للعموم.");
            await first.FillAsync("Input.YearLaunched", "2023");
            await NextStepAsync(first, "description");
            await first.AssertPagesValidAsync();
        }

        // ── Second session: the typed text is there; the rest of the template, the preview, the submit. ──
        var caseStudyId = draftPath.Split('/')[^1];
        await using (var second = await browser.NewSessionAsync(server))
        {
            await PeopleSteps.SignInAsync(second, Culture, owner);
            await second.GotoAsync($"{draftPath}/summary");
            Assert.Equal("الحكومة الرقمية في بلديات عكار", await second.Page.Locator("#Input_TitleAr").InputValueAsync());

            await NextStepAsync(second, "description");
            await second.FillAsync("Input.ProblemAr", "كانت رخص البناء تتطلب زيارات متكررة إلى مقر البلدية.");
            await second.FillAsync("Input.DescriptionAr", "أطلق الاتحاد **منصة موحّدة** لطلب الرخص ومتابعتها.");
            await second.Page.Locator("#Input_Technologies_mobile").CheckAsync();
            await second.Page.Locator("#Input_Dimensions_responsiveness").CheckAsync();
            await NextStepAsync(second, "development");
            await NextStepAsync(second, "reflections");
            await second.FillAsync("Input.ResultsAr", "انخفض زمن إصدار الرخصة من شهرين إلى أسبوعين.");
            await NextStepAsync(second, "materials");
            await NextStepAsync(second, "consent");
            await second.Page.Locator("#Input_Consent").CheckAsync();
            await second.FillAsync("Input.ContactName", "صاحبة الدراسة");
            await second.FillAsync("Input.ContactEmail", owner.Email);
            await NextStepAsync(second, "preview");
            Assert.Equal(0, await second.Page.Locator(".missing-list li").CountAsync());
            await second.ClickAsync(second.Page.Locator("#submit-form button"));
            await Assertions.Expect(second.Page.Locator("#submitted-notice")).ToBeVisibleAsync();
            await second.AssertPagesValidAsync();
        }

        // ── The editor screens it and assigns the reviewer. ──
        await editor.GotoAsync($"/{Culture}/review?state=submitted");
        await editor.ClickAsync(editor.Page.Locator($"main a[href='/{Culture}/review/{caseStudyId}']"));
        await AssertStateAsync(editor, "submitted");
        await editor.ClickAsync(editor.Page.Locator("form#action-screening button"));
        await AssertStateAsync(editor, "screening");
        var option = editor.Page.Locator("#ReviewerId option", new() { HasText = reviewerPerson.Email });
        await editor.Page.Locator("#ReviewerId").SelectOptionAsync(new SelectOptionValue { Value = await option.GetAttributeAsync("value") });
        await editor.ClickAsync(editor.Page.Locator("form#assign-form button"));
        await AssertStateAsync(editor, "in-review");

        // ── The reviewer scores it on the rubric from the link in the assignment e-mail. ──
        var assignment = await server.WaitForMailAsync(reviewerPerson.Email);
        await reviewer.GotoAsync(EnactServer.LinkIn(assignment, "/review/assignments/"));
        foreach (var criterion in new[] { "Novelty", "Results", "Replicability", "Inclusion", "Sustainability" })
        {
            await reviewer.Page.Locator($"input[name='Input.{criterion}'][value='4']").CheckAsync();
        }
        await reviewer.FillAsync("Input.Comment", "ممارسة واضحة يمكن تكرارها.");
        await reviewer.ClickAsync(reviewer.Page.Locator("button[name='Intent'][value='submit']"));
        Assert.Equal(0, await reviewer.Page.Locator("form#rubric-form").CountAsync());

        // ── The editor asks for changes with a reason; the owner reads it in the e-mail and answers. ──
        await editor.GotoAsync($"/{Culture}/review/{caseStudyId}");
        Assert.Equal(1, await editor.Page.Locator("[id^='review-']").CountAsync());
        await editor.Page.Locator("#reason-changes-requested").FillAsync("يرجى ذكر عدد الرخص الصادرة عبر المنصة.");
        await editor.ClickAsync(editor.Page.Locator("form#action-changes-requested button"));
        await AssertStateAsync(editor, "changes-requested");

        var changeRequest = await WaitForMailContainingAsync(owner.Email, "يرجى ذكر عدد الرخص");
        await using (var third = await browser.NewSessionAsync(server))
        {
            await PeopleSteps.SignInAsync(third, Culture, owner);
            await third.GotoAsync(EnactServer.LinkIn(changeRequest, $"/case-studies/submissions/{caseStudyId}"));
            await third.GotoAsync($"{draftPath}/reflections");
            Assert.Contains("يرجى ذكر عدد الرخص", await third.Page.Locator("#change-request").InnerTextAsync(), StringComparison.Ordinal);
            await third.FillAsync("Input.ResultsAr", "انخفض زمن إصدار الرخصة من شهرين إلى أسبوعين، وصدرت ١٢٠٠ رخصة عبر المنصة.");
            await NextStepAsync(third, "materials");
            await third.GotoAsync($"{draftPath}/preview");
            await third.ClickAsync(third.Page.Locator("#submit-form button"));
            await third.AssertPagesValidAsync();
        }

        // ── Back in review: the editor accepts with a reason and publishes. ──
        await editor.GotoAsync($"/{Culture}/review/{caseStudyId}");
        await AssertStateAsync(editor, "in-review");
        await editor.Page.Locator("#reason-accepted").FillAsync("نتائج موثّقة وقابلة للتكرار في المنطقة.");
        await editor.ClickAsync(editor.Page.Locator("form#action-accepted button"));
        await AssertStateAsync(editor, "accepted");
        await editor.ClickAsync(editor.Page.Locator("form#action-published button"));
        await AssertStateAsync(editor, "published");
        await editor.AssertPagesValidAsync();
        await reviewer.AssertPagesValidAsync();

        // ── The public: another inflection (conjunction + plural) and the country facet; the map counts it. ──
        await using var reader = await browser.NewSessionAsync(server);
        var search = $"/{Culture}/case-studies?q={Uri.EscapeDataString("والحكومات عكار")}&country=LB";
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            await reader.GotoAsync(search);
            if (await reader.Page.Locator($"main a[href$='/case-studies/{caseStudyId}']").CountAsync() > 0 || DateTime.UtcNow > deadline)
            {
                break;
            }
            await Task.Delay(250);
        }
        Assert.Equal(1, await reader.Page.Locator($"main a[href$='/case-studies/{caseStudyId}']").CountAsync());
        var lebanonCount = (await reader.Page.Locator("table.map-table tr[data-country='LB'] td").InnerTextAsync()).Trim();
        Assert.Equal(1.ToString("N0", CultureInfo.GetCultureInfo("ar")), lebanonCount);
        Assert.Equal(1, await reader.Page.Locator("main svg a[href$='country=LB'] path:not(.shade-0)").CountAsync());

        await reader.ClickAsync(reader.Page.Locator($"main a[href$='/case-studies/{caseStudyId}']").First);
        Assert.Contains("الحكومة الرقمية في بلديات عكار", await reader.Page.Locator("h1").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Contains("١٢٠٠ رخصة", await reader.Page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
        await reader.AssertPagesValidAsync();
    }

    private static async Task NextStepAsync(BrowserSession session, string step)
    {
        await session.ClickAsync(session.Page.Locator($"#step-form .actions button[value='{step}']"));
        Assert.EndsWith($"/{step}", session.CurrentPath, StringComparison.Ordinal);
    }

    private static async Task AssertStateAsync(BrowserSession session, string state)
        => Assert.Equal(state, await session.Page.Locator("#current-state").GetAttributeAsync("data-state"));

    private async Task<MimeKit.MimeMessage> WaitForMailContainingAsync(string address, string text)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var found = server.MailTo(address).FirstOrDefault(m => (m.TextBody ?? m.HtmlBody ?? "").Contains(text, StringComparison.Ordinal));
            if (found is not null)
            {
                return found;
            }
            Assert.True(DateTime.UtcNow < deadline, $"No e-mail to {address} containing '{text}'.");
            await Task.Delay(200);
        }
    }
}
