using System.Net;
using Enact.Core.Accounts;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Accounts.AccountSteps;

namespace Enact.Tests.Accounts;

public sealed class A_visitor_registers_confirms_the_address_and_signs_in
{
    [Fact]
    public async Task Registration_sends_a_confirmation_link_that_enables_sign_in()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        var email = NewEmail();

        using var registered = await RegisterAsync(client, email);
        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        Assert.Equal("/ar/account/check-email?for=register", registered.Headers.Location!.OriginalString);
        var check = await client.GetPageAsync(registered.Headers.Location.OriginalString);
        Assert.Contains("أرسلنا", check.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var user = await FindUserAsync(app, email);
        Assert.NotNull(user);
        Assert.False(user.EmailConfirmed);
        Assert.Equal("ar", user.PreferredLanguage);
        Assert.True(await app.WithDbAsync(db => db.UserRoles.AnyAsync(r => r.UserId == user.Id && db.Roles.Any(x => x.Id == r.RoleId && x.Name == Roles.Contributor))));

        var mail = Assert.Single(TestClient.MailTo(app, email));
        Assert.Equal("تأكيد عنوان بريدك الإلكتروني", mail.Subject);
        Assert.NotNull(mail.HtmlBody);
        Assert.Contains("http://localhost/ar/account/confirm-email?userId=", mail.TextBody, StringComparison.Ordinal);

        // Unconfirmed: the right password still does not sign in, and says why.
        var refused = await PageOfAsync(await SignInFormAsync(client, email, Password));
        Assert.Contains("لم يتم تأكيد", Summary(refused), StringComparison.Ordinal);

        var link = TestClient.LinkInMail(app, email, "/ar/account/confirm-email");
        var confirmed = await client.GetPageAsync(link);
        Assert.NotNull(confirmed.QuerySelector(".success"));
        Assert.True((await FindUserAsync(app, email))!.EmailConfirmed);

        await client.SignInAsync(email, Password);
        Assert.True(await IsSignedInAsync(client));
        var actions = await AuditActionsAsync(app, user.Id);
        Assert.Contains("user.registered", actions);
        Assert.Contains("user.email-confirmed", actions);
    }

    [Fact]
    public async Task A_confirmation_link_with_a_wrong_code_says_it_failed()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("en");
        var email = NewEmail();
        (await RegisterAsync(client, email)).Dispose();
        var user = await FindUserAsync(app, email);
        var page = await client.GetPageAsync($"/en/account/confirm-email?userId={user!.Id}&code=bm90LWEtdG9rZW4");
        Assert.Contains("could not be confirmed", page.QuerySelector("h1")!.TextContent, StringComparison.Ordinal);
        Assert.False((await FindUserAsync(app, email))!.EmailConfirmed);
    }

    [Fact]
    public async Task Registering_an_existing_address_looks_the_same_and_mails_the_owner()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        var owner = await TestClient.CreateAccountAsync(app, Roles.Contributor);

        using var response = await RegisterAsync(client, owner.Email, "another-password-77", "Intruder");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ar/account/check-email?for=register", response.Headers.Location!.OriginalString);
        var mail = Assert.Single(TestClient.MailTo(app, owner.Email));
        Assert.Contains("/account/forgot-password", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await app.WithDbAsync(db => db.Users.CountAsync(u => u.Email == owner.Email)));
    }
}

public sealed class Invalid_registration_shows_arabic_messages_and_stores_nothing
{
    [Fact]
    public async Task Empty_and_mismatched_fields_are_reported_in_arabic_linked_to_their_fields()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        using var response = await client.SubmitFormAsync("/ar/account/register", TestClient.Many(
            ("Input.Email", "not-an-email"), ("Input.DisplayName", ""), ("Input.Password", "short"), ("Input.ConfirmPassword", "other")));
        var page = await PageOfAsync(response);
        var summary = page.QuerySelector(".error-summary[role=alert]");
        Assert.NotNull(summary);
        Assert.NotNull(summary.QuerySelector("a[href='#Input_Email']"));
        Assert.NotNull(summary.QuerySelector("a[href='#Input_DisplayName']"));
        Assert.NotNull(summary.QuerySelector("a[href='#Input_Password']"));
        Assert.Contains("البريد الإلكتروني", summary.TextContent, StringComparison.Ordinal);
        Assert.Contains("مطلوب", summary.TextContent, StringComparison.Ordinal);
        Assert.Equal("Input_Email-error", page.QuerySelector("#Input_Email")!.GetAttribute("aria-describedby"));
        Assert.Equal("not-an-email", page.QuerySelector("#Input_Email")!.GetAttribute("value"));
        Assert.Null(page.QuerySelector("#Input_Password")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Empty(Directory.Exists(Path.Combine(app.DataDirectory, "mail")) ? Directory.GetFiles(Path.Combine(app.DataDirectory, "mail")) : []);
    }

    [Fact]
    public async Task Identity_password_rules_are_reported_in_the_page_language()
    {
        await using var app = await EnactFactory.StartAsync();
        using var ar = app.CreateTestClient("ar");
        var arabic = await PageOfAsync(await RegisterAsync(ar, NewEmail(), "onlyletters-no-digit"));
        Assert.Contains("رقم واحد على الأقل", Summary(arabic), StringComparison.Ordinal);

        using var en = app.CreateTestClient("en");
        var english = await PageOfAsync(await RegisterAsync(en, NewEmail(), "onlyletters-no-digit"));
        Assert.Contains("at least one digit", Summary(english), StringComparison.Ordinal);
        Assert.Equal(0, await app.WithDbAsync(db => db.Users.CountAsync()));
    }
}
