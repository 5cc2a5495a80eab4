using Enact.Core.Calls;
using Enact.Core.CaseStudies;
using Enact.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using static Enact.Tests.Calls.CallSteps;

namespace Enact.Tests.Calls;

/// <summary>Owners of unfinished drafts are reminded a week and a day before the deadline, each reminder exactly once.</summary>
public sealed class DeadlineReminderTests
{
    private static readonly DateTimeOffset Deadline = new(SampleDeadlineUtc);

    [Fact]
    public async Task A_draft_owner_is_reminded_once_a_week_before_and_once_a_day_before_in_their_language()
    {
        await using var app = await EnactFactory.StartAsync(clock: ClockAt(March1));
        var id = await ArrangeSampleCallAsync(app);
        var (draft, owner) = await ArrangeDraftAsync(app, id, language: "en");
        var (changes, changesOwner) = await ArrangeDraftAsync(app, id, language: "ar", status: CaseStudyStatus.ChangesRequested);
        var (submitted, submittedOwner) = await ArrangeDraftAsync(app, id, status: CaseStudyStatus.Submitted);

        // More than a week before: nothing yet.
        Assert.Equal(0, await SendRemindersAsync(app, Deadline.AddDays(-8)));
        Assert.Empty(Mail(app, owner.Email));

        Assert.Equal(2, await SendRemindersAsync(app, Deadline.AddDays(-7)));
        var week = Assert.Single(Mail(app, owner.Email));
        Assert.Equal("Reminder: one week left to submit \"Digital permits portal\"", week.Subject);
        Assert.Contains("31 March 2027, 23:59 Beirut time", week.TextBody, StringComparison.Ordinal);
        Assert.Equal($"/en/case-studies/submissions/{draft}", TestClient.LinkInMail(app, owner.Email, "/case-studies/submissions/"));
        var arabic = Assert.Single(Mail(app, changesOwner.Email));
        Assert.Equal("تذكير: أسبوع لتقديم «بوابة التراخيص الرقمية»", arabic.Subject);
        Assert.Contains("23:59 بتوقيت بيروت", arabic.TextBody, StringComparison.Ordinal);

        // Later runs in the same week send nothing again.
        Assert.Equal(0, await SendRemindersAsync(app, Deadline.AddDays(-7).AddMinutes(5)));
        Assert.Equal(0, await SendRemindersAsync(app, Deadline.AddDays(-3)));
        Assert.Single(Mail(app, owner.Email));

        Assert.Equal(2, await SendRemindersAsync(app, Deadline.AddDays(-1)));
        Assert.Equal(0, await SendRemindersAsync(app, Deadline.AddHours(-2)));
        // The app's clock stands still in this test, so the files' order says nothing: compare the subjects.
        Assert.Equal(
            ["Reminder: one day left to submit \"Digital permits portal\"", "Reminder: one week left to submit \"Digital permits portal\""],
            Mail(app, owner.Email).Select(m => m.Subject).Order(StringComparer.Ordinal));

        // After the deadline, nothing; the submitted case study never had a reminder.
        Assert.Equal(0, await SendRemindersAsync(app, Deadline.AddHours(1)));
        Assert.Empty(Mail(app, submittedOwner.Email));
        var kinds = await app.WithDbAsync(db => db.SubmissionReminders.OrderBy(r => r.Id).Select(r => r.CaseStudyId + ":" + r.Kind).ToListAsync());
        Assert.Equal(4, kinds.Count);
        Assert.DoesNotContain(kinds, k => k.StartsWith(submitted, StringComparison.Ordinal));
        Assert.Contains($"{changes}:{SubmissionReminder.DayBefore}", kinds);
    }

    [Fact]
    public async Task A_draft_first_seen_less_than_a_day_before_gets_only_the_day_reminder_and_an_extension_moves_the_deadline()
    {
        await using var app = await EnactFactory.StartAsync(clock: ClockAt(March1));
        var id = await ArrangeSampleCallAsync(app);
        var (late, lateOwner) = await ArrangeDraftAsync(app, id, language: "en");
        var extendedUntil = SampleDeadlineUtc.AddDays(10);
        var (extended, extendedOwner) = await ArrangeDraftAsync(app, id, language: "en", extendedUntil: extendedUntil);

        Assert.Equal(1, await SendRemindersAsync(app, Deadline.AddHours(-12)));
        var mail = Assert.Single(Mail(app, lateOwner.Email));
        Assert.Contains("one day left", mail.Subject, StringComparison.Ordinal);
        Assert.Equal(0, await SendRemindersAsync(app, Deadline.AddHours(-6)));
        Assert.Equal([SubmissionReminder.DayBefore], await app.WithDbAsync(db => db.SubmissionReminders.Where(r => r.CaseStudyId == late).Select(r => r.Kind).ToListAsync()));

        // The extended draft is reminded against its own deadline, not the call's.
        Assert.Empty(Mail(app, extendedOwner.Email));
        Assert.Equal(1, await SendRemindersAsync(app, new DateTimeOffset(extendedUntil.AddDays(-7))));
        var week = Assert.Single(Mail(app, extendedOwner.Email));
        Assert.Contains("10 April 2027, 23:59 Beirut time", week.TextBody, StringComparison.Ordinal);
        Assert.Equal(1, await SendRemindersAsync(app, new DateTimeOffset(extendedUntil.AddHours(-23))));
        Assert.Equal(2, Mail(app, extendedOwner.Email).Count);
        _ = extended;
    }

    [Fact]
    public async Task The_worker_sends_due_reminders_when_its_interval_passes_on_the_injected_clock()
    {
        var clock = new FakeTimeProvider(Deadline.AddDays(-7).AddMinutes(-1));
        await using var app = await EnactFactory.StartAsync(clock: clock, settings: new Dictionary<string, string?> { ["Calls:ReminderPollMinutes"] = "5" });
        var id = await ArrangeSampleCallAsync(app);
        var (_, owner) = await ArrangeDraftAsync(app, id, language: "en");

        clock.Advance(TimeSpan.FromMinutes(5));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(50, TestContext.Current.CancellationToken);
            try
            {
                if (Mail(app, owner.Email).Count > 0)
                {
                    break;
                }
            }
            catch (IOException)
            {
                // The worker is still writing the message.
            }
        }
        var mail = Assert.Single(Mail(app, owner.Email));
        Assert.Contains("one week left", mail.Subject, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_on_one_postgresql_database_running_at_the_same_moment_send_each_reminder_once()
    {
        TestPostgres.RequireServer();
        await using var first = await EnactFactory.StartAsync(Provider.Postgres, clock: ClockAt(March1));
        await using var second = await EnactFactory.StartAsync(Provider.Postgres, clock: ClockAt(March1), sharedConnectionString: first.ConnectionString);
        var id = await ArrangeSampleCallAsync(first);
        var owners = new List<TestAccount>();
        for (var i = 0; i < 5; i++)
        {
            owners.Add((await ArrangeDraftAsync(first, id, language: i % 2 == 0 ? "en" : "ar")).Owner);
        }

        for (var round = 0; round < 3; round++)
        {
            var at = Deadline.AddDays(-7).AddMinutes(round);
            var sent = await Task.WhenAll(SendRemindersAsync(first, at), SendRemindersAsync(second, at), SendRemindersAsync(first, at), SendRemindersAsync(second, at));
            Assert.Equal(round == 0 ? 5 : 0, sent.Sum());
        }
        foreach (var owner in owners)
        {
            Assert.Single(Mail(first, owner.Email).Concat(Mail(second, owner.Email)));
        }
        Assert.Equal(5, await first.WithDbAsync(db => db.SubmissionReminders.CountAsync()));
    }
}
