using Enact.BrowserTests.Infrastructure;

namespace Enact.BrowserTests;

/// <summary>
/// An organisation kept by its registered members, in Arabic: a second person asks to join it from its page, a member
/// approves from the members page, the person is told by e-mail and, now a member, offers to collaborate on the workshop
/// on trust on the organisation's behalf. Every page passes axe and the HTML checker.
/// </summary>
public sealed class MembershipFlowTests(EnactServer server, BrowserFixture browser)
{
    [Fact]
    public async Task A_second_person_asks_to_join_a_member_approves_and_the_new_member_offers_to_collaborate()
    {
        await using var session = await browser.NewSessionAsync(server);
        var page = session.Page;
        var suffix = Guid.NewGuid().ToString("N")[..6];
        var nameAr = $"شبكة الابتكار الحكومي {suffix}";

        // The first member adds the organisation.
        var founder = await PeopleSteps.SetUpAccountAsync(session, "ar", "Contributor", "founder", "عمر خليل");
        await session.GotoAsync("/ar/organisations/new");
        await session.FillAsync("Input.NameAr", nameAr);
        await session.FillAsync("Input.NameEn", $"Government Innovation Network {suffix}");
        await page.Locator("[name='Input.Type']").SelectOptionAsync("ngo");
        await page.Locator("[name='Input.CountryCode']").SelectOptionAsync("JO");
        await session.SubmitFormWithAsync("Input.NameEn");
        var organisationPath = new Uri(page.Url).AbsolutePath;
        await PeopleSteps.SignOutAsync(session);

        // A second person finds it in the directory and asks to join, with a message.
        var newcomer = await PeopleSteps.SetUpAccountAsync(session, "ar", "Contributor", "newcomer", "ليلى حداد");
        await session.GotoAsync("/ar/organisations?type=ngo&country=JO");
        await session.ClickAsync(page.Locator(".organisations a").Filter(new() { HasText = nameAr }));
        await session.FillAsync("Join.Message", "أنسّق برامج الشبكة في عمّان.");
        await session.SubmitFormWithAsync("Join.Message");
        Assert.Equal(1, await page.Locator(".notice.success").CountAsync());
        Assert.Contains("طلبت الانضمام", await page.Locator("section[aria-labelledby='membership-heading']").InnerTextAsync(), StringComparison.Ordinal);
        await PeopleSteps.SignOutAsync(session);

        // The member approves from the members page, reached from the organisation's page.
        await PeopleSteps.SignInAsync(session, "ar", founder);
        await session.GotoAsync(organisationPath);
        await session.ClickAsync(page.Locator($"main a[href='{organisationPath}/members']"));
        var request = page.Locator(".membership-requests > li").Filter(new() { HasText = "ليلى حداد" });
        Assert.Contains("أنسّق برامج الشبكة في عمّان.", await request.InnerTextAsync(), StringComparison.Ordinal);
        await session.ClickAsync(request.Locator("button[value='approve']"));
        Assert.Equal(1, await page.Locator(".notice.success").CountAsync());
        Assert.Equal(2, await page.Locator("table.members tbody tr").CountAsync());
        await PeopleSteps.SignOutAsync(session);

        // The new member is told in Arabic, and offers to collaborate on the workshop on trust for the organisation.
        var mail = await server.WaitForMailAsync(newcomer.Email);
        Assert.Equal($"أصبحت عضوًا في {nameAr}", mail.Subject);
        await PeopleSteps.SignInAsync(session, "ar", newcomer);
        await session.GotoAsync(EnactServer.LinkIn(mail, "/organisations/"));
        Assert.Contains("أنت عضو في هذه المنظمة.", await page.Locator("section[aria-labelledby='membership-heading']").InnerTextAsync(), StringComparison.Ordinal);
        await session.GotoAsync("/ar/projects/enact");
        await session.ClickAsync(page.Locator(".activities a").Filter(new() { HasText = "تدابير عملية لتحسين الثقة في الخدمات العامة الرقمية في المنطقة العربية" }));
        await page.Locator("[name='Offer.OrganisationId']").SelectOptionAsync(new Microsoft.Playwright.SelectOptionValue { Label = nameAr });
        await session.FillAsync("Offer.Proposal", $"نقترح جلسة عن الهوية الرقمية {suffix}");
        await session.SubmitFormWithAsync("Offer.Proposal");
        Assert.Equal(1, await page.Locator("#offer .notice.success").CountAsync());

        await session.AssertPagesValidAsync();
    }
}
