using System.Net;
using Enact.Core.Accounts;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Organisations.JoiningAnOrganisationTests;
using static Enact.Tests.Organisations.MembershipSteps;
using ProjectSteps = Enact.Tests.Projects.ProjectSteps;

namespace Enact.Tests.Organisations;

/// <summary>
/// The members list, for members and editors: a member removes another or leaves; the last member cannot leave (the page
/// says so) unless an editor removes them; the organisation's pages keep working without members.
/// </summary>
public sealed class KeepingTheMembersTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_member_removes_another_the_last_member_cannot_leave_and_an_editor_removes_them(Provider provider)
    {
        await using var app = await EnactFactory.StartAsync(provider);
        using var first = app.CreateTestClient("en");
        var omar = await SignInPersonAsync(app, first, "en", "Omar Khalil");
        var id = await ProjectSteps.ArrangeOrganisationAsync(app, omar.Id);
        using var second = app.CreateTestClient("en");
        var layla = await SignInPersonAsync(app, second, "en", "Layla Haddad");
        await AddMemberAsync(app, id, layla.Id);

        // The list shows both; a member may remove the other, not themself (they leave instead).
        var page = await first.GetPageAsync(MembersPath("en", id));
        var rows = page.QuerySelectorAll("table.members tbody tr").Select(r => r.TextContent).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(rows, r => r.Contains("Omar Khalil (you)", StringComparison.Ordinal) && r.Contains(omar.Email, StringComparison.Ordinal));
        Assert.Contains(rows, r => r.Contains("Layla Haddad", StringComparison.Ordinal) && r.Contains(layla.Email, StringComparison.Ordinal));
        Assert.Null(page.QuerySelector($"form[data-member='{omar.Id:D}']"));
        Assert.Equal("Remove Layla Haddad", page.QuerySelector($"form[data-member='{layla.Id:D}'] button")!.TextContent.Trim());
        Assert.NotNull(page.QuerySelector("form[action*='handler=leave']"));

        using (var removed = await ExpectAsync(RemoveAsync(first, id, layla.Id, page), HttpStatusCode.Redirect))
        {
            Assert.Equal($"/en/organisations/{id}/members?status=removed", removed.Headers.Location!.OriginalString);
        }
        Assert.False(await IsMemberAsync(app, id, layla.Id));
        Assert.Equal(1, await AuditCountAsync(app, "membership.removed"));
        using (var edit = await second.GetAsync($"/en/organisations/{id}/edit"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        }

        // Now the only member: the page says they cannot leave, and a leave form opened before is refused with the reason.
        var alone = await first.GetPageAsync(MembersPath("en", id));
        Assert.Null(alone.QuerySelector("form[action*='handler=leave']"));
        Assert.Contains("You are the only member", alone.QuerySelector("section[aria-labelledby='leave-heading'] .notice")!.TextContent, StringComparison.Ordinal);
        using (var refused = await ExpectAsync(LeaveAsync(first, id, page), HttpStatusCode.OK))
        {
            Assert.Contains("You are the only member of this organisation, so you cannot leave it: approve another member first, or ask an editor to remove you.",
                await ErrorsAsync(refused), StringComparison.Ordinal);
        }
        Assert.True(await IsMemberAsync(app, id, omar.Id));
        Assert.Equal(0, await AuditCountAsync(app, "membership.left"));

        // An editor removes the last member; the organisation stays in the directory, kept by editors.
        using var editor = app.CreateTestClient("ar");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        (await ExpectAsync(RemoveAsync(editor, id, omar.Id), HttpStatusCode.Redirect)).Dispose();
        Assert.Equal(0, await app.WithDbAsync(db => db.OrganisationMembers.CountAsync(m => m.OrganisationId == id)));
        Assert.Equal(2, await AuditCountAsync(app, "membership.removed"));
        var empty = await editor.GetPageAsync(MembersPath("ar", id) + "?status=removed");
        Assert.Contains("أُزيل العضو من المنظمة.", empty.QuerySelector(".notice.success")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("لا أعضاء في هذه المنظمة", empty.QuerySelector("section[aria-labelledby='members-heading']")!.TextContent, StringComparison.Ordinal);
        await editor.GetPageAsync($"/ar/organisations/{id}/edit");
        using var reader = app.CreateTestClient("en");
        var publicPage = await reader.GetPageAsync(OrganisationPath("en", id));
        Assert.Equal("Arab Digital Trust Network", publicPage.QuerySelector("main h1")!.TextContent);
        await reader.GetPageAsync("/en/organisations");
    }

    [Fact]
    public async Task A_member_leaves_can_no_longer_edit_and_a_stale_removal_of_them_says_they_are_gone()
    {
        await using var app = await EnactFactory.StartAsync();
        using var first = app.CreateTestClient("ar");
        var omar = await SignInPersonAsync(app, first, "ar", "عمر خليل");
        var id = await ProjectSteps.ArrangeOrganisationAsync(app, omar.Id);
        using var second = app.CreateTestClient("ar");
        var layla = await SignInPersonAsync(app, second, "ar", "ليلى حداد");
        await AddMemberAsync(app, id, layla.Id);
        var staleList = await first.GetPageAsync(MembersPath("ar", id));

        using (var left = await ExpectAsync(LeaveAsync(second, id), HttpStatusCode.Redirect))
        {
            Assert.Equal($"/ar/organisations/{id}?status=left", left.Headers.Location!.OriginalString);
        }
        var page = await second.GetPageAsync(OrganisationPath("ar", id) + "?status=left");
        Assert.Contains("غادرت المنظمة.", page.QuerySelector(".notice.success")!.TextContent, StringComparison.Ordinal);
        Assert.NotNull(page.QuerySelector("form[action*='handler=join']"));
        Assert.Null(page.QuerySelector($"a[href='/ar/organisations/{id}/edit']"));
        Assert.False(await IsMemberAsync(app, id, layla.Id));
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "membership.left"));
        Assert.Equal(layla.Id, audit.ActorId);
        Assert.Equal($"{id}:{layla.Id:D}", audit.EntityId);
        using (var edit = await second.GetAsync($"/ar/organisations/{id}/edit"))
        {
            Assert.Equal(HttpStatusCode.Forbidden, edit.StatusCode);
        }
        using (var members = await second.GetAsync(MembersPath("ar", id)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, members.StatusCode);
        }

        using (var stale = await ExpectAsync(RemoveAsync(first, id, layla.Id, staleList), HttpStatusCode.OK))
        {
            Assert.Contains("لم يعد هذا الشخص عضوًا في المنظمة.", await ErrorsAsync(stale), StringComparison.Ordinal);
            Assert.Single((await TestClient.ParseAsync(stale)).QuerySelectorAll("table.members tbody tr"));
        }
        Assert.Equal(0, await AuditCountAsync(app, "membership.removed"));
    }
}
