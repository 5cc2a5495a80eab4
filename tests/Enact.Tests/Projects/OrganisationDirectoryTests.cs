using System.Net;
using Enact.Core.Accounts;
using Enact.Core.Organisations;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Projects.ProjectSteps;

namespace Enact.Tests.Projects;

/// <summary>The directory of organisations: members keep their entry, editors verify it, anyone filters the list.</summary>
public sealed class OrganisationDirectoryTests
{
    private static IEnumerable<KeyValuePair<string, string?>> ValidForm(string nameEn = "Open Data Lab") => TestClient.Many(
        ("Input.NameAr", "مختبر البيانات المفتوحة"),
        ("Input.NameEn", nameEn),
        ("Input.Type", OrganisationTypes.Academia),
        ("Input.CountryCode", "JO"),
        ("Input.Website", "https://lab.example.org"));

    [Fact]
    public async Task A_registered_person_adds_an_organisation_becomes_its_member_and_it_is_listed_unverified()
    {
        await using var app = await EnactFactory.StartAsync(demoContent: true);
        using var person = app.CreateTestClient("en");
        var account = await SignInPersonAsync(app, person, "en");

        using var created = await ExpectAsync(person.SubmitFormAsync("/en/organisations/new", ValidForm()), HttpStatusCode.Redirect);
        var organisation = await app.WithDbAsync(db => db.Organisations.SingleAsync(o => o.NameEn == "Open Data Lab"));
        Assert.Equal($"/en/organisations/{organisation.Id}?status=created", created.Headers.Location!.OriginalString);
        Assert.False(organisation.Verified);
        Assert.True(await app.WithDbAsync(db => db.OrganisationMembers.AnyAsync(m => m.OrganisationId == organisation.Id && m.UserId == account.Id)));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "organisation.created")));

        var page = await person.GetPageAsync($"/en/organisations/{organisation.Id}");
        Assert.NotNull(page.QuerySelector(".badge.unverified"));
        Assert.NotNull(page.QuerySelector($"a[href='/en/organisations/{organisation.Id}/edit']"));

        // Filters by type and country: the demo's regional organisation in Lebanon and this academic one in Jordan.
        using var reader = app.CreateTestClient("ar");
        var academia = await reader.GetPageAsync("/ar/organisations?type=academia&country=JO");
        var names = academia.QuerySelectorAll(".organisations li").Select(li => li.TextContent).ToList();
        Assert.Single(names);
        Assert.Contains("مختبر البيانات المفتوحة", names[0], StringComparison.Ordinal);
        Assert.Contains("غير موثّقة", names[0], StringComparison.Ordinal);
        var regional = await reader.GetPageAsync("/ar/organisations?type=regional-international");
        Assert.All(regional.QuerySelectorAll(".organisations li"), li => Assert.Contains("منظمة إقليمية أو دولية", li.TextContent, StringComparison.Ordinal));
        Assert.Empty((await reader.GetPageAsync("/ar/organisations?country=LB&type=academia")).QuerySelectorAll(".organisations li"));
    }

    [Theory]
    [InlineData("ar", "حقل «الاسم بالإنجليزية» مطلوب.", "أدخل عنوانًا صحيحًا يبدأ بـ http:// أو https:// في «الموقع الإلكتروني».")]
    [InlineData("en", "The field \"Name in English\" is required.", "Enter a valid address starting with http:// or https:// in \"Website\".")]
    public async Task Missing_names_and_a_wrong_website_are_field_errors_in_the_page_language(string culture, string nameError, string websiteError)
    {
        await using var app = await EnactFactory.StartAsync();
        using var person = app.CreateTestClient(culture);
        await SignInPersonAsync(app, person, culture);

        using var missing = await person.SubmitFormAsync($"/{culture}/organisations/new", ValidForm().Where(f => f.Key != "Input.NameEn").Append(new("Input.NameEn", "")));
        var page = await TestClient.ParseAsync(missing);
        Assert.Contains(nameError, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        using var website = await person.SubmitFormAsync($"/{culture}/organisations/new", ValidForm().Where(f => f.Key != "Input.Website").Append(new("Input.Website", "javascript:alert(1)")));
        page = await TestClient.ParseAsync(website);
        Assert.Equal(websiteError, page.QuerySelector("#Input_Website-error")!.TextContent);
        Assert.Equal("javascript:alert(1)", page.QuerySelector("#Input_Website")!.GetAttribute("value"));
        Assert.Equal(0, await app.WithDbAsync(db => db.Organisations.CountAsync()));

        using var anonymous = app.CreateTestClient(culture);
        using var redirect = await anonymous.GetAsync($"/{culture}/organisations/new");
        Assert.Equal(HttpStatusCode.Redirect, redirect.StatusCode);
    }

    [Fact]
    public async Task Members_edit_their_organisation_others_cannot_and_a_stale_form_is_a_conflict()
    {
        await using var app = await EnactFactory.StartAsync();
        using var member = app.CreateTestClient("en");
        var account = await SignInPersonAsync(app, member, "en");
        var id = await ArrangeOrganisationAsync(app, account.Id);
        var path = $"/en/organisations/{id}/edit";

        using var outsider = app.CreateTestClient("en");
        await SignInPersonAsync(app, outsider, "en");
        using (var refused = await outsider.GetAsync(path))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        var stale = await member.GetPageAsync(path);
        (await ExpectAsync(member.SubmitFormAsync(path, TestClient.Many(("Input.NameEn", "Arab Trust Network"))), HttpStatusCode.Redirect)).Dispose();
        Assert.Equal("Arab Trust Network", await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.NameEn).SingleAsync()));

        using var conflict = await member.SubmitFormAsync(stale, TestClient.Many(("Input.NameEn", "Another name")));
        Assert.Equal(HttpStatusCode.OK, conflict.StatusCode);
        var page = await TestClient.ParseAsync(conflict);
        Assert.Contains("Arab Trust Network", page.QuerySelector(".notice.conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Another name", page.QuerySelector("#Input_NameEn")!.GetAttribute("value"));
        Assert.Equal("Arab Trust Network", await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.NameEn).SingleAsync()));
    }

    [Fact]
    public async Task Editors_verify_organisations_with_an_audit_entry_and_others_cannot()
    {
        await using var app = await EnactFactory.StartAsync();
        using var member = app.CreateTestClient("en");
        var account = await SignInPersonAsync(app, member, "en");
        var id = await ArrangeOrganisationAsync(app, account.Id);
        var path = $"/en/organisations/{id}";

        // A member sees no verification form, and a forged post is refused.
        var memberPage = await member.GetPageAsync(path);
        Assert.Null(memberPage.QuerySelector("form[action*='handler=verify']"));
        var version = await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Version).SingleAsync());
        var token = memberPage.QuerySelector("header input[name='__RequestVerificationToken']")!.GetAttribute("value")!;
        using (var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token, ["Version"] = version.ToString(), ["Verify"] = "true" }))
        using (var forged = await member.Http.PostAsync(path + "?handler=verify", content))
        {
            Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
        }

        using var editor = app.CreateTestClient("ar");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        using var verified = await ExpectAsync(editor.SubmitFormAsync($"/ar/organisations/{id}", [], "form[action*='handler=verify']"), HttpStatusCode.Redirect);
        Assert.Equal($"/ar/organisations/{id}?status=verified", verified.Headers.Location!.OriginalString);
        Assert.True(await app.WithDbAsync(db => db.Organisations.Where(o => o.Id == id).Select(o => o.Verified).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "organisation.verified" && a.EntityId == id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var page = await editor.GetPageAsync($"/ar/organisations/{id}");
        Assert.Null(page.QuerySelector(".badge.unverified"));
    }
}
