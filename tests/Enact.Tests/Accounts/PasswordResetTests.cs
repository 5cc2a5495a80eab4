using System.Net;
using Enact.Core.Accounts;
using Enact.Tests.Infrastructure;
using static Enact.Tests.Accounts.AccountSteps;

namespace Enact.Tests.Accounts;

public sealed class A_forgotten_password_is_reset_through_the_emailed_link
{
    [Fact]
    public async Task The_link_sets_a_new_password_once_and_the_old_one_stops_working()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        var account = await TestClient.CreateAccountAsync(app, Roles.Contributor);

        using (var asked = await client.SubmitFormAsync("/ar/account/forgot-password", TestClient.Many(("Input.Email", account.Email))))
        {
            Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
            Assert.Equal("/ar/account/check-email?for=reset", asked.Headers.Location!.OriginalString);
        }
        var link = TestClient.LinkInMail(app, account.Email, "/ar/account/reset-password");
        using (var reset = await client.SubmitFormAsync(link, TestClient.Many(("Input.Password", Password), ("Input.ConfirmPassword", Password))))
        {
            Assert.Equal(HttpStatusCode.Redirect, reset.StatusCode);
            Assert.Equal("/ar/account/sign-in", reset.Headers.Location!.OriginalString);
        }
        var signInPage = await client.GetPageAsync("/ar/account/sign-in");
        Assert.NotNull(signInPage.QuerySelector(".success"));

        var old = await PageOfAsync(await SignInFormAsync(client, account.Email, account.Password));
        Assert.NotEmpty(Summary(old));
        await client.SignInAsync(account.Email, Password);
        Assert.Contains("user.password-reset", await AuditActionsAsync(app, account.Id));

        // The link works once.
        using var stranger = app.CreateTestClient("ar");
        var reused = await PageOfAsync(await stranger.SubmitFormAsync(link, TestClient.Many(("Input.Password", "yet-another-pass-1"), ("Input.ConfirmPassword", "yet-another-pass-1"))));
        Assert.NotNull(reused.QuerySelector(".error-summary"));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_answer_and_no_mail()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("en");
        var email = NewEmail();
        using var asked = await client.SubmitFormAsync("/en/account/forgot-password", TestClient.Many(("Input.Email", email)));
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal("/en/account/check-email?for=reset", asked.Headers.Location!.OriginalString);
        Assert.Empty(TestClient.MailTo(app, email));
    }
}
