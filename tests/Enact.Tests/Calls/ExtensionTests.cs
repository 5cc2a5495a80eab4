using System.Net;
using Enact.Core.Accounts;
using Enact.Core.CaseStudies;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Calls.CallSteps;

namespace Enact.Tests.Calls;

/// <summary>An editor grants one submission more time: stored, audited, and mailed to the owner in their language.</summary>
public sealed class ExtensionTests
{
    [Fact]
    public async Task An_editor_extends_a_draft_past_the_deadline_and_the_owner_is_told_in_english()
    {
        await using var app = await EnactFactory.StartAsync(clock: ClockAt(new DateTimeOffset(2027, 4, 2, 8, 0, 0, TimeSpan.Zero)));
        var id = await ArrangeSampleCallAsync(app);
        var (draft, owner) = await ArrangeDraftAsync(app, id, language: "en");
        var (submitted, _) = await ArrangeDraftAsync(app, id, status: CaseStudyStatus.Submitted);
        using var editor = app.CreateTestClient("ar");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);

        var list = await editor.GetPageAsync($"/ar/calls/{id}/submissions");
        Assert.Equal(2, list.QuerySelectorAll("tbody tr").Length);
        var draftRow = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(draft, StringComparison.Ordinal));
        var submittedRow = list.QuerySelectorAll("tbody tr").Single(r => r.TextContent.Contains(submitted, StringComparison.Ordinal));
        Assert.Contains("مسودة", draftRow.TextContent, StringComparison.Ordinal);
        Assert.Contains("مُقدَّمة", submittedRow.TextContent, StringComparison.Ordinal);
        Assert.Contains(owner.Email, draftRow.TextContent, StringComparison.Ordinal);
        Assert.NotNull(draftRow.QuerySelector($"a[href='/ar/calls/{id}/submissions/{draft}/extension']"));
        Assert.Null(submittedRow.QuerySelector("a"));

        using var granted = await editor.SubmitFormAsync($"/ar/calls/{id}/submissions/{draft}/extension",
            TestClient.Many(("Input.ExtendedUntil", "2027-04-10T18:00"), ("Input.Reason", "انقطاع الكهرباء في المؤسسة")));
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        Assert.Equal($"/ar/calls/{id}/submissions?status=extended", granted.Headers.Location!.OriginalString);

        // 18:00 in Beirut (UTC+3) is 15:00 UTC.
        var until = await app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == draft).Select(c => c.ExtendedUntil).SingleAsync());
        Assert.Equal(new DateTime(2027, 4, 10, 15, 0, 0), until);
        var audit = await app.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == "case-study.extension-granted"));
        Assert.Equal(draft, audit.EntityId);
        Assert.Equal("انقطاع الكهرباء في المؤسسة", System.Text.Json.JsonDocument.Parse(audit.After!).RootElement.GetProperty("reason").GetString());
        Assert.NotNull(audit.ActorId);

        var mail = Assert.Single(Mail(app, owner.Email));
        Assert.Equal("Extension for \"Digital permits portal\"", mail.Subject);
        Assert.Contains("until 10 April 2027, 18:00 Beirut time", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("Reason: انقطاع الكهرباء في المؤسسة", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal($"/en/case-studies/submissions/{draft}", TestClient.LinkInMail(app, owner.Email, "/case-studies/submissions/"));

        list = await editor.GetPageAsync($"/ar/calls/{id}/submissions?status=extended");
        AngleSharp.Dom.IDocument page;
        Assert.NotNull(list.QuerySelector(".notice.success"));
        Assert.Equal("2027-04-10T18:00:00+03:00", list.QuerySelector("tbody tr time")!.GetAttribute("datetime"));

        // A submitted case study gets no extension, even by a crafted post.
        var token = list.QuerySelector("input[name=__RequestVerificationToken]")!.GetAttribute("value")!;
        using var crafted = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token,
            ["Input.Seen"] = "",
            ["Input.ExtendedUntil"] = "2027-04-12T18:00",
            ["Input.Reason"] = "Crafted",
        });
        using var refused = await editor.Http.PostAsync($"/ar/calls/{id}/submissions/{submitted}/extension", crafted);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        page = await TestClient.ParseAsync(refused);
        Assert.Contains("لا يُمنح التمديد إلا لمسودة", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == submitted).Select(c => c.ExtendedUntil).SingleAsync()));
    }

    [Fact]
    public async Task An_extension_needs_a_reason_and_a_time_after_the_deadline_and_an_arabic_owner_is_mailed_in_arabic()
    {
        await using var app = await EnactFactory.StartAsync(clock: ClockAt(March1));
        var id = await ArrangeSampleCallAsync(app);
        var (draft, owner) = await ArrangeDraftAsync(app, id, language: "ar");
        using var editor = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, editor, Roles.Editor);
        var path = $"/en/calls/{id}/submissions/{draft}/extension";

        using var noReason = await editor.SubmitFormAsync(path, TestClient.Many(("Input.ExtendedUntil", "2027-04-10T18:00"), ("Input.Reason", "")));
        var page = await TestClient.ParseAsync(noReason);
        Assert.Contains("The field \"Reason\" is required.", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);

        using var early = await editor.SubmitFormAsync(path, TestClient.Many(("Input.ExtendedUntil", "2027-03-30T18:00"), ("Input.Reason", "Late partner")));
        page = await TestClient.ParseAsync(early);
        Assert.Contains("must be after the call's deadline", page.QuerySelector("#Input_ExtendedUntil-error")!.TextContent, StringComparison.Ordinal);
        Assert.Null(await app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == draft).Select(c => c.ExtendedUntil).SingleAsync()));

        using var granted = await editor.SubmitFormAsync(path, TestClient.Many(("Input.ExtendedUntil", "2027-04-03T12:00"), ("Input.Reason", "Late partner")));
        Assert.Equal(HttpStatusCode.Redirect, granted.StatusCode);
        var mail = Assert.Single(Mail(app, owner.Email));
        Assert.Equal("تمديد موعد تقديم «بوابة التراخيص الرقمية»", mail.Subject);
        Assert.Contains("12:00 بتوقيت بيروت", mail.TextBody, StringComparison.Ordinal);
        Assert.Equal($"/ar/case-studies/submissions/{draft}", TestClient.LinkInMail(app, owner.Email, "/case-studies/submissions/"));
    }

    [Fact]
    public async Task Two_editors_extending_the_same_draft_do_not_overwrite_each_other_silently()
    {
        await using var app = await EnactFactory.StartAsync(clock: ClockAt(March1));
        var id = await ArrangeSampleCallAsync(app);
        var (draft, _) = await ArrangeDraftAsync(app, id, language: "en");
        using var first = app.CreateTestClient("en");
        using var second = app.CreateTestClient("en");
        await TestAuth.SignInDirectlyAsync(app, first, Roles.Editor);
        await TestAuth.SignInDirectlyAsync(app, second, Roles.Editor);
        var path = $"/en/calls/{id}/submissions/{draft}/extension";
        var firstForm = await first.GetPageAsync(path);
        var secondForm = await second.GetPageAsync(path);

        using var a = await first.SubmitFormAsync(firstForm, TestClient.Many(("Input.ExtendedUntil", "2027-04-05T12:00"), ("Input.Reason", "First")));
        Assert.Equal(HttpStatusCode.Redirect, a.StatusCode);
        using var b = await second.SubmitFormAsync(secondForm, TestClient.Many(("Input.ExtendedUntil", "2027-04-20T12:00"), ("Input.Reason", "Second")));
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        var page = await TestClient.ParseAsync(b);
        Assert.Contains("Someone else changed this record", page.QuerySelector(".error-summary")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("2027-04-20T12:00", page.QuerySelector("#Input_ExtendedUntil")!.GetAttribute("value"));
        Assert.Equal(new DateTime(2027, 4, 5, 9, 0, 0), await app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == draft).Select(c => c.ExtendedUntil).SingleAsync()));

        using var again = await second.SubmitFormAsync(page, TestClient.Many(("Input.Reason", "Second")));
        Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        Assert.Equal(new DateTime(2027, 4, 20, 9, 0, 0), await app.WithDbAsync(db => db.CaseStudies.Where(c => c.Id == draft).Select(c => c.ExtendedUntil).SingleAsync()));
        Assert.Equal(2, await app.WithDbAsync(db => db.AuditEntries.CountAsync(e => e.Action == "case-study.extension-granted")));
    }
}
