using Enact.Core.Events;
using Enact.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Enact.Tests.Events;

/// <summary>Intent helpers for event tests: arrange events directly, register through the page.</summary>
public static class EventSteps
{
    public static async Task<PortalEvent> CreateEventAsync(EnactFactory app, DateTime startsUtc, TimeSpan? length = null, int? capacity = null,
        string zone = "Asia/Beirut", string? slug = null, DateTime? registrationOpens = null, string? onlineLink = "https://meet.example/secret-room")
    {
        await using var scope = app.Scope();
        var db = scope.ServiceProvider.GetRequiredService<Enact.Core.Data.EnactDbContext>();
        var e = new PortalEvent
        {
            Slug = slug ?? "event-" + Guid.NewGuid().ToString("N")[..8],
            Kind = EventKinds.Workshop,
            Format = EventFormats.Hybrid,
            TitleAr = "ورشة تجريبية",
            TitleEn = "Test workshop",
            SummaryAr = "نبذة",
            SummaryEn = "Summary",
            TimeZone = zone,
            StartsAt = startsUtc,
            EndsAt = startsUtc + (length ?? TimeSpan.FromHours(3)),
            PlatformName = "Zoom",
            OnlineLink = onlineLink,
            VenueAr = "بيت الأمم المتحدة",
            VenueEn = "UN House",
            RegistrationOpensAt = registrationOpens ?? startsUtc.AddDays(-30),
            Capacity = capacity,
            Published = true,
            CreatedAt = startsUtc.AddDays(-60),
            UpdatedAt = startsUtc.AddDays(-60),
        };
        db.Events.Add(e);
        await db.SaveChangesAsync();
        return e;
    }

    /// <summary>Registers through the page's form; fails the test with the page's error summary when the form is redisplayed.</summary>
    public static async Task<HttpResponseMessage> RegisterAsync(TestClient client, string slug, string category = "government", string country = "LB")
    {
        var response = await client.SubmitFormAsync($"/{client.Culture}/events/{slug}", TestClient.Many(
            ("Registration.StakeholderCategory", category), ("Registration.CountryCode", country)), "form.register-form");
        if (response.StatusCode == System.Net.HttpStatusCode.OK)
        {
            var page = await TestClient.ParseAsync(response);
            Assert.Fail("Registration refused: " + page.QuerySelector(".error-summary")?.TextContent);
        }
        return response;
    }

    public static Task<HttpResponseMessage> CancelAsync(TestClient client, string slug)
        => client.SubmitFormAsync($"/{client.Culture}/events/{slug}", TestClient.Many(), "form.cancel-registration");

    public static Task<HttpResponseMessage> RateAsync(TestClient client, string slug, int score, string? comment = null)
        => client.SubmitFormAsync($"/{client.Culture}/events/{slug}", TestClient.Many(("Rating.Score", score.ToString(System.Globalization.CultureInfo.InvariantCulture)), ("Rating.Comment", comment)), "form.rating-form");

    public static async Task<RegistrationStatus?> StatusAsync(EnactFactory app, int eventId, Guid userId)
        => await app.WithDbAsync(async db => (await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.FirstOrDefaultAsync(
            db.EventRegistrations.Where(r => r.EventId == eventId && r.UserId == userId)))?.Status);

    public static Ical.Net.Calendar ParseCalendar(string text) => Ical.Net.Calendar.Load(text)!;
}
