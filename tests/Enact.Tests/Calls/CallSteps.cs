using System.Net;
using Enact.Core.Calls;
using Enact.Core.CaseStudies;
using Enact.Core.Data;
using Enact.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Enact.Tests.Calls;

/// <summary>Intent helpers for calls: arranging calls and drafts in the database, filling the editors' form.</summary>
public static class CallSteps
{
    /// <summary>1 March 2027, 09:00 UTC: a month before the sample call's deadline.</summary>
    public static readonly DateTimeOffset March1 = new(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);

    /// <summary>31 March 2027, 23:59 in Beirut (summer time, UTC+3) is 20:59 UTC.</summary>
    public static readonly DateTime SampleDeadlineUtc = new(2027, 3, 31, 20, 59, 0, DateTimeKind.Utc);

    public static FakeTimeProvider ClockAt(DateTimeOffset at) => new(at);

    /// <summary>The editors' form with valid values: open from 1 January 2027 to 31 March 2027, 23:59, Beirut time.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> ValidForm(string titleEn = "Call for digital services", string? version = null)
        => TestClient.Many(
            ("Input.TitleAr", "دعوة للخدمات الرقمية"),
            ("Input.TitleEn", titleEn),
            ("Input.DescriptionAr", "صف **مشروعك**."),
            ("Input.DescriptionEn", "Describe **your project**."),
            ("Input.OpensAt", "2027-01-01T00:00"),
            ("Input.ClosesAt", "2027-03-31T23:59"),
            ("Input.TimeZone", "Asia/Beirut"));

    public static IEnumerable<KeyValuePair<string, string?>> With(this IEnumerable<KeyValuePair<string, string?>> form, string key, string? value)
        => form.Where(f => f.Key != key).Append(new(key, value));

    /// <summary>A call straight in the database (opening and closing as UTC instants).</summary>
    public static async Task<int> ArrangeCallAsync(EnactFactory app, DateTime opensUtc, DateTime closesUtc, string zone = "Asia/Beirut",
        string titleEn = "Inclusive services", string titleAr = "الخدمات الشاملة", string? descriptionEn = null, string? descriptionAr = null)
        => await app.WithDbAsync(async db =>
        {
            var call = new SubmissionCall
            {
                TitleAr = titleAr,
                TitleEn = titleEn,
                DescriptionAr = descriptionAr,
                DescriptionEn = descriptionEn,
                OpensAt = opensUtc,
                ClosesAt = closesUtc,
                TimeZone = zone,
                CreatedAt = opensUtc,
            };
            db.SubmissionCalls.Add(call);
            await db.SaveChangesAsync();
            return call.Id;
        });

    /// <summary>The sample call: 1 January 2027 00:00 to 31 March 2027 23:59, Beirut time.</summary>
    public static Task<int> ArrangeSampleCallAsync(EnactFactory app, string? descriptionEn = null)
        => ArrangeCallAsync(app, new DateTime(2026, 12, 31, 22, 0, 0, DateTimeKind.Utc), SampleDeadlineUtc, descriptionEn: descriptionEn);

    /// <summary>A person's case study answering a call, in the given state; the person prefers <paramref name="language"/>.</summary>
    public static async Task<(string Id, TestAccount Owner)> ArrangeDraftAsync(EnactFactory app, int callId, string language = "ar",
        CaseStudyStatus status = CaseStudyStatus.Draft, DateTime? extendedUntil = null, string? id = null)
    {
        var owner = await TestClient.CreateAccountAsync(app, Enact.Core.Accounts.Roles.Contributor);
        id ??= "draft-" + Guid.NewGuid().ToString("N")[..12];
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<EnactDbContext>();
        var user = await db.Users.SingleAsync(u => u.Id == owner.Id);
        user.PreferredLanguage = language;
        db.CaseStudies.Add(new CaseStudy
        {
            Id = id,
            CountryCode = "LB",
            YearLaunched = 2024,
            TitleAr = "بوابة التراخيص الرقمية",
            TitleEn = "Digital permits portal",
            CallId = callId,
            OwnerId = owner.Id,
            Status = status,
            ExtendedUntil = extendedUntil,
            CreatedAt = new DateTime(2027, 1, 10, 0, 0, 0, DateTimeKind.Utc),
            UpdatedAt = new DateTime(2027, 1, 10, 0, 0, 0, DateTimeKind.Utc),
        });
        await db.SaveChangesAsync();
        return (id, owner);
    }

    public static async Task<int> SendRemindersAsync(EnactFactory app, DateTimeOffset at)
    {
        await using var scope = app.Scope();
        return await scope.ServiceProvider.GetRequiredService<SubmissionReminderService>().SendDueRemindersAsync(at.UtcDateTime);
    }

    public static IReadOnlyList<MimeKit.MimeMessage> Mail(EnactFactory app, string address)
        => Directory.Exists(Path.Combine(app.DataDirectory, "mail")) ? TestClient.MailTo(app, address) : [];

    public static async Task<HttpResponseMessage> ExpectStatusAsync(Task<HttpResponseMessage> request, HttpStatusCode expected)
    {
        var response = await request;
        Assert.True(response.StatusCode == expected, $"expected {(int)expected}, got {(int)response.StatusCode} {response.Headers.Location}");
        return response;
    }
}
