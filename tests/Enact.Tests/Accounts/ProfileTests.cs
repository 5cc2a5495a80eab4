using System.Net;
using Enact.Core.Accounts;
using Enact.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using static Enact.Tests.Accounts.AccountSteps;

namespace Enact.Tests.Accounts;

public sealed class A_person_edits_their_profile
{
    [Fact]
    public async Task Saving_changes_name_language_and_organisation()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        var account = await TestClient.CreateAccountAsync(app, Roles.Contributor);
        await client.SignInAsync(account.Email, account.Password);

        using var saved = await client.SubmitFormAsync("/ar/account/manage", TestClient.Many(
            ("Input.DisplayName", "Layla"), ("Input.PreferredLanguage", "en"), ("Input.OrganisationName", "ESCWA")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("/en/account/manage", saved.Headers.Location!.OriginalString);
        var page = await client.GetPageAsync("/en/account/manage");
        Assert.NotNull(page.QuerySelector(".success"));
        var user = await FindUserAsync(app, account.Email);
        Assert.Equal(("Layla", "en", "ESCWA"), (user!.DisplayName, user.PreferredLanguage, user.OrganisationName));
        Assert.Contains("user.profile-changed", await AuditActionsAsync(app, account.Id));
    }

    [Fact]
    public async Task Saving_a_stale_form_shows_the_conflict_and_the_current_values()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        var account = await TestClient.CreateAccountAsync(app, Roles.Contributor);
        await client.SignInAsync(account.Email, account.Password);
        var stale = await client.GetPageAsync("/ar/account/manage");

        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EnactUser>>();
            var user = await users.FindByIdAsync(account.Id.ToString());
            user!.DisplayName = "Changed elsewhere";
            Assert.True((await users.UpdateAsync(user)).Succeeded);
        }

        var page = await PageOfAsync(await client.SubmitFormAsync(stale, TestClient.Many(("Input.DisplayName", "My edit"))));
        Assert.Contains("عدّل", Summary(page), StringComparison.Ordinal);
        Assert.Equal("Changed elsewhere", page.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
        Assert.Equal("Changed elsewhere", (await FindUserAsync(app, account.Email))!.DisplayName);

        // Saving again from the refreshed form works.
        using var second = await client.SubmitFormAsync(page, TestClient.Many(("Input.DisplayName", "My edit")));
        Assert.Equal(HttpStatusCode.Redirect, second.StatusCode);
        Assert.Equal("My edit", (await FindUserAsync(app, account.Email))!.DisplayName);
    }
}
