using System.Net;
using System.Text;
using Enact.Core.Accounts;
using Enact.Core.Data;
using Enact.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enact.Tests.Infrastructure.TestClient;

namespace Enact.Tests.Admin;

public sealed class AdministratorInvitesAndManagesAccounts
{
    [Fact]
    public async Task Inviting_a_focal_point_for_Lebanon_sends_an_accept_link_and_records_the_audit_entry()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        var admin = await TestAuth.SignInDirectlyAsync(app, client, Roles.Administrator);

        using var response = await client.SubmitFormAsync("/ar/admin/users/invite", Many(
            ("Input.Email", "focal.lb@test.example"), ("Input.DisplayName", "Focal Lebanon"),
            ("Input.Roles", Roles.FocalPoint), ("Input.Countries", "LB"), ("Input.Language", "en")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);

        var user = await app.WithDbAsync(db => db.Users.Include(u => u.Countries).SingleAsync(u => u.Email == "focal.lb@test.example"));
        Assert.False(user.EmailConfirmed);
        Assert.Equal(["LB"], user.Countries.Select(c => c.CountryCode));
        Assert.Equal($"/ar/admin/users/{user.Id}?status=invited", response.Headers.Location!.OriginalString);

        var mail = Assert.Single(MailTo(app, "focal.lb@test.example"));
        Assert.Equal("Your invitation to the Enact portal", mail.Subject);
        Assert.NotNull(mail.HtmlBody);
        Assert.Contains("http://localhost/en/account/accept-invitation?userId=", mail.TextBody, StringComparison.Ordinal);
        var link = LinkInMail(app, "focal.lb@test.example", "/en/account/accept-invitation");
        var query = QueryHelpers.ParseQuery(new Uri(new Uri("http://localhost"), link).Query);
        Assert.Equal(user.Id.ToString(), query["userId"].ToString());
        var token = Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(query["code"].ToString()));
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EnactUser>>();
            var stored = await users.FindByIdAsync(user.Id.ToString());
            Assert.True(await users.VerifyUserTokenAsync(stored!, users.Options.Tokens.PasswordResetTokenProvider, UserManager<EnactUser>.ResetPasswordTokenPurpose, token));
            Assert.True(await users.IsInRoleAsync(stored!, Roles.FocalPoint));
        }

        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "user.invited" && a.EntityId == user.Id.ToString()));
        Assert.Equal(admin.Email, audit.ActorEmail);
        Assert.Equal(admin.Id, audit.ActorId);
        Assert.Contains("LB", audit.After, StringComparison.Ordinal);

        var page = await client.GetPageAsync($"/ar/admin/users/{user.Id}?status=invited");
        Assert.Contains("أُرسلت الدعوة.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("user.invited", page.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "Focal", Roles.FocalPoint, "LB", "حقل «البريد الإلكتروني» مطلوب.")]
    [InlineData("not-an-address", "Focal", Roles.FocalPoint, "LB", "البريد الإلكتروني")]
    [InlineData("fp@test.example", "Focal", Roles.FocalPoint, null, "اختر بلدًا واحدًا على الأقل لجهة الاتصال الوطنية.")]
    [InlineData("c@test.example", "Contributor", Roles.Contributor, "JO", "لا تُسند البلدان إلا لجهة اتصال وطنية")]
    [InlineData("c@test.example", "Nobody", null, null, "اختر دورًا واحدًا على الأقل من القائمة.")]
    [InlineData("c@test.example", "Strange", "Emperor", null, "اختر دورًا واحدًا على الأقل من القائمة.")]
    [InlineData("c@test.example", "Somewhere", Roles.FocalPoint, "XX", "أحد البلدان المختارة غير معروف.")]
    public async Task Invalid_invitations_are_refused_with_arabic_messages_keep_what_was_typed_and_store_nothing(
        string email, string name, string? role, string? country, string expected)
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        await TestAuth.SignInDirectlyAsync(app, client, Roles.Administrator);
        var before = await app.WithDbAsync(db => db.Users.CountAsync());

        using var response = await client.SubmitFormAsync("/ar/admin/users/invite", Many(
            ("Input.Email", email), ("Input.DisplayName", name), ("Input.Roles", role), ("Input.Countries", country), ("Input.Language", "ar")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        var summary = page.QuerySelector(".error-summary[role=alert]");
        Assert.NotNull(summary);
        Assert.Contains(expected, summary.TextContent, StringComparison.Ordinal);
        Assert.NotNull(summary.QuerySelector("a[href^='#Input_']"));
        Assert.Equal(name, page.QuerySelector("#Input_DisplayName")!.GetAttribute("value"));
        Assert.Equal(email, page.QuerySelector("#Input_Email")!.GetAttribute("value") ?? "");
        Assert.Equal(before, await app.WithDbAsync(db => db.Users.CountAsync()));
        Assert.Equal(0, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "user.invited")));
        Assert.Empty(Directory.Exists(Path.Combine(app.DataDirectory, "mail")) ? Directory.GetFiles(Path.Combine(app.DataDirectory, "mail")) : []);
    }

    [Fact]
    public async Task Inviting_an_existing_address_shows_a_localized_duplicate_message()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("en");
        var admin = await TestAuth.SignInDirectlyAsync(app, client, Roles.Administrator);

        using var response = await client.SubmitFormAsync("/en/admin/users/invite", Many(
            ("Input.Email", admin.Email), ("Input.Roles", Roles.Editor), ("Input.Language", "en")));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await ParseAsync(response);
        var summary = page.QuerySelector(".error-summary")!;
        Assert.Contains($"An account with the e-mail address \"{admin.Email}\" already exists.", summary.TextContent, StringComparison.Ordinal);
        Assert.Single(summary.QuerySelectorAll("li"));
        Assert.Equal("checked", page.QuerySelector("#Input_Roles_Editor")!.GetAttribute("checked"));
    }

    [Fact]
    public async Task Changing_roles_and_countries_is_saved_audited_and_a_stale_form_gets_a_conflict_with_current_values()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        await TestAuth.SignInDirectlyAsync(app, client, Roles.Administrator);
        var person = await CreateAccountAsync(app, Roles.Contributor);
        var path = $"/ar/admin/users/{person.Id}";

        var stale = await client.GetPageAsync(path);
        using (var saved = await client.SubmitFormAsync(path, Many(("Input.Roles", Roles.FocalPoint), ("Input.Countries", "LB")), "#access-form"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal($"{path}?status=saved", saved.Headers.Location!.OriginalString);
        }
        await using (var scope = app.Scope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<EnactUser>>();
            var user = await users.FindByIdAsync(person.Id.ToString());
            Assert.Equal([Roles.FocalPoint], await users.GetRolesAsync(user!));
            var db = scope.ServiceProvider.GetRequiredService<EnactDbContext>();
            Assert.Equal(["LB"], await db.UserCountries.Where(c => c.UserId == person.Id).Select(c => c.CountryCode).ToListAsync());
            var audit = await db.AuditEntries.SingleAsync(a => a.Action == "user.access-changed" && a.EntityId == person.Id.ToString());
            Assert.Contains(Roles.Contributor, audit.Before, StringComparison.Ordinal);
            Assert.Contains("LB", audit.After, StringComparison.Ordinal);
        }

        // The stale form still carries the old version: nothing is overwritten, the current values are shown.
        using var conflict = await client.SubmitFormAsync(stale, Many(("Input.Roles", Roles.Editor), ("Input.Countries", null)), "#access-form");
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await ParseAsync(conflict);
        Assert.Contains("غيّر شخص آخر هذا السجل", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#Input_Roles_FocalPoint[checked]"));
        Assert.Null(page.QuerySelector("#Input_Roles_Editor[checked]"));
        Assert.NotNull(page.QuerySelector("#Input_Countries_LB[checked]"));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "user.access-changed")));

        // Saving again from the redisplayed form works.
        using var again = await client.SubmitFormAsync(page, Many(("Input.Roles", Roles.Editor), ("Input.Countries", null)), "#access-form");
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
    }

    [Fact]
    public async Task Deactivating_and_reactivating_an_account_is_audited_and_an_administrator_cannot_deactivate_themself()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("en");
        var admin = await TestAuth.SignInDirectlyAsync(app, client, Roles.Administrator);
        var person = await CreateAccountAsync(app, Roles.Contributor);
        var path = $"/en/admin/users/{person.Id}";

        using (var response = await client.SubmitFormAsync(path, Many(), "form.deactivate"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Assert.False(await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.IsActive).SingleAsync()));
        var page = await client.GetPageAsync($"{path}?status=deactivated");
        Assert.Contains("The account was deactivated.", page.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("user.deactivated", page.QuerySelector("main table")!.TextContent, StringComparison.Ordinal);

        using (var response = await client.SubmitFormAsync(page, Many(), "form.reactivate"))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == person.Id).Select(u => u.IsActive).SingleAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.EntityId == person.Id.ToString() && a.Action.EndsWith("activated"))));

        using var self = await client.SubmitFormAsync($"/en/admin/users/{admin.Id}", Many(), "form.deactivate");
        Assert.Equal(HttpStatusCode.OK, self.StatusCode);
        Assert.Contains("You cannot deactivate your own account.", (await ParseAsync(self)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.True(await app.WithDbAsync(db => db.Users.Where(u => u.Id == admin.Id).Select(u => u.IsActive).SingleAsync()));
    }

    [Fact]
    public async Task The_accounts_list_filters_by_text_role_country_and_status()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        await TestAuth.SignInDirectlyAsync(app, client, Roles.Administrator);
        var lebanon = await CreateAccountAsync(app, Roles.FocalPoint, ["LB"], email: "lebanon-fp@test.example");
        await CreateAccountAsync(app, Roles.FocalPoint, ["JO"], email: "jordan-fp@test.example");
        await CreateAccountAsync(app, Roles.Contributor, email: "writer@test.example");

        static int Rows(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("main table tbody tr").Length;
        Assert.Equal(4, Rows(await client.GetPageAsync("/ar/admin/users")));
        Assert.Equal(2, Rows(await client.GetPageAsync("/ar/admin/users?role=FocalPoint")));
        var lb = await client.GetPageAsync("/ar/admin/users?country=LB");
        Assert.Equal(1, Rows(lb));
        Assert.Contains("لبنان", lb.QuerySelector("main table tbody")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(1, Rows(await client.GetPageAsync("/ar/admin/users?q=WRITER")));
        await using (var scope = app.Scope())
        {
            var accounts = scope.ServiceProvider.GetRequiredService<AccountAdministration>();
            Assert.True((await accounts.SetActiveAsync(Core.Audit.AuditActor.System, lebanon.Id, false)).Succeeded);
        }
        Assert.Equal(1, Rows(await client.GetPageAsync("/ar/admin/users?status=inactive")));
        Assert.Equal(3, Rows(await client.GetPageAsync("/ar/admin/users?status=active")));
    }
}
