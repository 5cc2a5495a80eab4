using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace Enact.Core.Events;

/// <summary>
/// iCalendar (RFC 5545) files for events, written with Ical.Net: each VEVENT's start and end carry the event's TZID,
/// and the calendar holds the matching VTIMEZONE, so calendar clients place it at the right instant.
/// </summary>
public static class EventCalendar
{
    public const string ProductId = "-//ESCWA//Enact events//EN";

    /// <summary>One file for the given events, texts in <paramref name="language"/>; <paramref name="pageUrl"/> gives each event's page address.</summary>
    public static string Write(IEnumerable<PortalEvent> events, string language, Func<PortalEvent, string> pageUrl, string? name = null, bool includeOnlineLink = false)
    {
        var calendar = new Calendar { ProductId = ProductId };
        calendar.AddProperty("METHOD", "PUBLISH");
        if (name is not null)
        {
            calendar.AddProperty("X-WR-CALNAME", name);
        }
        var zones = new HashSet<string>(StringComparer.Ordinal);
        foreach (var e in events)
        {
            if (zones.Add(e.TimeZone))
            {
                calendar.AddTimeZone(VTimeZone.FromDateTimeZone(e.TimeZone, e.StartsAt.AddYears(-1), includeHistoricalData: false));
            }
            var ar = language != "en";
            var url = pageUrl(e);
            var description = (ar ? e.SummaryAr ?? e.SummaryEn : e.SummaryEn ?? e.SummaryAr) ?? "";
            if (includeOnlineLink && !string.IsNullOrEmpty(e.OnlineLink))
            {
                description = $"{description}\n\n{e.PlatformName} {e.OnlineLink}".Trim();
            }
            description = $"{description}\n\n{url}".Trim();
            var item = new CalendarEvent
            {
                Uid = $"event-{e.Id}@enact",
                Summary = ar ? e.TitleAr : e.TitleEn,
                Description = description,
                Location = ar ? e.VenueAr ?? e.VenueEn : e.VenueEn ?? e.VenueAr,
                DtStart = new CalDateTime(EventTimeZones.ToLocal(e.StartsAt, e.TimeZone), e.TimeZone),
                DtEnd = new CalDateTime(EventTimeZones.ToLocal(e.EndsAt, e.TimeZone), e.TimeZone),
                DtStamp = new CalDateTime(DateTime.SpecifyKind(e.UpdatedAt == default ? e.CreatedAt : e.UpdatedAt, DateTimeKind.Utc)),
                Url = new Uri(url),
            };
            calendar.Events.Add(item);
        }
        return new CalendarSerializer().SerializeToString(calendar) ?? "";
    }
}
