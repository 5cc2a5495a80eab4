using System.Globalization;
using Enact.Core.Calls;
using Enact.Web.Localization;
using Microsoft.Extensions.Localization;

namespace Enact.Web.Features.Calls;

/// <summary>
/// Dates of calls as people read them: in the call's time zone ("31 March 2027, 23:59 Beirut time") and in the reader's,
/// with the Gregorian calendar in both languages, and the machine-readable forms for <c>&lt;time datetime&gt;</c> and forms.
/// </summary>
public static class CallTimes
{
    /// <summary>Time zones offered in the editors' form and the readers' choice: the Arab region first, then Europe, New York and UTC.</summary>
    public static readonly IReadOnlyList<string> Zones =
    [
        "Asia/Beirut", "Asia/Amman", "Asia/Damascus", "Asia/Baghdad", "Asia/Riyadh", "Asia/Kuwait", "Asia/Qatar",
        "Asia/Bahrain", "Asia/Dubai", "Asia/Muscat", "Asia/Aden", "Asia/Gaza", "Asia/Hebron", "Africa/Cairo",
        "Africa/Khartoum", "Africa/Tripoli", "Africa/Tunis", "Africa/Algiers", "Africa/Casablanca", "Africa/Nouakchott",
        "Africa/Djibouti", "Africa/Mogadishu", "Indian/Comoro",
        "Europe/London", "Europe/Paris", "Europe/Berlin", "Europe/Brussels", "Europe/Rome", "Europe/Madrid",
        "Europe/Vienna", "Europe/Zurich", "Europe/Istanbul", "America/New_York", "UTC",
    ];

    public const string ReaderCookie = "enact-tz";
    public const string ReaderQuery = "tz";

    /// <summary>"yyyy-MM-ddTHH:mm", the value of <c>&lt;input type="datetime-local"&gt;</c>.</summary>
    public const string LocalInputFormat = "yyyy-MM-dd'T'HH:mm";

    private static readonly string[] LocalInputFormats = ["yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF"];

    /// <summary>A datetime-local value; false for anything else (the browser sends this form in every language).</summary>
    public static bool TryParseLocal(string? value, out DateTime local)
        => DateTime.TryParseExact(value?.Trim(), LocalInputFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out local);

    public static string ToLocalInput(DateTime utc, string zoneId)
        => CallTime.ToLocal(utc, Zone(zoneId)).ToString(LocalInputFormat, CultureInfo.InvariantCulture);

    public static TimeZoneInfo Zone(string? id) => CallTime.FindZone(id) ?? TimeZoneInfo.Utc;

    /// <summary>The zone's city in the page's language ("Beirut", "بيروت"); the IANA id for zones outside the list.</summary>
    public static string ZoneName(string id, IStringLocalizer<CallText> text)
    {
        var s = text["Zone_" + id.Replace('/', '_')];
        return s.ResourceNotFound ? id : s.Value;
    }

    /// <summary>"Beirut time" / "بتوقيت بيروت".</summary>
    public static string ZoneTime(string id, IStringLocalizer<CallText> text)
        => id == "UTC" ? text["UtcTime"].Value : text["ZoneTime", ZoneName(id, text)].Value;

    /// <summary>The local date and time of an instant in a zone, for people: "31 March 2027, 23:59".</summary>
    public static string Format(DateTime utc, string zoneId, IStringLocalizer<CallText> text)
    {
        var local = CallTime.ToLocal(utc, Zone(zoneId));
        return local.ToString(text["DateFormat"].Value, CultureInfo.CurrentCulture) + text["DateTimeJoiner"].Value
            + local.ToString("HH:mm", CultureInfo.InvariantCulture);
    }

    /// <summary>The local date of an instant in a zone, for people: "31 March 2027".</summary>
    public static string FormatDate(DateTime utc, string zoneId, IStringLocalizer<CallText> text)
        => CallTime.ToLocal(utc, Zone(zoneId)).ToString(text["DateFormat"].Value, CultureInfo.CurrentCulture);

    /// <summary>A valid HTML date-time with the zone's offset: "2027-03-31T23:59:00+03:00".</summary>
    public static string Machine(DateTime utc, string zoneId)
        => CallTime.ToLocal(utc, Zone(zoneId)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    /// <summary>The instant in UTC: "2027-03-31T20:59:00Z".</summary>
    public static string MachineUtc(DateTime utc)
        => CallTime.AsUtc(utc).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    public static string Title(SubmissionCall call) => Cultures.Current == Cultures.English ? call.TitleEn : call.TitleAr;

    public static string? Description(SubmissionCall call) => Cultures.Current == Cultures.English ? call.DescriptionEn : call.DescriptionAr;

    public static string StateKey(CallState state) => "State" + state;

    /// <summary>Where the reader's zone came from: their choice in the form, their cookie, or nowhere (UTC until the script tells).</summary>
    public enum ReaderSource
    {
        Default,
        Cookie,
        Query,
    }

    /// <summary>The reader's zone: <c>?tz=</c> (remembered in a cookie), else the cookie, else UTC.</summary>
    public static (string Zone, ReaderSource Source) ReaderZone(HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (CallTime.FindZone(context.Request.Query[ReaderQuery].ToString()) is { } chosen)
        {
            context.Response.Cookies.Append(ReaderCookie, chosen.Id, new CookieOptions
            {
                Path = "/",
                MaxAge = TimeSpan.FromDays(365),
                SameSite = SameSiteMode.Lax,
                Secure = context.Request.IsHttps,
                // The page's script writes the same cookie when the server did not know the zone.
                HttpOnly = false,
                IsEssential = true,
            });
            return (chosen.Id, ReaderSource.Query);
        }
        if (context.Request.Cookies.TryGetValue(ReaderCookie, out var cookie) && CallTime.FindZone(cookie) is { } remembered)
        {
            return (remembered.Id, ReaderSource.Cookie);
        }
        return ("UTC", ReaderSource.Default);
    }
}
