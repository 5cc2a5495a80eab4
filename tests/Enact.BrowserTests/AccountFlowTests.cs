using Enact.BrowserTests.Infrastructure;

namespace Enact.BrowserTests;

/// <summary>
/// People's account journeys in Arabic, through the real pages: registration with the e-mailed confirmation link,
/// an administrator's first sign-in (one-time password, then two-factor), and inviting a focal point.
/// Each test uses fresh e-mail addresses, so they share one server.
/// </summary>
public sealed class AccountFlowTests(EnactServer server, BrowserFixture browser)
{
    private const string Culture = "ar";

    [Fact]
    public async Task Person_registers_confirms_their_address_from_the_email_and_signs_in()
    {
        await using var session = await browser.NewSessionAsync(server);
        var page = session.Page;
        var email = NewEmail("reader");
        const string password = "correct-horse-battery-9";

        await session.GotoAsync($"/{Culture}/account/register");
        await session.FillAsync("Input.Email", email);
        await session.FillAsync("Input.DisplayName", "قارئة الاختبار");
        await session.FillAsync("Input.Password", password);
        await session.FillAsync("Input.ConfirmPassword", password);
        await session.SubmitFormWithAsync("Input.Email");
        Assert.DoesNotContain("/account/register", session.CurrentPath, StringComparison.Ordinal);

        var message = await server.WaitForMailAsync(email);
        await session.GotoAsync(EnactServer.LinkIn(message, "confirm"));

        await SignInAsync(session, email, password);
        await AssertSignedInAsync(session);
        Assert.Contains("قارئة الاختبار", await page.Locator("body").InnerTextAsync(), StringComparison.Ordinal);

        await session.AssertPagesValidAsync();
    }

    [Fact]
    public async Task Administrator_created_on_the_command_line_changes_the_one_time_password_sets_up_two_factor_and_signs_in_with_a_code()
    {
        await using var session = await browser.NewSessionAsync(server);
        var admin = await SetUpAdministratorAsync(session);

        // Sign out from the header, then sign in again: the second step asks for an authenticator code.
        await session.ClickAsync(session.Page.Locator("header form[action$='/account/sign-out'] button"));
        Assert.Equal(0, await session.Page.Locator("header form[action$='/account/sign-out']").CountAsync());

        await session.GotoAsync($"/{Culture}/account/sign-in");
        await session.FillAsync("Input.Email", admin.Email);
        await session.FillAsync("Input.Password", admin.Password);
        await session.SubmitFormWithAsync("Input.Password");
        Assert.Contains($"/{Culture}/account/sign-in/two-factor", session.CurrentPath, StringComparison.Ordinal);

        // A code of the next 30-second step: the authenticator accepts a small clock drift, and it is not the code used at set-up.
        await session.FillAsync("Input.Code", CodeFor(admin.AuthenticatorKey!, TimeSpan.FromSeconds(30)));
        await session.SubmitFormWithAsync("Input.Code");
        Assert.DoesNotContain("/account/sign-in", session.CurrentPath, StringComparison.Ordinal);
        await AssertSignedInAsync(session);

        // Nothing more to finish: the portal opens, and the administration link is there.
        await session.GotoAsync($"/{Culture}/");
        Assert.Equal($"/{Culture}/", session.CurrentPath);
        Assert.Equal(1, await session.Page.Locator($"header a[href='/{Culture}/admin/users']").CountAsync());

        await session.AssertPagesValidAsync();
    }

    [Fact]
    public async Task Administrator_invites_a_focal_point_for_lebanon_who_receives_an_invitation_email()
    {
        await using var session = await browser.NewSessionAsync(server);
        await SetUpAdministratorAsync(session);
        var invitee = NewEmail("focal-point-lb");

        await session.GotoAsync($"/{Culture}/admin/users/invite");
        await session.FillAsync("Input.Email", invitee);
        await session.FillAsync("Input.DisplayName", "نقطة الاتصال لبنان");
        await session.Page.Locator("input[type=checkbox][name='Input.Roles'][value='FocalPoint']").CheckAsync();
        await session.Page.Locator("input[type=checkbox][name='Input.Countries'][value='LB']").CheckAsync();
        await session.SubmitFormWithAsync("Input.Email");
        Assert.DoesNotContain("/admin/users/invite", session.CurrentPath, StringComparison.Ordinal);

        var invitation = await server.WaitForMailAsync(invitee);
        // The invitation leads to a page of this portal where the invitee chooses a password.
        var link = EnactServer.LinkIn(invitation, "/account/");
        Assert.Contains("/account/", link, StringComparison.Ordinal);

        await session.AssertPagesValidAsync();
    }

    private static Task<Person> SetUpAdministratorAsync(BrowserSession session)
        => PeopleSteps.SetUpAccountAsync(session, Culture, "Administrator", "admin", "مديرة الاختبار");

    private static Task SignInAsync(BrowserSession session, string email, string password)
        => PeopleSteps.SignInAsync(session, Culture, email, password);

    private static Task AssertSignedInAsync(BrowserSession session) => PeopleSteps.AssertSignedInAsync(session);

    private static string CodeFor(string key, TimeSpan? offset = null) => PeopleSteps.CodeFor(key, offset);

    private static string NewEmail(string who) => $"{who}-{Guid.NewGuid():N}@test.example";
}
