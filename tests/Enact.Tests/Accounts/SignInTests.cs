using System.Net;
using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static Enact.Tests.Accounts.AccountSteps;

namespace Enact.Tests.Accounts;

public sealed class Five_wrong_passwords_lock_the_account
{
    [Fact]
    public async Task After_five_failures_even_the_right_password_is_refused_with_a_lockout_message()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("en");
        var account = await TestClient.CreateAccountAsync(app, Roles.Contributor);

        for (var i = 0; i < 4; i++)
        {
            var failed = await PageOfAsync(await SignInFormAsync(client, account.Email, "wrong-password-" + i));
            Assert.Contains("e-mail address or password is not correct", Summary(failed), StringComparison.Ordinal);
        }
        var fifth = await PageOfAsync(await SignInFormAsync(client, account.Email, "wrong-password-5"));
        Assert.Contains("locked", Summary(fifth), StringComparison.Ordinal);

        var right = await PageOfAsync(await SignInFormAsync(client, account.Email, account.Password));
        Assert.Contains("locked", Summary(right), StringComparison.Ordinal);
        Assert.False(await IsSignedInAsync(client));
    }

    [Fact]
    public async Task An_unknown_address_gets_the_same_generic_message()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        var page = await PageOfAsync(await SignInFormAsync(client, NewEmail(), "whatever-password-1"));
        Assert.Contains("البريد الإلكتروني أو كلمة المرور غير صحيحة", Summary(page), StringComparison.Ordinal);
    }
}

public sealed class A_deactivated_account_cannot_sign_in
{
    [Fact]
    public async Task The_right_password_of_a_deactivated_account_is_refused_with_a_clear_message()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("en");
        var account = await TestClient.CreateAccountAsync(app, Roles.Contributor);
        await using (var scope = app.Scope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<AccountAdministration>().SetActiveAsync(AuditActor.System, account.Id, active: false);
            Assert.True(outcome.Succeeded);
        }
        var page = await PageOfAsync(await SignInFormAsync(client, account.Email, account.Password));
        Assert.Contains("deactivated", Summary(page), StringComparison.Ordinal);
        Assert.False(await IsSignedInAsync(client));

        // A wrong password does not reveal the account's state.
        var wrong = await PageOfAsync(await SignInFormAsync(client, account.Email, "not-the-password-1"));
        Assert.DoesNotContain("deactivated", Summary(wrong), StringComparison.Ordinal);
    }
}

public sealed class Sign_in_returns_to_local_pages_only
{
    [Theory]
    [InlineData("/ar/enact", "/ar/enact")]
    [InlineData("https://evil.example/", "/ar/")]
    [InlineData("//evil.example/", "/ar/")]
    public async Task Return_url_is_followed_only_when_local(string returnUrl, string expected)
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        var account = await TestClient.CreateAccountAsync(app, Roles.Contributor);
        using var response = await client.SubmitFormAsync($"/ar/account/sign-in?returnUrl={Uri.EscapeDataString(returnUrl)}",
            TestClient.Many(("Input.Email", account.Email), ("Input.Password", account.Password)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task Signing_out_is_a_post_that_ends_the_session()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        var account = await TestClient.CreateAccountAsync(app, Roles.Contributor);
        await client.SignInAsync(account.Email, account.Password);
        using (var get = await client.GetAsync("/ar/account/sign-out"))
        {
            Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
        }
        Assert.True(await IsSignedInAsync(client));
        var home = await client.GetPageAsync("/ar/enact");
        using var response = await client.SubmitFormAsync(home, [], "form[action='/ar/account/sign-out']");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/ar/", response.Headers.Location!.OriginalString);
        Assert.False(await IsSignedInAsync(client));
    }
}

public sealed class A_one_time_password_account_changes_its_password_first
{
    [Fact]
    public async Task Sign_in_leads_to_change_password_and_the_gate_holds_until_it_is_done()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("en");
        string email = NewEmail(), oneTime;
        await using (var scope = app.Scope())
        {
            var outcome = await scope.ServiceProvider.GetRequiredService<AccountAdministration>()
                .CreateWithOneTimePasswordAsync(email, "Fatima", Roles.Contributor, []);
            Assert.True(outcome.Succeeded);
            oneTime = outcome.Password!;
        }
        using (var signIn = await SignInFormAsync(client, email, oneTime))
        {
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
            Assert.StartsWith("/en/account/manage/change-password", signIn.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        using (var home = await client.GetAsync("/en/enact"))
        {
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Equal("/en/account/manage/change-password", home.Headers.Location!.OriginalString);
        }
        var form = await client.GetPageAsync("/en/account/manage/change-password");
        Assert.NotNull(form.QuerySelector("input[autocomplete=current-password]"));

        using var changed = await client.SubmitFormAsync("/en/account/manage/change-password", TestClient.Many(
            ("Input.CurrentPassword", oneTime), ("Input.NewPassword", Password), ("Input.ConfirmPassword", Password)));
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        (await client.GetPageAsync("/en/enact")).Dispose();
        var user = await FindUserAsync(app, email);
        Assert.False(user!.MustChangePassword);
        Assert.Contains("user.password-changed", await AuditActionsAsync(app, user.Id));

        using var again = app.CreateTestClient("en");
        await again.SignInAsync(email, Password);
    }

    [Fact]
    public async Task A_wrong_current_password_is_reported_on_its_field()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        var account = await TestClient.CreateAccountAsync(app, Roles.Contributor);
        await client.SignInAsync(account.Email, account.Password);
        var page = await PageOfAsync(await client.SubmitFormAsync("/ar/account/manage/change-password", TestClient.Many(
            ("Input.CurrentPassword", "not-the-password-1"), ("Input.NewPassword", Password), ("Input.ConfirmPassword", Password))));
        Assert.NotNull(page.QuerySelector(".error-summary a[href='#Input_CurrentPassword']"));
        Assert.Contains("كلمة المرور غير صحيحة", Summary(page), StringComparison.Ordinal);
    }
}
