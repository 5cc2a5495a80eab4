using System.Net;
using System.Text;
using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Tests.Infrastructure;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using static Enact.Tests.Accounts.AccountSteps;

namespace Enact.Tests.Accounts;

public sealed class An_invited_person_chooses_a_password_and_is_signed_in
{
    [Fact]
    public async Task Accepting_confirms_the_address_signs_in_and_the_link_works_once()
    {
        await using var app = await EnactFactory.StartAsync();
        var email = NewEmail();
        AccountOutcome invitation;
        await using (var scope = app.Scope())
        {
            invitation = await scope.ServiceProvider.GetRequiredService<AccountAdministration>()
                .InviteAsync(AuditActor.System, email, "Omar", [Roles.Contributor], []);
            Assert.True(invitation.Succeeded);
        }
        var link = $"/ar/account/accept-invitation?userId={invitation.User!.Id}&code={WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(invitation.Token!))}";
        using var client = app.CreateTestClient("ar");
        var page = await client.GetPageAsync(link);
        Assert.Contains("Omar", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        var mismatch = await PageOfAsync(await client.SubmitFormAsync(page, TestClient.Many(("Input.Password", Password), ("Input.ConfirmPassword", "different-pass-1"))));
        Assert.NotNull(mismatch.QuerySelector(".error-summary a[href='#Input_ConfirmPassword']"));

        using var accepted = await client.SubmitFormAsync(link, TestClient.Many(("Input.Password", Password), ("Input.ConfirmPassword", Password)));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        Assert.True(await IsSignedInAsync(client));
        var user = await FindUserAsync(app, email);
        Assert.True(user!.EmailConfirmed);
        Assert.Contains("user.invitation-accepted", await AuditActionsAsync(app, user.Id));

        using var again = app.CreateTestClient("ar");
        var used = await again.GetPageAsync(link);
        Assert.NotNull(used.QuerySelector(".error-summary"));
        await again.SignInAsync(email, Password);
    }
}
