using System.Text;
using Enact.Core.Email;
using Enact.Core.Events;
using Enact.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Events;

/// <summary>
/// Messages about registrations, in the person's preferred language: confirmation (seat or waiting list), moved up
/// from the waiting list, reminder the day before; those with a seat carry the event as an .ics file.
/// </summary>
public sealed class EventMails(IMailSender sender, IStringLocalizer<EventText> text, IConfiguration configuration)
{
    public const string Confirmed = "Confirmed";
    public const string Waitlisted = "Waitlisted";
    public const string Promoted = "Promoted";
    public const string Reminder = "Reminder";

    /// <summary>The portal's public address for links in messages: Enact:PublicUrl, else the request's.</summary>
    public string BaseUrl(HttpRequest? request)
        => (configuration["Enact:PublicUrl"] is { Length: > 0 } configured ? configured
            : request is null ? "http://localhost" : $"{request.Scheme}://{request.Host}{request.PathBase}").TrimEnd('/');

    public async Task SendAsync(RegistrationNotice notice, string kind, string baseUrl, CancellationToken ct = default)
    {
        if (string.IsNullOrEmpty(notice.Email))
        {
            return;
        }
        await sender.SendAsync(Compose(notice, kind, baseUrl), ct);
    }

    public OutgoingMail Compose(RegistrationNotice notice, string kind, string baseUrl)
    {
        ArgumentNullException.ThrowIfNull(notice);
        var language = notice.Language == Cultures.English ? Cultures.English : Cultures.Arabic;
        using var _ = Cultures.Use(language);
        var e = notice.Event;
        var title = language == Cultures.English ? e.TitleEn : e.TitleAr;
        var url = $"{baseUrl}/{language}/events/{e.Slug}";
        var when = $"{EventFormat.Range(e.StartsAt, e.EndsAt, e.TimeZone, language, withDate: true)} {EventFormat.ZoneLabel(text, e.TimeZone, language)}";
        var mail = new MailComposer(language, text["Mail" + kind + "Subject", title].Value)
            .Paragraph(text["MailGreeting", notice.DisplayName].Value)
            .Paragraph(text["Mail" + kind + "Body", title].Value)
            .Paragraph(text["MailWhen", when].Value);
        var (venue, _) = EventFormat.Pick(e.VenueAr, e.VenueEn, language);
        if (venue is not null)
        {
            mail.Paragraph(text["MailWhere", venue].Value);
        }
        var withSeat = kind != Waitlisted;
        if (withSeat && !string.IsNullOrEmpty(e.OnlineLink))
        {
            mail.Paragraph(text["MailOnlineLink", e.PlatformName ?? "", e.OnlineLink].Value);
        }
        if (withSeat)
        {
            mail.Paragraph(text["MailCalendarAttached"].Value);
            var ics = EventCalendar.Write([e], language, _ => url, includeOnlineLink: true);
            mail.Attach(new MailAttachment($"{e.Slug}.ics", "text/calendar; charset=utf-8; method=PUBLISH", Encoding.UTF8.GetBytes(ics)));
        }
        return mail.Link(text["MailPage", title].Value, url).To(notice.Email);
    }
}

/// <summary>The reminders due now: claims them (once each, whichever instance) and sends them.</summary>
public sealed class EventReminders(EventParticipation participation, EventMails mails)
{
    public async Task<int> SendDueRemindersAsync(DateTime utcNow, CancellationToken ct = default)
    {
        var due = await participation.ClaimDueRemindersAsync(utcNow, ct);
        var baseUrl = mails.BaseUrl(null);
        foreach (var notice in due)
        {
            await mails.SendAsync(notice, EventMails.Reminder, baseUrl, ct);
        }
        return due.Count;
    }
}

/// <summary>Every instance looks for due reminders every minute; the atomic claim keeps each reminder to one message.</summary>
public sealed partial class EventReminderPoller(IServiceScopeFactory scopes, TimeProvider clock, ILogger<EventReminderPoller> logger) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var sent = await scope.ServiceProvider.GetRequiredService<EventReminders>().SendDueRemindersAsync(clock.GetUtcNow().UtcDateTime, stoppingToken);
                if (sent > 0)
                {
                    LogSent(logger, sent);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
#pragma warning disable CA1031 // The poller must survive a database that is briefly unreachable; the error is logged and retried.
            catch (Exception ex)
#pragma warning restore CA1031
            {
                LogFailed(logger, ex);
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Sent {Count} event reminders")]
    private static partial void LogSent(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Event reminders failed; retrying in a minute")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}

public static class EventsSetup
{
    public static IServiceCollection AddEventsFeature(this IServiceCollection services)
    {
        services.AddScoped<EventCatalog>();
        services.AddScoped<EventParticipation>();
        services.AddScoped<EventAdministration>();
        services.AddScoped<EventMails>();
        services.AddScoped<EventReminders>();
        services.AddHostedService<EventReminderPoller>();
        return services;
    }
}
