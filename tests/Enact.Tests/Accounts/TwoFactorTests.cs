using System.Net;
using Enact.Core.Accounts;
using Enact.Tests.Infrastructure;
using OtpNet;
using static Enact.Tests.Accounts.AccountSteps;

namespace Enact.Tests.Accounts;

public sealed class A_person_sets_up_an_authenticator_app_and_then_signs_in_with_codes
{
    [Fact]
    public async Task Setup_through_the_pages_then_sign_in_requires_the_code()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("en");
        var account = await TestClient.CreateAccountAsync(app, Roles.Contributor);
        await client.SignInAsync(account.Email, account.Password);

        var setup = await client.GetPageAsync("/en/account/manage/two-factor");
        var key = string.Concat(setup.QuerySelector("#authenticator-key")!.TextContent.Where(c => !char.IsWhiteSpace(c)));
        Assert.Equal(32, key.Length);
        var img = setup.QuerySelector(".qr img")!;
        Assert.StartsWith("data:image/svg+xml;base64,", img.GetAttribute("src"), StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace(img.GetAttribute("alt")));
        Assert.Null(setup.QuerySelector("main [style]"));

        var wrong = await PageOfAsync(await client.SubmitFormAsync(setup, TestClient.Many(("Input.Code", "000000"))));
        Assert.NotNull(wrong.QuerySelector(".error-summary a[href='#Input_Code']"));

        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var enabled = await PageOfAsync(await client.SubmitFormAsync(wrong, TestClient.Many(("Input.Code", code))));
        Assert.Equal(10, enabled.QuerySelectorAll("#recovery-codes li").Length);
        Assert.NotNull(enabled.QuerySelector("form[action*='handler=Disable']"));
        Assert.Contains("user.two-factor-enabled", await AuditActionsAsync(app, account.Id));
        var recovery = enabled.QuerySelector("#recovery-codes li")!.TextContent.Trim();

        using var other = app.CreateTestClient("en");
        using (var first = await SignInFormAsync(other, account.Email, account.Password))
        {
            Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
            Assert.StartsWith("/en/account/sign-in/two-factor?returnUrl=", first.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.False(await IsSignedInAsync(other));
        await other.SignInAsync(account.Email, account.Password, key);
        Assert.True(await IsSignedInAsync(other));

        // A recovery code replaces the app once.
        using var third = app.CreateTestClient("en");
        using (var first = await SignInFormAsync(third, account.Email, account.Password))
        {
            var twoFactor = await third.GetPageAsync(first.Headers.Location!.OriginalString);
            var recoveryLink = twoFactor.QuerySelector("a[href*='/account/sign-in/recovery-code']")!.GetAttribute("href")!;
            using var used = await third.SubmitFormAsync(recoveryLink, TestClient.Many(("Input.RecoveryCode", recovery)));
            Assert.Equal(HttpStatusCode.Redirect, used.StatusCode);
        }
        Assert.True(await IsSignedInAsync(third));

        // A contributor may turn it off again.
        var manage = await client.GetPageAsync("/en/account/manage/two-factor");
        using var disabled = await client.SubmitFormAsync(manage, [], "form[action*='handler=Disable']");
        Assert.Equal(HttpStatusCode.Redirect, disabled.StatusCode);
        Assert.False((await FindUserAsync(app, account.Email))!.TwoFactorEnabled);
        Assert.Contains("user.two-factor-disabled", await AuditActionsAsync(app, account.Id));
    }
}

public sealed class An_editor_without_two_factor_is_sent_to_set_it_up
{
    [Fact]
    public async Task The_gate_redirects_to_setup_and_lets_the_editor_through_once_enabled_and_disabling_is_refused()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        var editor = await TestClient.CreateAccountAsync(app, Roles.Editor, twoFactor: false);
        await client.SignInAsync(editor.Email, editor.Password);

        using (var home = await client.GetAsync("/ar/"))
        {
            Assert.Equal(HttpStatusCode.Redirect, home.StatusCode);
            Assert.Equal("/ar/account/manage/two-factor", home.Headers.Location!.OriginalString);
        }
        var setup = await client.GetPageAsync("/ar/account/manage/two-factor");
        var key = string.Concat(setup.QuerySelector("#authenticator-key")!.TextContent.Where(c => !char.IsWhiteSpace(c)));
        var code = new Totp(Base32Encoding.ToBytes(key)).ComputeTotp();
        var enabled = await PageOfAsync(await client.SubmitFormAsync(setup, TestClient.Many(("Input.Code", code))));
        Assert.Null(enabled.QuerySelector("form[action*='handler=Disable']"));

        using (var home = await client.GetAsync("/ar/"))
        {
            Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        }

        // Even a hand-made POST cannot turn it off.
        using var disable = await client.SubmitFormAsync(enabled, [], "form[action*='handler=RecoveryCodes']");
        Assert.Equal(HttpStatusCode.OK, disable.StatusCode);
        var page = await client.GetPageAsync("/ar/account/manage/two-factor");
        var token = page.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var content = new FormUrlEncodedContent([new("__RequestVerificationToken", token)]);
        using var refused = await client.Http.PostAsync("/ar/account/manage/two-factor?handler=Disable", content);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.NotNull((await TestClient.ParseAsync(refused)).QuerySelector(".error-summary"));
        Assert.True((await FindUserAsync(app, editor.Email))!.TwoFactorEnabled);
    }
}
