using Enact.BrowserTests.Infrastructure;
using Microsoft.Playwright;

namespace Enact.BrowserTests;

/// <summary>
/// The Done-means flow of the project issue, in Arabic and in English: a registered person adds their organisation,
/// offers to collaborate on the workshop on trust, an editor (with two-factor) accepts with a message, and the answer
/// reaches the person by e-mail and on their page of offers. Every page passes axe and the HTML checker.
/// </summary>
public sealed class CollaborationFlowTests(EnactServer server, BrowserFixture browser)
{
    [Theory]
    [InlineData("ar", "ورشة عمل حول الثقة الرقمية", "تدابير عملية لتحسين الثقة في الخدمات العامة الرقمية في المنطقة العربية", "يسعدنا تعاونكم في ورشة العمل.", "قُبل عرضك للتعاون")]
    [InlineData("en", "Digital trust workshop", "Practical measures to improve trust in digital public services in the Arab region", "We are glad to work with you on the workshop.", "Your offer to collaborate was accepted")]
    public async Task A_member_offers_to_collaborate_on_the_trust_workshop_and_receives_the_editors_answer(
        string culture, string proposalTopic, string workshopTitle, string answer, string subject)
    {
        await using var session = await browser.NewSessionAsync(server);
        var page = session.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];

        // A registered person, who reads e-mail in the page's language.
        var member = await PeopleSteps.SetUpAccountAsync(session, culture, "Contributor", "member", culture == "ar" ? "ليلى حداد" : "Layla Haddad");
        await session.GotoAsync($"/{culture}/account/manage");
        await page.Locator("[name='Input.PreferredLanguage']").SelectOptionAsync(culture);
        await session.SubmitFormWithAsync("Input.PreferredLanguage");

        // They add their organisation from the directory and become its member; it is marked unverified.
        await session.ClickAsync(page.Locator($"nav.main-nav a[href='/{culture}/organisations']"));
        await session.ClickAsync(page.Locator($"main a[href='/{culture}/organisations/new']"));
        await session.FillAsync("Input.NameAr", $"الشبكة العربية للثقة الرقمية {suffix}");
        await session.FillAsync("Input.NameEn", $"Arab Digital Trust Network {suffix}");
        await page.Locator("[name='Input.Type']").SelectOptionAsync("regional-international");
        await page.Locator("[name='Input.CountryCode']").SelectOptionAsync("LB");
        await session.FillAsync("Input.Website", "https://trust.example.org");
        await session.SubmitFormWithAsync("Input.NameEn");
        Assert.Matches($@"^/{culture}/organisations/\d+\?status=created$", session.CurrentPath);
        Assert.Equal(1, await page.Locator("main .badge.unverified").CountAsync());

        // They offer to collaborate on the workshop on trust, from the ENACT project's page.
        await session.GotoAsync($"/{culture}/projects/enact");
        await session.ClickAsync(page.Locator(".activities a").Filter(new() { HasText = workshopTitle }));
        var activityPath = new Uri(page.Url).AbsolutePath;
        Assert.Equal(workshopTitle, (await page.Locator("main h1").InnerTextAsync()).Trim());
        var proposal = $"{proposalTopic} {suffix}";
        await session.FillAsync("Offer.Proposal", proposal);
        await session.SubmitFormWithAsync("Offer.Proposal");
        Assert.Equal(1, await page.Locator("#offer .notice.success").CountAsync());
        await PeopleSteps.SignOutAsync(session);

        // An editor, signed in with two-factor, answers from the activity's offers.
        await PeopleSteps.SetUpAccountAsync(session, culture, "Editor", "editor", culture == "ar" ? "محررة الاختبار" : "Test editor");
        await session.GotoAsync(activityPath);
        await session.ClickAsync(page.Locator($"main a[href='{activityPath}/offers']"));
        var offer = page.Locator(".offers > li").Filter(new() { HasText = proposal });
        Assert.Equal(1, await offer.CountAsync());
        await offer.Locator("textarea[name='Answer.Text']").FillAsync(answer);
        await session.ClickAsync(offer.Locator("button[value='accept']"));
        Assert.Equal(1, await page.Locator(".notice.success").CountAsync());
        await PeopleSteps.SignOutAsync(session);

        // The answer reaches the person by e-mail, in their language, and on their page of offers.
        var mail = await server.WaitForMailAsync(member.Email);
        Assert.StartsWith(subject, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(answer, mail.TextBody, StringComparison.Ordinal);
        await PeopleSteps.SignInAsync(session, culture, member);
        await session.GotoAsync(EnactServer.LinkIn(mail, "/my-offers"));
        var mine = page.Locator(".offers > li").Filter(new() { HasText = proposal });
        Assert.Contains(answer, await mine.Locator(".answer").InnerTextAsync(), StringComparison.Ordinal);

        await session.AssertPagesValidAsync();
    }
}
