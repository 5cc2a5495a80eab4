using System.Net;
using Enact.Core.Accounts;
using Enact.Core.Organisations;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Projects.ProjectSteps;

namespace Enact.Tests.Projects;

/// <summary>An organisation member offers to collaborate on an activity; an editor answers; the answer reaches the person.</summary>
public sealed class CollaborationOfferTests
{
    [Theory]
    [InlineData("en", "Your offer to collaborate was accepted", "We would be glad to have your speakers.")]
    [InlineData("ar", "قُبل عرضك للتعاون", "يسعدنا انضمام متحدثيكم.")]
    public async Task A_member_offers_an_editor_accepts_and_the_answer_reaches_the_person_in_their_language(string language, string subject, string answer)
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        var workshop = await TrustWorkshopIdAsync(app);
        using var person = app.CreateTestClient("ar");
        var account = await SignInPersonAsync(app, person, language);
        var organisation = await ArrangeOrganisationAsync(app, account.Id);

        // The activity page offers the form for the person's organisation.
        var page = await person.GetPageAsync(ActivityPath("ar", workshop));
        Assert.Equal(organisation.ToString(System.Globalization.CultureInfo.InvariantCulture), page.QuerySelector("#Offer_OrganisationId option")!.GetAttribute("value"));
        using (var offered = await ExpectAsync(OfferAsync(person, workshop, organisation, "We can bring two speakers on digital identity."), HttpStatusCode.Redirect))
        {
            Assert.StartsWith(ActivityPath("ar", workshop) + "?status=offered", offered.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        var offer = await app.WithDbAsync(db => db.CollaborationOffers.SingleAsync());
        Assert.Equal(OfferStatuses.Open, offer.Status);
        Assert.Equal(account.Id, offer.UserId);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "offer.created")));

        // The editor sees it on the activity's offers page and accepts it with a message.
        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var offersPath = ActivityPath("en", workshop) + "/offers";
        var offers = await editor.GetPageAsync(offersPath);
        Assert.Contains("We can bring two speakers", offers.QuerySelector($"#offer-{offer.Id} .proposal")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Arab Digital Trust Network", offers.QuerySelector($"#offer-{offer.Id}")!.TextContent, StringComparison.Ordinal);
        Assert.Contains("Unverified", offers.QuerySelector($"#offer-{offer.Id}")!.TextContent, StringComparison.Ordinal);
        using (var answered = await ExpectAsync(editor.SubmitFormAsync(offers, TestClient.Many(("Answer.Text", answer), ("Answer.Decision", "accept")), $"#offer-{offer.Id} form"), HttpStatusCode.Redirect))
        {
            Assert.StartsWith(offersPath + "?status=answered", answered.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        offer = await app.WithDbAsync(db => db.CollaborationOffers.SingleAsync());
        Assert.Equal(OfferStatuses.Accepted, offer.Status);
        Assert.Equal(answer, offer.Answer);
        Assert.NotNull(offer.AnsweredAt);
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "offer.accepted")));

        var mail = Assert.Single(Mail(app, account.Email));
        Assert.StartsWith(subject, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(answer, mail.TextBody, StringComparison.Ordinal);
        Assert.Equal($"/{language}/organisations/my-offers", TestClient.LinkInMail(app, account.Email, "/my-offers"));

        // The person's page of offers shows the status and the answer.
        var mine = await person.GetPageAsync($"/{language}/organisations/my-offers");
        Assert.Contains(answer, mine.QuerySelector($"#offer-{offer.Id} .answer")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(language == "en" ? "Accepted" : "مقبول", mine.QuerySelector($"#offer-{offer.Id} .offer-status")!.TextContent);

        // An open offer only: answering again from the old page is refused.
        using var again = await editor.SubmitFormAsync(offers, TestClient.Many(("Answer.Text", "No."), ("Answer.Decision", "decline")), $"#offer-{offer.Id} form");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Contains("Another editor answered this offer", (await TestClient.ParseAsync(again)).QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal(OfferStatuses.Accepted, await app.WithDbAsync(db => db.CollaborationOffers.Select(o => o.Status).SingleAsync()));
        Assert.Single(Mail(app, account.Email));
    }

    [Fact]
    public async Task Anonymous_people_and_non_members_cannot_offer()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        var workshop = await TrustWorkshopIdAsync(app);
        var someoneElse = await TestClient.CreateAccountAsync(app, Roles.Contributor);
        var organisation = await ArrangeOrganisationAsync(app, someoneElse.Id);

        // A signed-in person without an organisation is pointed to the directory, and cannot post for someone else's.
        using var person = app.CreateTestClient("en");
        await SignInPersonAsync(app, person, "en");
        var page = await person.GetPageAsync(ActivityPath("en", workshop));
        Assert.Null(page.QuerySelector("form[action*='handler=offer']"));
        Assert.NotNull(page.QuerySelector("#offer a[href='/en/organisations/new']"));
        var token = await AntiforgeryFromAsync(person, "/en/organisations/new");
        using (var forged = await person.Http.PostAsync(ActivityPath("en", workshop) + "?handler=offer", Form(token, organisation)))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        // Anonymous: sent to sign in.
        using var anonymous = app.CreateTestClient("en");
        var anonymousToken = await AntiforgeryFromAsync(anonymous, "/en/account/sign-in");
        using (var response = await anonymous.Http.PostAsync(ActivityPath("en", workshop) + "?handler=offer", Form(anonymousToken, organisation)))
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/en/account/sign-in", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }
        Assert.Equal(0, await app.WithDbAsync(db => db.CollaborationOffers.CountAsync()));
    }

    [Theory]
    [InlineData("ar", "حقل «ما تقترحه» مطلوب.")]
    [InlineData("en", "The field \"What you propose\" is required.")]
    public async Task An_empty_proposal_is_a_field_error_in_the_page_language(string culture, string message)
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        var workshop = await TrustWorkshopIdAsync(app);
        using var person = app.CreateTestClient(culture);
        var account = await SignInPersonAsync(app, person, culture);
        var organisation = await ArrangeOrganisationAsync(app, account.Id);

        using var response = await OfferAsync(person, workshop, organisation, "   ");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await TestClient.ParseAsync(response);
        Assert.Contains(message, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Offer_Proposal", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("true", page.QuerySelector("#Offer_Proposal")!.GetAttribute("aria-invalid"));
        Assert.Equal(0, await app.WithDbAsync(db => db.CollaborationOffers.CountAsync()));
    }

    [Fact]
    public async Task Only_staff_answer_and_an_answer_needs_a_message()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        var workshop = await TrustWorkshopIdAsync(app);
        using var person = app.CreateTestClient("en");
        var account = await SignInPersonAsync(app, person, "en");
        var organisation = await ArrangeOrganisationAsync(app, account.Id);
        (await ExpectAsync(OfferAsync(person, workshop, organisation, "A venue in Amman."), HttpStatusCode.Redirect)).Dispose();
        var offer = await app.WithDbAsync(db => db.CollaborationOffers.SingleAsync());

        // The person cannot answer their own offer.
        var token = await AntiforgeryFromAsync(person, "/en/organisations/new");
        using (var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Answer.OfferId"] = offer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Answer.Version"] = offer.Version.ToString(),
            ["Answer.Text"] = "Accepted by myself",
            ["Answer.Decision"] = "accept",
        }))
        using (var response = await person.Http.PostAsync(ActivityPath("en", workshop) + "/offers", content))
        {
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var editor = app.CreateTestClient("ar");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var offers = await editor.GetPageAsync(ActivityPath("ar", workshop) + "/offers");
        using var empty = await editor.SubmitFormAsync(offers, TestClient.Many(("Answer.Text", ""), ("Answer.Decision", "decline")), $"#offer-{offer.Id} form");
        Assert.Equal(HttpStatusCode.OK, empty.StatusCode);
        var page = await TestClient.ParseAsync(empty);
        Assert.Contains("حقل «الرد» مطلوب.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal($"#answer-{offer.Id}", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal(OfferStatuses.Open, await app.WithDbAsync(db => db.CollaborationOffers.Select(o => o.Status).SingleAsync()));
        Assert.Empty(Mail(app, account.Email));
    }

    private static async Task<string> AntiforgeryFromAsync(TestClient client, string path)
    {
        var page = await client.GetPageAsync(path);
        return page.QuerySelector("input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
    }

    private static FormUrlEncodedContent Form(string token, int organisation) => new(new Dictionary<string, string>
    {
        ["__RequestVerificationToken"] = token,
        ["Offer.OrganisationId"] = organisation.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Offer.Proposal"] = "We propose a session.",
    });
}
