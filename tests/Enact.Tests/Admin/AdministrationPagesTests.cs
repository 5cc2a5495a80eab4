using System.Net;
using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Core.Data;
using Enact.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Enact.Tests.Infrastructure.TestClient;

namespace Enact.Tests.Admin;

public sealed class AdministratorReadsAuditMailAndCountries
{
    private static async Task InviteAsync(TestClient client, string email, string role, string? country = null)
    {
        using var response = await client.SubmitFormAsync($"/{client.Culture}/admin/users/invite", Many(
            ("Input.Email", email), ("Input.Roles", role), ("Input.Countries", country), ("Input.Language", "ar")));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }

    [Fact]
    public async Task The_audit_trail_filters_by_action_entity_actor_and_dates_and_rejects_a_bad_date()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        var admin = await TestAuth.SignInDirectlyAsync(app, client, Roles.Administrator);
        await InviteAsync(client, "one@test.example", Roles.Editor);
        await InviteAsync(client, "two@test.example", Roles.FocalPoint, "LB");
        var two = await app.WithDbAsync(db => db.Users.Where(u => u.Email == "two@test.example").Select(u => u.Id).SingleAsync());
        await app.WithDbAsync(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { At = new DateTime(2020, 1, 15, 10, 0, 0, DateTimeKind.Utc), ActorEmail = "old@test.example", Action = "country.updated", EntityType = "country", EntityId = "KM" });
            return await db.SaveChangesAsync();
        });

        static int Rows(AngleSharp.Dom.IDocument page) => page.QuerySelectorAll("main table tbody tr").Length;
        var all = await client.GetPageAsync("/ar/admin/audit");
        Assert.Equal(3, Rows(all));
        // Newest first: the 2020 entry is last.
        Assert.Contains("old@test.example", all.QuerySelectorAll("main table tbody tr")[^1].TextContent, StringComparison.Ordinal);
        Assert.NotNull(all.QuerySelector("main table pre"));

        Assert.Equal(2, Rows(await client.GetPageAsync("/ar/admin/audit?action=user.invited")));
        var byEntity = await client.GetPageAsync($"/ar/admin/audit?entityType=user&entityId={two}");
        Assert.Equal(1, Rows(byEntity));
        Assert.Contains("two@test.example", byEntity.QuerySelector("main table pre")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(2, Rows(await client.GetPageAsync($"/ar/admin/audit?actor={Uri.EscapeDataString(admin.Email)}")));
        Assert.Equal(1, Rows(await client.GetPageAsync("/ar/admin/audit?from=2020-01-15&to=2020-01-15")));
        Assert.Equal(1, Rows(await client.GetPageAsync("/ar/admin/audit?to=2020-12-31")));
        Assert.Equal(2, Rows(await client.GetPageAsync("/ar/admin/audit?from=2021-01-01")));

        var bad = await client.GetPageAsync("/ar/admin/audit?from=15/01/2020");
        Assert.Contains("أدخل تاريخًا صحيحًا في «من تاريخ»", bad.QuerySelector(".error-summary a[href='#From']")!.TextContent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_mail_folder_lists_the_invitation_and_shows_its_text_without_rendering_html()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, client, Roles.Administrator);
        var empty = await client.GetPageAsync("/en/admin/mail");
        Assert.Contains("There are no messages", empty.QuerySelector("main")!.TextContent, StringComparison.Ordinal);

        await InviteAsync(client, "reader@test.example", Roles.Reviewer);
        var list = await client.GetPageAsync("/en/admin/mail");
        var row = Assert.Single(list.QuerySelectorAll("main table tbody tr"));
        Assert.Contains("reader@test.example", row.TextContent, StringComparison.Ordinal);
        var link = row.QuerySelector("a")!;
        Assert.Equal("دعوة إلى بوابة إيناكت", link.TextContent);

        var message = await client.GetPageAsync(link.GetAttribute("href")!);
        var text = message.QuerySelector("main pre")!.TextContent;
        Assert.Contains("/ar/account/accept-invitation?userId=", text, StringComparison.Ordinal);
        Assert.Null(message.QuerySelector("main a[href*='accept-invitation']"));
        Assert.Null(message.QuerySelector("main p a[href^='http']"));

        await client.GetPageAsync("/en/admin/mail/missing.eml", HttpStatusCode.NotFound);
        await client.GetPageAsync("/en/admin/mail/..%2F..%2Fenact.db", HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_escwa_flag_is_edited_with_its_version_audited_and_a_stale_form_gets_a_conflict()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        var admin = await TestAuth.SignInDirectlyAsync(app, client, Roles.Administrator);

        var stale = await client.GetPageAsync("/ar/admin/countries");
        Assert.Equal(22, stale.QuerySelectorAll("main table tbody tr").Length);
        Assert.Null(stale.QuerySelector("#escwa-KM[checked]"));
        Assert.NotNull(stale.QuerySelector("#escwa-LB[checked]"));

        using (var saved = await client.SubmitFormAsync(stale, Many(("Input.IsEscwaMember", "true")), "#country-KM"))
        {
            Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
            Assert.Equal("/ar/admin/countries?saved=KM", saved.Headers.Location!.OriginalString);
        }
        Assert.True(await app.WithDbAsync(db => db.Countries.Where(c => c.Code == "KM").Select(c => c.IsEscwaMember).SingleAsync()));
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "country.updated"));
        Assert.Equal("KM", audit.EntityId);
        Assert.Equal("{\"isEscwaMember\":false}", audit.Before);
        Assert.Equal("{\"isEscwaMember\":true}", audit.After);
        Assert.Equal(admin.Email, audit.ActorEmail);
        var after = await client.GetPageAsync("/ar/admin/countries?saved=KM");
        Assert.Contains("جزر القمر", after.QuerySelector("[role=status]")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(after.QuerySelector("#escwa-KM[checked]"));

        // The stale page still has KM's old version: unchecking from it is refused.
        using var conflict = await client.SubmitFormAsync(stale, Many(("Input.IsEscwaMember", "false")), "#country-KM");
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await ParseAsync(conflict);
        Assert.Contains("غيّر شخص آخر البلد KM", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("#escwa-KM[checked]"));
        Assert.True(await app.WithDbAsync(db => db.Countries.Where(c => c.Code == "KM").Select(c => c.IsEscwaMember).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "country.updated")));

        // Another row of the same stale page is still current.
        using var other = await client.SubmitFormAsync(stale, Many(("Input.IsEscwaMember", null)), "#country-LB");
        Assert.Equal(HttpStatusCode.Redirect, other.StatusCode);
        Assert.False(await app.WithDbAsync(db => db.Countries.Where(c => c.Code == "LB").Select(c => c.IsEscwaMember).SingleAsync()));
    }

    [Fact]
    public async Task The_accounts_list_runs_the_same_number_of_queries_whatever_the_number_of_accounts()
    {
        await using var app = await EnactFactory.StartAsync();
        using var client = app.CreateTestClient("ar");
        await TestAuth.SignInDirectlyAsync(app, client, Roles.Administrator);
        await AddAccountsAsync(app, 2);
        using var counter = new SqlCommandCounter(app);

        await client.GetPageAsync("/ar/admin/users");
        counter.Reset();
        var few = await client.GetPageAsync("/ar/admin/users");
        var fewQueries = counter.Count;
        Assert.Equal(3, few.QuerySelectorAll("main table tbody tr").Length);

        await AddAccountsAsync(app, 40);
        counter.Reset();
        var many = await client.GetPageAsync("/ar/admin/users");
        var manyQueries = counter.Count;
        Assert.Equal(43, many.QuerySelectorAll("main table tbody tr").Length);
        Assert.Contains("لبنان", many.QuerySelector("main table tbody")!.TextContent, StringComparison.Ordinal);

        Assert.InRange(fewQueries, 1, 6);
        Assert.Equal(fewQueries, manyQueries);

        // 53 accounts: 50 on the first page, 3 on the second, reached through the pager.
        await AddAccountsAsync(app, 10);
        var first = await client.GetPageAsync("/ar/admin/users?role=");
        Assert.Equal(50, first.QuerySelectorAll("main table tbody tr").Length);
        var next = first.QuerySelector("a[rel=next]")!.GetAttribute("href")!;
        Assert.Equal("/ar/admin/users?role=&page=2", next);
        Assert.Equal(3, (await client.GetPageAsync(next)).QuerySelectorAll("main table tbody tr").Length);
    }

    /// <summary>Adds focal points for Lebanon and Jordan straight into the database (no password hashing: fast).</summary>
    private static async Task AddAccountsAsync(EnactFactory app, int count)
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EnactDbContext>();
        var role = await db.Roles.SingleAsync(r => r.Name == Roles.FocalPoint);
        for (var i = 0; i < count; i++)
        {
            var email = $"bulk-{Guid.NewGuid():N}@test.example";
            var user = new EnactUser
            {
                UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, NormalizedEmail = email.ToUpperInvariant(),
                DisplayName = $"Bulk {i}", CreatedAt = DateTime.UtcNow,
            };
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<Guid> { UserId = user.Id, RoleId = role.Id });
            db.UserCountries.Add(new UserCountry { UserId = user.Id, CountryCode = "LB" });
            db.UserCountries.Add(new UserCountry { UserId = user.Id, CountryCode = "JO" });
        }
        await db.SaveChangesAsync();
    }
}
