using System.Globalization;
using Enact.Core.Events;
using Enact.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Events;

/// <summary>
/// Dates and times of events as people read them: Gregorian dates (Arabic month names as the UN writes them,
/// "آذار/مارس"), 24-hour times, "Beirut time" after a range, and the reader's own zone.
/// </summary>
public static class EventFormat
{
    public const string ReaderZoneCookie = "enact-tz";

    private static readonly string[] ArabicMonths =
    [
        "كانون الثاني/يناير", "شباط/فبراير", "آذار/مارس", "نيسان/أبريل", "أيار/مايو", "حزيران/يونيو",
        "تموز/يوليو", "آب/أغسطس", "أيلول/سبتمبر", "تشرين الأول/أكتوبر", "تشرين الثاني/نوفمبر", "كانون الأول/ديسمبر",
    ];

    public static string Date(DateTime local, string language)
        => language == Cultures.English
            ? local.ToString("d MMMM yyyy", Cultures.EnglishCulture)
            : string.Create(CultureInfo.InvariantCulture, $"{local.Day} {ArabicMonths[local.Month - 1]} {local.Year}");

    public static string Time(DateTime local) => local.ToString("HH:mm", CultureInfo.InvariantCulture);

    /// <summary>"10:00–13:00" on one day; "20 March 2023 10:00 – 21 March 2023 13:00" across days.</summary>
    public static string Range(DateTime startUtc, DateTime endUtc, string zone, string language, bool withDate)
    {
        var s = EventTimeZones.ToLocal(startUtc, zone);
        var e = EventTimeZones.ToLocal(endUtc, zone);
        if (s.Date == e.Date)
        {
            var times = $"{Time(s)}–{Time(e)}";
            return withDate ? $"{Date(s, language)} {times}" : times;
        }
        return $"{Date(s, language)} {Time(s)} – {Date(e, language)} {Time(e)}";
    }

    /// <summary>"Beirut time" / "توقيت بيروت".</summary>
    public static string ZoneLabel(IStringLocalizer text, string zone, string language)
        => text["ZoneTime", EventTimeZones.CityName(zone, language)].Value;

    public static string Iso(DateTime utc) => DateTime.SpecifyKind(utc, DateTimeKind.Utc).ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);

    /// <summary>The reader's zone: the query (remembered in a cookie), else the cookie, else UTC.</summary>
    public static string ReaderZone(HttpContext context) => ReaderZoneWithSource(context).Zone;

    /// <summary>The reader's zone and where it came from: "query", "cookie", or "default" (UTC, which the page's script may correct).</summary>
    public static (string Zone, string Source) ReaderZoneWithSource(HttpContext context)
    {
        var asked = context.Request.Query["tz"].ToString();
        if (EventTimeZones.IsValid(asked))
        {
            context.Response.Cookies.Append(ReaderZoneCookie, asked, new CookieOptions
            {
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                SameSite = SameSiteMode.Lax,
                HttpOnly = false,
                IsEssential = true,
                Secure = context.Request.IsHttps,
            });
            return (asked, "query");
        }
        var cookie = context.Request.Cookies[ReaderZoneCookie];
        return EventTimeZones.IsValid(cookie) ? (cookie!, "cookie") : (EventTimeZones.Utc, "default");
    }

    public static string Kind(IStringLocalizer text, string kind) => text["Kind_" + kind].Value;
    public static string FormatName(IStringLocalizer text, string format) => text["Format_" + format].Value;
    public static string Category(IStringLocalizer text, string category) => text["Category_" + category].Value;
    public static string Status(IStringLocalizer text, RegistrationStatus status) => text["Status_" + status].Value;

    /// <summary>A text in the reader's language, else the other one, with the language it is in.</summary>
    public static (string? Text, string Lang) Pick(string? ar, string? en, string language)
    {
        if (language == Cultures.English)
        {
            return !string.IsNullOrWhiteSpace(en) ? (en, Cultures.English) : (ar, Cultures.Arabic);
        }
        return !string.IsNullOrWhiteSpace(ar) ? (ar, Cultures.Arabic) : (en, Cultures.English);
    }

    public static string Dir(string lang) => lang == Cultures.Arabic ? "rtl" : "ltr";

    public static string ContactLine(string? name, string? title, string language)
        => string.Join(language == Cultures.English ? ", " : "، ", new[] { name, title }.Where(s => !string.IsNullOrWhiteSpace(s)));
}
