using System.Net;
using Enact.Core.Accounts;
using Enact.Tests.Infrastructure;
using static Enact.Tests.Accounts.AccountSteps;

namespace Enact.Tests.Accounts;

public sealed class Sign_in_attempts_are_rate_limited
{
    [Fact]
    public async Task The_fourth_post_in_a_minute_gets_429_with_the_localized_error_page()
    {
        await using var app = await EnactFactory.StartAsync(settings: new Dictionary<string, string?> { ["RateLimiting:AuthPermitsPerMinute"] = "3" });
        using var client = app.CreateTestClient("ar");
        for (var i = 0; i < 3; i++)
        {
            using var ok = await SignInFormAsync(client, NewEmail(), "wrong-password-1");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        using var limited = await SignInFormAsync(client, NewEmail(), "wrong-password-1");
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var page = await TestClient.ParseAsync(limited);
        Assert.Equal("ar", page.DocumentElement.GetAttribute("lang"));
        Assert.Contains("429", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        // Reading the page is not limited.
        using var get = await client.GetAsync("/ar/account/sign-in");
        Assert.Equal(HttpStatusCode.OK, get.StatusCode);
    }
}

public sealed class Forms_without_an_antiforgery_token_are_refused
{
    [Theory]
    [InlineData("/ar/account/sign-in")]
    [InlineData("/ar/account/register")]
    [InlineData("/ar/account/forgot-password")]
    public async Task A_post_without_token_gets_400(string path)
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        using var content = new FormUrlEncodedContent([new("Input.Email", "someone@test.example"), new("Input.Password", "whatever-pass-1")]);
        using var response = await client.Http.PostAsync(path, content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }
}

public sealed class Account_pages_follow_the_form_conventions
{
    [Theory]
    [InlineData("/ar/account/register", "email,new-password")]
    [InlineData("/en/account/sign-in", "email,current-password")]
    [InlineData("/ar/account/forgot-password", "email")]
    [InlineData("/en/account/resend-confirmation", "email")]
    public async Task Every_field_has_a_label_and_autocomplete_and_no_inline_style(string path, string autocompletes)
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        var page = await client.GetPageAsync(path);
        var form = page.QuerySelector("main form[method=post]")!;
        Assert.NotNull(form.QuerySelector("input[name=__RequestVerificationToken]"));
        foreach (var input in form.QuerySelectorAll("input:not([type=hidden])"))
        {
            Assert.NotNull(page.QuerySelector($"label[for='{input.Id}']"));
        }
        foreach (var a in autocompletes.Split(','))
        {
            Assert.NotNull(form.QuerySelector($"input[autocomplete='{a}']"));
        }
        Assert.Null(page.QuerySelector("[style]"));
        Assert.Null(page.QuerySelector("script:not([src])"));
    }

    [Fact]
    public async Task Manage_pages_require_sign_in()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        using var response = await client.GetAsync("/ar/account/manage/two-factor");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/ar/account/sign-in?returnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
    }
}
