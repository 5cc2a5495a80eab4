using System.Globalization;
using System.Net;
using Enact.Core.Accounts;
using Enact.Core.Organisations;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Organisations.MembershipSteps;
using ProjectSteps = Enact.Tests.Projects.ProjectSteps;

namespace Enact.Tests.Organisations;

/// <summary>
/// A signed-in person asks to join an existing organisation; its members (or an editor) approve or decline; the person is
/// told by e-mail in their language, and approval lets them edit the entry and offer to collaborate on its behalf.
/// </summary>
public sealed class JoiningAnOrganisationTests
{
    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task A_person_asks_to_join_a_member_approves_and_the_new_member_edits_the_entry_and_offers_to_collaborate(Provider provider)
    {
        await using var app = await EnactFactory.StartAsync(provider, demoContent: true);
        using var member = app.CreateTestClient("en");
        var founder = await SignInPersonAsync(app, member, "en", "Omar Khalil");
        var id = await ProjectSteps.ArrangeOrganisationAsync(app, founder.Id);

        using var newcomer = app.CreateTestClient("ar");
        var person = await SignInPersonAsync(app, newcomer, "ar", "ليلى حداد");
        var page = await newcomer.GetPageAsync(OrganisationPath("ar", id));
        Assert.NotNull(page.QuerySelector("form[action*='handler=join'] textarea[name='Join.Message']"));
        Assert.Null(page.QuerySelector($"a[href='{MembersPath("ar", id)}']"));

        using (var asked = await ExpectAsync(AskToJoinAsync(newcomer, id, "أعمل منسقةً للبرامج في الشبكة."), HttpStatusCode.Redirect))
        {
            Assert.Equal($"/ar/organisations/{id}?status=requested#membership-heading", asked.Headers.Location!.OriginalString);
        }
        page = await newcomer.GetPageAsync(OrganisationPath("ar", id) + "?status=requested");
        Assert.Contains("أُرسل طلب انضمامك إلى أعضاء المنظمة", page.QuerySelector(".notice.success")!.TextContent, StringComparison.Ordinal);
        var membership = page.QuerySelector("section[aria-labelledby='membership-heading']")!;
        Assert.Contains("طلبت الانضمام في", membership.TextContent, StringComparison.Ordinal);
        Assert.Null(membership.QuerySelector("form"));
        Assert.Equal(1, await AuditCountAsync(app, "membership.requested"));

        // The member is told at once, in English (their language), with the message and a link to where they answer.
        var notice = Assert.Single(ProjectSteps.Mail(app, founder.Email));
        Assert.Equal("ليلى حداد asks to join Arab Digital Trust Network", notice.Subject);
        Assert.Contains("ليلى حداد asked to join Arab Digital Trust Network.", notice.TextBody, StringComparison.Ordinal);
        Assert.Contains("أعمل منسقةً للبرامج في الشبكة.", notice.TextBody, StringComparison.Ordinal);
        Assert.Equal(MembersPath("en", id), TestClient.LinkInMail(app, founder.Email, "/members"));
        Assert.Empty(ProjectSteps.Mail(app, person.Email));

        // The member sees the pending request from the organisation's page, and its message on the members page.
        var organisationPage = await member.GetPageAsync(OrganisationPath("en", id));
        Assert.Contains("Requests waiting for an answer: 1", organisationPage.QuerySelector("section[aria-labelledby='membership-heading']")!.TextContent, StringComparison.Ordinal);
        var membersPage = await member.GetPageAsync(MembersPath("en", id));
        var request = Assert.Single(membersPage.QuerySelectorAll(".membership-requests > li"));
        Assert.Contains("ليلى حداد", request.TextContent, StringComparison.Ordinal);
        Assert.Contains("أعمل منسقةً للبرامج في الشبكة.", request.QuerySelector("blockquote")!.TextContent, StringComparison.Ordinal);

        using (var approved = await ExpectAsync(DecideAsync(app, member, id, person.Id, approve: true, membersPage), HttpStatusCode.Redirect))
        {
            Assert.Equal($"/en/organisations/{id}/members?status=approved", approved.Headers.Location!.OriginalString);
        }
        Assert.True(await IsMemberAsync(app, id, person.Id));
        var decision = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "membership.approved"));
        Assert.Equal(founder.Id, decision.ActorId);
        membersPage = await member.GetPageAsync(MembersPath("en", id) + "?status=approved");
        Assert.Contains("The request was approved", membersPage.QuerySelector(".notice.success")!.TextContent, StringComparison.Ordinal);
        Assert.Empty(membersPage.QuerySelectorAll(".membership-requests > li"));
        Assert.Equal(2, membersPage.QuerySelectorAll("table.members tbody tr").Length);
        Assert.Contains(person.Email, membersPage.QuerySelector("table.members")!.TextContent, StringComparison.Ordinal);

        // The person is told in Arabic, their language, with a link to the organisation.
        var mail = Assert.Single(ProjectSteps.Mail(app, person.Email));
        Assert.Equal("أصبحت عضوًا في الشبكة العربية للثقة الرقمية", mail.Subject);
        Assert.Contains("مرحبًا ليلى حداد،", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal($"/ar/organisations/{id}", TestClient.LinkInMail(app, person.Email, "/organisations/"));

        // As a member, they edit the entry and offer to collaborate on its behalf, as existing members can.
        await newcomer.GetPageAsync($"/ar/organisations/{id}/edit");
        page = await newcomer.GetPageAsync(OrganisationPath("ar", id));
        Assert.Contains("أنت عضو في هذه المنظمة.", page.QuerySelector("section[aria-labelledby='membership-heading']")!.TextContent, StringComparison.Ordinal);
        var workshop = await ProjectSteps.TrustWorkshopIdAsync(app);
        (await ExpectAsync(ProjectSteps.OfferAsync(newcomer, workshop, id, "نقترح تنظيم جلسة حول الهوية الرقمية."), HttpStatusCode.Redirect)).Dispose();
        Assert.True(await app.WithDbAsync(db => db.CollaborationOffers.AnyAsync(o => o.UserId == person.Id && o.OrganisationId == id && o.ActivityId == workshop)));
    }

    [Fact]
    public async Task An_editor_declines_the_person_is_told_in_their_language_and_may_ask_again()
    {
        await using var app = await EnactFactory.StartAsync();
        using var member = app.CreateTestClient("ar");
        var founder = await SignInPersonAsync(app, member, "ar", "عمر خليل");
        var id = await ProjectSteps.ArrangeOrganisationAsync(app, founder.Id);
        using var newcomer = app.CreateTestClient("ar");
        var person = await SignInPersonAsync(app, newcomer, "en", "Layla Haddad");
        (await ExpectAsync(AskToJoinAsync(newcomer, id), HttpStatusCode.Redirect)).Dispose();
        Assert.Null(await app.WithDbAsync(db => db.OrganisationMembershipRequests.Select(r => r.Message).SingleAsync()));

        // An editor who is not a member answers too.
        using var editor = app.CreateTestClient("ar");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var membersPage = await editor.GetPageAsync(MembersPath("ar", id));
        Assert.Contains("بلا رسالة.", membersPage.QuerySelector(".membership-requests > li")!.TextContent, StringComparison.Ordinal);
        // A reply longer than allowed decides nothing and comes back in its box with a clear message.
        var tooLong = new string('ر', MembershipService.MaxReplyLength + 1);
        using (var refused = await ExpectAsync(DecideAsync(app, editor, id, person.Id, approve: false, membersPage, tooLong), HttpStatusCode.OK))
        {
            var again = await TestClient.ParseAsync(refused);
            Assert.Contains("الرد طويل جدًا", again.QuerySelector(".error-summary")?.TextContent ?? "", StringComparison.Ordinal);
            Assert.Equal(tooLong, again.QuerySelector(".membership-requests textarea[name='Reply']")!.TextContent.Trim());
        }
        Assert.Equal(MembershipRequestStatuses.Pending, await app.WithDbAsync(db => db.OrganisationMembershipRequests.Select(r => r.Status).SingleAsync()));

        const string reply = "We welcome a new request once the registration is complete.";
        using (var declined = await ExpectAsync(DecideAsync(app, editor, id, person.Id, approve: false, membersPage, reply), HttpStatusCode.Redirect))
        {
            Assert.Equal($"/ar/organisations/{id}/members?status=declined", declined.Headers.Location!.OriginalString);
        }
        Assert.False(await IsMemberAsync(app, id, person.Id));
        Assert.Equal(MembershipRequestStatuses.Declined, await app.WithDbAsync(db => db.OrganisationMembershipRequests.Select(r => r.Status).SingleAsync()));
        Assert.Equal(1, await AuditCountAsync(app, "membership.declined"));
        Assert.Contains(reply, await app.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == "membership.declined").Select(a => a.After).SingleAsync()), StringComparison.Ordinal);

        // In English, the person's language, although the editor works in Arabic, with the editor's reply.
        var mail = Assert.Single(ProjectSteps.Mail(app, person.Email));
        Assert.Equal("Your request to join Arab Digital Trust Network", mail.Subject);
        Assert.Contains("was declined", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("The members' reply", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(reply, mail.TextBody, StringComparison.Ordinal);
        Assert.Contains(reply, mail.HtmlBody, StringComparison.Ordinal);
        Assert.Equal($"/en/organisations/{id}", TestClient.LinkInMail(app, person.Email, "/organisations/"));

        // A declined request is not pending: the person may ask again.
        (await ExpectAsync(AskToJoinAsync(newcomer, id, "Second try"), HttpStatusCode.Redirect)).Dispose();
        Assert.Equal(2, await app.WithDbAsync(db => db.OrganisationMembershipRequests.CountAsync(r => r.UserId == person.Id)));
    }

    [Theory]
    [InlineData("ar", "سجّل الدخول لتطلب الانضمام إلى هذه المنظمة.", "سبق أن طلبت الانضمام إلى هذه المنظمة، ولم يردّ الأعضاء على طلبك بعد.", "أنت عضو في هذه المنظمة بالفعل.")]
    [InlineData("en", "Sign in to ask to join this organisation.", "You have already asked to join this organisation, and the members have not answered yet.", "You are already a member of this organisation.")]
    public async Task Asking_is_refused_with_a_clear_message_when_not_signed_in_already_pending_or_already_a_member(
        string culture, string signInFirst, string alreadyPending, string alreadyMember)
    {
        await using var app = await EnactFactory.StartAsync();
        using var member = app.CreateTestClient(culture);
        var founder = await SignInPersonAsync(app, member, culture, "Omar Khalil");
        var id = await ProjectSteps.ArrangeOrganisationAsync(app, founder.Id);
        var path = OrganisationPath(culture, id);

        // Not signed in: the page says so and links to the sign-in page, which comes back here.
        using var anonymous = app.CreateTestClient(culture);
        var page = await anonymous.GetPageAsync(path);
        var membership = page.QuerySelector("section[aria-labelledby='membership-heading']")!;
        Assert.Contains(signInFirst, membership.TextContent, StringComparison.Ordinal);
        Assert.Equal($"/{culture}/account/sign-in?returnUrl={Uri.EscapeDataString(path)}", membership.QuerySelector("a")!.GetAttribute("href"));
        Assert.Null(page.QuerySelector("form[action*='handler=join']"));
        using (var members = await anonymous.GetAsync(MembersPath(culture, id)))
        {
            Assert.Equal(HttpStatusCode.Redirect, members.StatusCode);
            Assert.Contains("/account/sign-in", members.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // Twice from two tabs: the second is refused, and only one request is pending.
        using var person = app.CreateTestClient(culture);
        var account = await SignInPersonAsync(app, person, culture, "Layla Haddad");
        var first = await person.GetPageAsync(path);
        var second = await person.GetPageAsync(path);
        (await ExpectAsync(person.SubmitFormAsync(first, TestClient.Many(("Join.Message", "First")), "form[action*='handler=join']"), HttpStatusCode.Redirect)).Dispose();
        using (var duplicate = await ExpectAsync(person.SubmitFormAsync(second, TestClient.Many(("Join.Message", "Second")), "form[action*='handler=join']"), HttpStatusCode.OK))
        {
            Assert.Contains(alreadyPending, await ErrorsAsync(duplicate), StringComparison.Ordinal);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.OrganisationMembershipRequests.CountAsync(r => r.UserId == account.Id)));

        // A member is offered no form; a forged request is refused.
        Assert.Null((await member.GetPageAsync(path)).QuerySelector("form[action*='handler=join']"));
        using (var forged = await ExpectAsync(ForgeAsync(member, path, path + "?handler=join", new Dictionary<string, string> { ["Join.Message"] = "Me again" }), HttpStatusCode.OK))
        {
            Assert.Contains(alreadyMember, await ErrorsAsync(forged), StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.OrganisationMembershipRequests.CountAsync(r => r.UserId == founder.Id)));

        // A message over the limit is a field error, and what was typed stays in the form.
        using var third = app.CreateTestClient(culture);
        await SignInPersonAsync(app, third, culture, "Sami Nasr");
        var tooLong = new string('x', OrganisationMembershipRequest.MaxMessageLength + 1);
        using (var refused = await ExpectAsync(AskToJoinAsync(third, id, tooLong), HttpStatusCode.OK))
        {
            var form = await TestClient.ParseAsync(refused);
            Assert.NotNull(form.QuerySelector("#Join_Message-error"));
            Assert.Equal(tooLong, form.QuerySelector("#Join_Message")!.TextContent);
        }
        Assert.Equal(1, await app.WithDbAsync(db => db.OrganisationMembershipRequests.CountAsync()));
    }

    [Fact]
    public async Task Only_members_and_editors_answer_and_a_request_answered_meanwhile_is_a_conflict_not_a_second_decision()
    {
        await using var app = await EnactFactory.StartAsync();
        using var member = app.CreateTestClient("en");
        var founder = await SignInPersonAsync(app, member, "en", "Omar Khalil");
        var id = await ProjectSteps.ArrangeOrganisationAsync(app, founder.Id);
        using var newcomer = app.CreateTestClient("en");
        var person = await SignInPersonAsync(app, newcomer, "en", "Layla Haddad");
        (await ExpectAsync(AskToJoinAsync(newcomer, id, "Hello"), HttpStatusCode.Redirect)).Dispose();
        var requestId = await PendingRequestIdAsync(app, id, person.Id);
        var version = await app.WithDbAsync(db => db.OrganisationMembershipRequests.Where(r => r.Id == requestId).Select(r => r.Version).SingleAsync());

        // Someone who is neither a member nor an editor (here, the person asking) sees no list and cannot answer.
        using (var refused = await newcomer.GetAsync(MembersPath("en", id)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            var page = await TestClient.ParseAsync(refused);
            Assert.Contains("Only the organisation's members and the portal's editors can see its members and answer requests to join.", page.QuerySelector("main")!.TextContent, StringComparison.Ordinal);
            Assert.Null(page.QuerySelector(".membership-requests"));
        }
        var fields = new Dictionary<string, string> { ["RequestId"] = requestId.ToString(CultureInfo.InvariantCulture), ["Version"] = version.ToString(), ["Decision"] = "approve" };
        using (var forged = await ForgeAsync(newcomer, MembersPath("en", id), MembersPath("en", id) + "?handler=decide", fields))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
            Assert.Contains("Only the organisation's members", (await TestClient.ParseAsync(forged)).QuerySelector("main")!.TextContent, StringComparison.Ordinal);
        }
        Assert.False(await IsMemberAsync(app, id, person.Id));

        // The member opens the list; an editor declines meanwhile; the member's approval is refused as stale.
        var stale = await member.GetPageAsync(MembersPath("en", id));
        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        (await ExpectAsync(DecideAsync(app, editor, id, person.Id, approve: false), HttpStatusCode.Redirect)).Dispose();
        using (var conflict = await ExpectAsync(member.SubmitFormAsync(stale, TestClient.Many(("Decision", "approve")), $"#request-{requestId} form"), HttpStatusCode.OK))
        {
            Assert.Contains("Someone else answered this request in the meantime.", await ErrorsAsync(conflict), StringComparison.Ordinal);
            Assert.Empty((await TestClient.ParseAsync(conflict)).QuerySelectorAll(".membership-requests > li"));
        }
        Assert.False(await IsMemberAsync(app, id, person.Id));
        Assert.Equal(0, await AuditCountAsync(app, "membership.approved"));
        Assert.Equal(1, await AuditCountAsync(app, "membership.declined"));
        Assert.Single(ProjectSteps.Mail(app, person.Email));
    }

    [Theory]
    [InlineData(Provider.Sqlite)]
    [InlineData(Provider.Postgres)]
    public async Task The_database_keeps_one_pending_request_per_person_and_organisation(Provider provider)
    {
        await using var app = await EnactFactory.StartAsync(provider);
        using var client = app.CreateTestClient("en");
        var person = await SignInPersonAsync(app, client, "en", "Layla Haddad");
        var id = await ProjectSteps.ArrangeOrganisationAsync(app, null);

        OrganisationMembershipRequest Request(string status) => new() { OrganisationId = id, UserId = person.Id, Status = status, CreatedAt = DateTime.UtcNow };
        await app.WithDbAsync(async db =>
        {
            db.OrganisationMembershipRequests.AddRange(Request(MembershipRequestStatuses.Declined), Request(MembershipRequestStatuses.Declined), Request(MembershipRequestStatuses.Pending));
            return await db.SaveChangesAsync();
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            db.OrganisationMembershipRequests.Add(Request(MembershipRequestStatuses.Pending));
            return await db.SaveChangesAsync();
        }));
        Assert.Equal(3, await app.WithDbAsync(db => db.OrganisationMembershipRequests.CountAsync()));
    }

    /// <summary>A registered person with a name and a preferred language, signed in on <paramref name="client"/>.</summary>
    internal static async Task<TestAccount> SignInPersonAsync(EnactFactory app, TestClient client, string language, string name)
    {
        var account = await TestAuth.SignInDirectlyAsync(app, client, Roles.Contributor);
        await app.WithDbAsync(async db =>
        {
            var user = await db.Users.SingleAsync(u => u.Id == account.Id);
            user.PreferredLanguage = language;
            user.DisplayName = name;
            return await db.SaveChangesAsync();
        });
        return account;
    }
}
