using System.Net;
using System.Text.Json;
using AngleSharp.Html.Dom;
using Enact.Core.Accounts;
using Enact.Core.Audit;
using Enact.Core.CaseStudies;
using Enact.Core.Submissions;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static Enact.Tests.Submissions.SubmissionSteps;

namespace Enact.Tests.Submissions;

/// <summary>
/// Draft saves (buttons and autosave) of one person on one draft, less than 10 minutes apart, make one audit entry
/// whose steps and fields accumulate; submitting, every transition and other people's saves keep their own entries.
/// </summary>
public sealed class DraftAuditTests
{
    private const string DraftSaved = "case-study.draft-saved";

    [Fact]
    public async Task Saves_less_than_ten_minutes_apart_make_one_entry_with_the_steps_and_fields_accumulated()
    {
        var clock = NewClock();
        var t0 = clock.GetUtcNow().UtcDateTime;
        await using var app = await StartAppAsync(clock);
        using var owner = app.CreateTestClient();
        var account = await owner.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(owner, await CreateCallAsync(app));

        await SaveOkAsync(owner, id, "summary", ("Input.TitleAr", "بوابة الموازنة"));
        clock.Advance(TimeSpan.FromMinutes(3));
        await AutosaveAsync(owner, id, "reflections", ("Input.ResultsAr", "انخفض زمن الانتظار."));
        clock.Advance(TimeSpan.FromMinutes(9));
        await SaveOkAsync(owner, id, "description", ("Input.ProblemAr", "كانت الطلبات ورقية."));
        // A save that changes nothing writes nothing.
        await SaveOkAsync(owner, id, "description");

        var entry = Assert.Single(await EntriesAsync(app, id, DraftSaved));
        Assert.Equal(account.Id, entry.ActorId);
        Assert.Equal(t0 + TimeSpan.FromMinutes(12), entry.At);
        var after = JsonDocument.Parse(entry.After!).RootElement;
        Assert.Equal(["summary", "reflections", "description"], Strings(after, "steps"));
        Assert.Equal(["TitleAr", "ResultsAr", "ProblemAr"], Strings(after, "fields"));
        Assert.Equal(3, after.GetProperty("saves").GetInt32());
        Assert.Equal(t0, after.GetProperty("since").GetDateTime().ToUniversalTime());

        // Ten minutes without a save: the next one starts a new entry.
        clock.Advance(SubmissionService.DraftAuditWindow);
        await SaveOkAsync(owner, id, "summary", ("Input.TitleEn", "Budget portal"));
        var entries = await EntriesAsync(app, id, DraftSaved);
        Assert.Equal(2, entries.Count);
        var second = JsonDocument.Parse(entries[1].After!).RootElement;
        Assert.Equal(["TitleEn"], Strings(second, "fields"));
        Assert.Equal(1, second.GetProperty("saves").GetInt32());
        Assert.Equal(t0 + TimeSpan.FromMinutes(22), entries[1].At);
    }

    [Fact]
    public async Task Submitting_and_every_transition_keep_their_own_entries_between_the_saves()
    {
        var clock = NewClock();
        await using var app = await StartAppAsync(clock);
        using var owner = app.CreateTestClient();
        await owner.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(owner, await CreateCallAsync(app));

        await FillCompleteArabicAsync(owner, id);
        using (var submitted = await SubmitAsync(owner, id))
        {
            Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);
        }
        await MoveAsync(app, id, (CaseStudyStatus.Screening, null), (CaseStudyStatus.ChangesRequested, "أضيفوا الأرقام"));
        clock.Advance(TimeSpan.FromMinutes(1));
        await SaveOkAsync(owner, id, "reflections", ("Input.ResultsAr", "انخفض زمن المعالجة بنسبة ٦٠٪ في سنة."));
        clock.Advance(TimeSpan.FromMinutes(1));
        await AutosaveAsync(owner, id, "reflections", ("Input.ChallengesAr", "مقاومة التغيير."));
        // The answer goes back to the reviewers: a transition of its own.
        using (var again = await SubmitAsync(owner, id))
        {
            Assert.Equal(HttpStatusCode.Redirect, again.StatusCode);
        }

        var actions = (await EntriesAsync(app, id)).Select(a => a.Action).ToList();
        Assert.Equal(
            ["case-study.started", DraftSaved, "case-study.submitted", "case-study.screening", "case-study.changes-requested", DraftSaved, "case-study.in-review"],
            actions);
        var saves = await EntriesAsync(app, id, DraftSaved);
        Assert.Equal(5, JsonDocument.Parse(saves[0].After!).RootElement.GetProperty("saves").GetInt32());
        var answer = JsonDocument.Parse(saves[1].After!).RootElement;
        Assert.Equal(2, answer.GetProperty("saves").GetInt32());
        Assert.Equal(["ResultsAr", "ChallengesAr"], Strings(answer, "fields"));
    }

    [Fact]
    public async Task Another_person_saving_in_between_starts_a_new_entry_for_each()
    {
        await using var app = await StartAppAsync();
        using var owner = app.CreateTestClient();
        var ownerAccount = await owner.SignInAsAsync(Roles.Contributor);
        var id = await StartAsync(owner, await CreateCallAsync(app), country: "LB");
        using var focalPoint = app.CreateTestClient();
        var focalAccount = await focalPoint.SignInAsAsync(Roles.FocalPoint, "LB");

        await SaveOkAsync(owner, id, "summary", ("Input.TitleAr", "عنوان أول"));
        await SaveOkAsync(focalPoint, id, "summary", ("Input.TitleEn", "A title"));
        await SaveOkAsync(owner, id, "summary", ("Input.TitleAr", "عنوان ثان"));
        await SaveOkAsync(owner, id, "reflections", ("Input.ResultsAr", "نتائج"));

        var entries = await EntriesAsync(app, id, DraftSaved);
        Assert.Equal([ownerAccount.Id, focalAccount.Id, ownerAccount.Id], entries.Select(e => e.ActorId!.Value));
        Assert.Equal(["TitleAr", "ResultsAr"], Strings(JsonDocument.Parse(entries[2].After!).RootElement, "fields"));
    }

    private static Task<List<AuditEntry>> EntriesAsync(EnactFactory app, string id, string? action = null)
        => app.WithDbAsync(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "CaseStudy" && a.EntityId == id && (action == null || a.Action == action))
            .OrderBy(a => a.Id).ToListAsync());

    private static string[] Strings(JsonElement json, string property)
        => [.. json.GetProperty(property).EnumerateArray().Select(e => e.GetString()!)];

    /// <summary>Posts a step's form to its autosave handler, as autosave.js does, and expects it saved.</summary>
    private static async Task AutosaveAsync(TestClient client, string id, string step, params (string Name, string Value)[] changes)
    {
        var page = await client.GetPageAsync(StepPath(client, id, step));
        var form = (IHtmlFormElement)page.QuerySelector("#step-form")!;
        var names = changes.Select(c => c.Name).ToHashSet(StringComparer.Ordinal);
        var values = FormValues(form).Where(v => !names.Contains(v.Name)).Concat(changes)
            .Select(v => new KeyValuePair<string, string>(v.Item1, v.Item2));
        using var content = new FormUrlEncodedContent(values);
        using var response = await client.Http.PostAsync(form.GetAttribute("data-autosave"), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
