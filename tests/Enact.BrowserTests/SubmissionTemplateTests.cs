using Enact.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Enact.BrowserTests;

/// <summary>
/// A contributor fills the submission template in Arabic over two sessions: the text typed in the first is there in
/// the second (saved by the buttons and by autosave), then the preview and the final submit. Every step page goes
/// through axe-core and the Nu HTML Checker.
/// </summary>
public sealed class SubmissionTemplateTests(EnactServer server, BrowserFixture browser)
{
    private const string Culture = "ar";

    [Fact]
    public async Task Contributor_fills_two_steps_comes_back_in_a_new_session_finds_the_text_previews_and_submits_in_arabic()
    {
        Person contributor;
        string draftPath;

        // ── Session 1: start under the demo call, fill the organisation, then the summary (saved by autosave). ──
        await using (var session = await browser.NewSessionAsync(server))
        {
            var page = session.Page;
            contributor = await PeopleSteps.SetUpAccountAsync(session, Culture, "Contributor", "contributor", "مساهمة الاختبار");

            await session.GotoAsync($"/{Culture}/case-studies/submit");
            await session.ClickAsync(page.Locator("ul.calls a[href*='submit?call=']").First);
            await page.SelectOptionAsync("#Country", "LB");
            await session.SubmitFormWithAsync("Country");
            Assert.EndsWith("/organisation", session.CurrentPath, StringComparison.Ordinal);
            draftPath = session.CurrentPath[..session.CurrentPath.LastIndexOf('/')];

            Assert.Equal("rtl", await page.Locator("#Input_OrganisationAr").GetAttributeAsync("dir"));
            Assert.Equal("ltr", await page.Locator("#Input_OrganisationEn").GetAttributeAsync("dir"));
            await session.FillAsync("Input.OrganisationAr", "وزارة الداخلية والبلديات");
            await page.SelectOptionAsync("#Input_OrganisationType", "government");
            await page.SelectOptionAsync("#Input_Level", "national");
            await page.Locator("#Input_Sectors_general-public-services").CheckAsync();
            await session.ClickAsync(page.Locator("#step-form .actions button[value='summary']"));
            Assert.EndsWith("/summary", session.CurrentPath, StringComparison.Ordinal);

            // Typed, never submitted: autosave posts it and says so politely.
            await session.FillAsync("Input.TitleAr", "بلدية بلا ورق");
            await session.FillAsync("Input.SummaryAr", "تقدّم البلدية خدماتها عبر الإنترنت. وتختصر زمن الانتظار.");
            await session.FillAsync("Input.YearLaunched", "2022");
            await Assertions.Expect(page.Locator("#autosave-status")).ToContainTextAsync("تم الحفظ", new() { Timeout = 30_000 });
            await session.AssertPagesValidAsync();
        }

        // ── Session 2: a new browser; the text is there; the remaining steps, the preview, the submit. ──
        await using (var session = await browser.NewSessionAsync(server))
        {
            var page = session.Page;
            await PeopleSteps.SignInAsync(session, Culture, contributor);
            await session.GotoAsync($"/{Culture}/case-studies/submissions");
            await session.ClickAsync(page.Locator($"table.submissions a[href='{draftPath}/organisation']"));
            Assert.Equal("وزارة الداخلية والبلديات", await page.Locator("#Input_OrganisationAr").InputValueAsync());

            await session.ClickAsync(page.Locator("#step-form .actions button[value='summary']"));
            Assert.Equal("بلدية بلا ورق", await page.Locator("#Input_TitleAr").InputValueAsync());
            Assert.Equal("2022", await page.Locator("#Input_YearLaunched").InputValueAsync());

            await session.ClickAsync(page.Locator("#step-form .actions button[value='description']"));
            await session.FillAsync("Input.ProblemAr", "كان المواطنون ينتظرون أسابيع للحصول على الرخص.");
            await session.FillAsync("Input.DescriptionAr", "طوّرت الوزارة **منصة إلكترونية** موحّدة.");
            await page.Locator("#Input_Technologies_blockchain").CheckAsync();
            await page.Locator("#Input_Dimensions_trust").CheckAsync();
            await session.ClickAsync(page.Locator("#step-form .actions button[value='development']"));
            await session.ClickAsync(page.Locator("#step-form .actions button[value='reflections']"));
            await session.FillAsync("Input.ResultsAr", "انخفض زمن المعالجة من ثلاثة أسابيع إلى ثلاثة أيام.");
            await session.ClickAsync(page.Locator("#step-form .actions button[value='materials']"));
            await session.ClickAsync(page.Locator("#step-form .actions button[value='consent']"));
            await page.Locator("#Input_Consent").CheckAsync();
            await session.FillAsync("Input.ContactName", "مساهمة الاختبار");
            await session.FillAsync("Input.ContactEmail", contributor.Email);
            await session.ClickAsync(page.Locator("#step-form .actions button[value='preview']"));

            Assert.EndsWith("/preview", session.CurrentPath, StringComparison.Ordinal);
            Assert.Equal(0, await page.Locator(".missing-list li").CountAsync());
            Assert.Contains("بلدية بلا ورق", await page.Locator("main").InnerTextAsync(), StringComparison.Ordinal);
            Assert.Equal(1, await page.Locator("main strong", new() { HasText = "منصة إلكترونية" }).CountAsync());

            await session.ClickAsync(page.Locator("#submit-form button"));
            Assert.Equal($"/{Culture}/case-studies/submissions", new Uri(page.Url).AbsolutePath);
            await Assertions.Expect(page.Locator("#submitted-notice")).ToBeVisibleAsync();
            Assert.Equal("مُرسَلة", (await page.Locator($"table.submissions tr:has(a[href='{draftPath}/preview']) .status").InnerTextAsync()).Trim());

            var mail = await server.WaitForMailAsync(contributor.Email);
            Assert.Contains("تم إرسال دراسة الحالة", mail.Subject, StringComparison.Ordinal);
            await session.AssertPagesValidAsync();
        }
    }
}
