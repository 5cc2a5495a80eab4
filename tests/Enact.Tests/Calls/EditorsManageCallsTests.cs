using System.Net;
using Enact.Core.Accounts;
using Enact.Core.Calls;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Calls.CallSteps;

namespace Enact.Tests.Calls;

/// <summary>Editors create and edit calls: local times in the call's zone, localized field errors, conflicts, who may do it.</summary>
public sealed class EditorsManageCallsTests
{
    [Fact]
    public async Task An_editor_creates_a_call_whose_local_times_are_stored_as_utc_instants_with_an_audit_entry()
    {
        await using var app = await EnactFactory.StartAsync(clock: ClockAt(March1));
        using var editor = app.CreateTestClient("ar");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);

        using var response = await editor.SubmitFormAsync("/ar/calls/manage/new", ValidForm());
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var call = await app.WithDbAsync(db => db.SubmissionCalls.SingleAsync());
        Assert.Equal($"/ar/calls/manage/{call.Id}?status=created", response.Headers.Location!.OriginalString);
        Assert.Equal("Asia/Beirut", call.TimeZone);
        // Beirut is UTC+2 in January and UTC+3 (summer time) at the end of March.
        Assert.Equal(new DateTime(2026, 12, 31, 22, 0, 0), call.OpensAt);
        Assert.Equal(new DateTime(2027, 3, 31, 20, 59, 0), call.ClosesAt);
        Assert.Equal("Describe **your project**.", call.DescriptionEn);
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "call.created"));
        Assert.Equal(call.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), audit.EntityId);

        // The edit form shows the local times back, in the call's zone.
        var page = await editor.GetPageAsync(response.Headers.Location!.OriginalString);
        Assert.Equal("2027-03-31T23:59", page.QuerySelector("#Input_ClosesAt")!.GetAttribute("value"));
        Assert.Equal("2027-01-01T00:00", page.QuerySelector("#Input_OpensAt")!.GetAttribute("value"));
        Assert.Equal("Asia/Beirut", page.QuerySelector("#Input_TimeZone option[selected]")!.GetAttribute("value"));
        Assert.NotNull(page.QuerySelector(".notice.success"));
    }

    [Theory]
    [InlineData("ar", "حقل «العنوان بالإنجليزية» مطلوب.", "يجب أن يكون موعد «الإغلاق» بعد موعد الافتتاح.", "اختر منطقة زمنية صحيحة")]
    [InlineData("en", "The field \"Title in English\" is required.", "\"Closing\" must be after the opening.", "Choose a valid time zone")]
    public async Task Missing_titles_a_closing_before_the_opening_and_an_unknown_zone_are_field_errors_in_the_page_language(
        string culture, string titleError, string orderError, string zoneError)
    {
        await using var app = await EnactFactory.StartAsync(clock: ClockAt(March1));
        using var editor = app.CreateTestClient(culture);
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);

        // Annotations first: the title is missing.
        using var missing = await editor.SubmitFormAsync($"/{culture}/calls/manage/new", ValidForm().With("Input.TitleEn", ""));
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        var page = await TestClient.ParseAsync(missing);
        Assert.Contains(titleError, page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("#Input_TitleEn", page.QuerySelector(".error-summary a")!.GetAttribute("href"));
        Assert.Equal("دعوة للخدمات الرقمية", page.QuerySelector("#Input_TitleAr")!.GetAttribute("value"));

        // Then the service's rules: the order of the dates.
        using var order = await editor.SubmitFormAsync($"/{culture}/calls/manage/new", ValidForm().With("Input.ClosesAt", "2026-12-31T10:00"));
        page = await TestClient.ParseAsync(order);
        Assert.Equal(HttpStatusCode.OK, order.StatusCode);
        Assert.Contains(orderError, page.QuerySelector("#Input_ClosesAt-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2026-12-31T10:00", page.QuerySelector("#Input_ClosesAt")!.GetAttribute("value"));

        // A zone that is not an IANA identifier (a Windows name here) is refused.
        using var zone = await editor.SubmitFormAsync($"/{culture}/calls/manage/new", ValidForm().With("Input.TimeZone", "Arab Standard Time"));
        page = await TestClient.ParseAsync(zone);
        Assert.Contains(zoneError, page.QuerySelector("#Input_TimeZone-error")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("true", page.QuerySelector("#Input_TimeZone")!.GetAttribute("aria-invalid"));

        Assert.Equal(0, await app.WithDbAsync(db => db.SubmissionCalls.CountAsync()));
    }

    [Fact]
    public async Task A_deadline_in_the_hour_skipped_by_summer_time_is_refused_and_one_in_the_repeated_hour_takes_the_later_instant()
    {
        await using var app = await EnactFactory.StartAsync(clock: ClockAt(March1));
        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);

        // Beirut moves from 00:00 to 01:00 on 28 March 2027: 00:30 does not exist that night.
        using var skipped = await editor.SubmitFormAsync("/en/calls/manage/new", ValidForm().With("Input.ClosesAt", "2027-03-28T00:30"));
        var page = await TestClient.ParseAsync(skipped);
        Assert.Contains("does not exist in this time zone", page.QuerySelector("#Input_ClosesAt-error")!.TextContent, StringComparison.Ordinal);

        // Beirut goes back from 00:00 to 23:00 on the night of 30 October 2027: 23:30 happens twice; the deadline is the second.
        using var repeated = await editor.SubmitFormAsync("/en/calls/manage/new", ValidForm().With("Input.ClosesAt", "2027-10-30T23:30"));
        Assert.Equal(HttpStatusCode.Redirect, repeated.StatusCode);
        var call = await app.WithDbAsync(db => db.SubmissionCalls.SingleAsync());
        Assert.Equal(new DateTime(2027, 10, 30, 21, 30, 0), call.ClosesAt);
    }

    [Fact]
    public async Task A_second_editor_saving_a_stale_form_gets_a_conflict_keeping_what_they_typed()
    {
        await using var app = await EnactFactory.StartAsync(clock: ClockAt(March1));
        var id = await ArrangeSampleCallAsync(app);
        using var first = app.CreateTestClient("en");
        using var second = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, first, Roles.Editor);
        await TestAuth.SignInDirectlyAsync(app, second, Roles.Administrator);

        var firstForm = await first.GetPageAsync($"/en/calls/manage/{id}");
        var secondForm = await second.GetPageAsync($"/en/calls/manage/{id}");
        using var saved = await first.SubmitFormAsync(firstForm, TestClient.Many(("Input.TitleEn", "First editor's title")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);

        using var stale = await second.SubmitFormAsync(secondForm, TestClient.Many(("Input.TitleEn", "Second editor's title")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var page = await TestClient.ParseAsync(stale);
        Assert.Contains("Someone else changed this record", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("Second editor's title", page.QuerySelector("#Input_TitleEn")!.GetAttribute("value"));
        Assert.Contains("First editor's title", page.QuerySelector(".conflict")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("First editor's title", await app.WithDbAsync(db => db.SubmissionCalls.Select(c => c.TitleEn).SingleAsync()));

        // The form now carries the current version: saving again is a deliberate overwrite.
        using var again = await second.SubmitFormAsync(page, TestClient.Many(("Input.TitleEn", "Second editor's title")));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal("Second editor's title", await app.WithDbAsync(db => db.SubmissionCalls.Select(c => c.TitleEn).SingleAsync()));
        Assert.Equal(1, await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "call.updated" && a.After!.Contains("Second editor"))));
    }

    [Theory]
    [InlineData(Roles.Contributor)]
    [InlineData(Roles.Reviewer)]
    [InlineData(Roles.FocalPoint)]
    public async Task People_who_are_not_staff_are_refused_the_editors_pages_and_posts(string role)
    {
        await using var app = await EnactFactory.StartAsync(clock: ClockAt(March1));
        var id = await ArrangeSampleCallAsync(app);
        var (draft, _) = await ArrangeDraftAsync(app, id);
        using var client = app.CreateTestClient("ar");
        await TestAuth.SignInDirectlyAsync(app, client, role, role == Roles.FocalPoint ? ["LB"] : []);

        foreach (var path in EditorPaths(id, draft))
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{role} GET {path}: got {(int)response.StatusCode}");
        }
        // With a valid antiforgery token (from the sign-out form every page carries), the post is still refused.
        var publicPage = await client.GetPageAsync($"/ar/calls/{id}");
        var token = publicPage.QuerySelector("form[action='/ar/account/sign-out'] input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        var fields = ValidForm().Append(new("__RequestVerificationToken", token)).Select(p => new KeyValuePair<string, string>(p.Key, p.Value!));
        using var create = await client.Http.PostAsync("/ar/calls/manage/new", new FormUrlEncodedContent(fields));
        Assert.Equal(HttpStatusCode.Forbidden, create.StatusCode);
        Assert.Equal(1, await app.WithDbAsync(db => db.SubmissionCalls.CountAsync()));
    }

    [Fact]
    public async Task Anonymous_visitors_are_sent_to_sign_in_from_the_editors_pages()
    {
        await using var app = await EnactFactory.StartAsync(clock: ClockAt(March1));
        var id = await ArrangeSampleCallAsync(app);
        var (draft, _) = await ArrangeDraftAsync(app, id);
        using var client = app.CreateTestClient("ar");
        foreach (var path in EditorPaths(id, draft))
        {
            using var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal($"/ar/account/sign-in?returnUrl={Uri.EscapeDataString(path)}", response.Headers.Location!.OriginalString);
        }
    }

    private static string[] EditorPaths(int id, string draft) =>
        ["/ar/calls/manage", "/ar/calls/manage/new", $"/ar/calls/manage/{id}", $"/ar/calls/{id}/submissions", $"/ar/calls/{id}/submissions/{draft}/extension"];
}
