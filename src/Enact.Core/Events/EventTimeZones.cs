namespace Enact.Core.Events;

/// <summary>
/// The IANA time zones people pick from (events' zones and readers' zones), with a city name per language for
/// "10:00–13:00 Beirut time". Any valid IANA identifier is accepted; these are the ones offered in forms.
/// </summary>
public static class EventTimeZones
{
    public const string Utc = "UTC";

    public sealed record Zone(string Id, string NameAr, string NameEn);

    public static readonly IReadOnlyList<Zone> Offered =
    [
        new(Utc, "التوقيت العالمي المنسق", "UTC"),
        new("Asia/Beirut", "بيروت", "Beirut"),
        new("Asia/Amman", "عمّان", "Amman"),
        new("Asia/Damascus", "دمشق", "Damascus"),
        new("Asia/Baghdad", "بغداد", "Baghdad"),
        new("Asia/Riyadh", "الرياض", "Riyadh"),
        new("Asia/Kuwait", "الكويت", "Kuwait"),
        new("Asia/Bahrain", "البحرين", "Bahrain"),
        new("Asia/Qatar", "الدوحة", "Doha"),
        new("Asia/Dubai", "دبي", "Dubai"),
        new("Asia/Muscat", "مسقط", "Muscat"),
        new("Asia/Aden", "عدن", "Aden"),
        new("Asia/Gaza", "غزة", "Gaza"),
        new("Asia/Hebron", "الخليل", "Hebron"),
        new("Africa/Cairo", "القاهرة", "Cairo"),
        new("Africa/Khartoum", "الخرطوم", "Khartoum"),
        new("Africa/Tripoli", "طرابلس", "Tripoli"),
        new("Africa/Tunis", "تونس", "Tunis"),
        new("Africa/Algiers", "الجزائر", "Algiers"),
        new("Africa/Casablanca", "الدار البيضاء", "Casablanca"),
        new("Africa/Nouakchott", "نواكشوط", "Nouakchott"),
        new("Africa/Djibouti", "جيبوتي", "Djibouti"),
        new("Africa/Mogadishu", "مقديشو", "Mogadishu"),
        new("Indian/Comoro", "موروني", "Moroni"),
        new("Europe/London", "لندن", "London"),
        new("Europe/Paris", "باريس", "Paris"),
        new("Europe/Berlin", "برلين", "Berlin"),
        new("Europe/Geneva", "جنيف", "Geneva"),
        new("America/New_York", "نيويورك", "New York"),
        new("America/Los_Angeles", "لوس أنجلوس", "Los Angeles"),
        new("Asia/Kolkata", "كولكاتا", "Kolkata"),
        new("Asia/Tokyo", "طوكيو", "Tokyo"),
    ];

    /// <summary>Whether the identifier names a time zone this machine knows (IANA names, or "UTC").</summary>
    public static bool IsValid(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > 64)
        {
            return false;
        }
        return TryFind(id, out _);
    }

    public static TimeZoneInfo Find(string id) => TryFind(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private static bool TryFind(string id, out TimeZoneInfo zone)
    {
        if (id == Utc)
        {
            zone = TimeZoneInfo.Utc;
            return true;
        }
        if (Offered.Any(z => z.Id == id) || id.Contains('/', StringComparison.Ordinal))
        {
            try
            {
                zone = TimeZoneInfo.FindSystemTimeZoneById(id);
                return true;
            }
            catch (TimeZoneNotFoundException)
            {
            }
            catch (InvalidTimeZoneException)
            {
            }
        }
        zone = TimeZoneInfo.Utc;
        return false;
    }

    /// <summary>The city people know the zone by, in "ar" or "en"; for zones not offered, the IANA name's last part.</summary>
    public static string CityName(string id, string language)
    {
        var zone = Offered.FirstOrDefault(z => z.Id == id);
        if (zone is not null)
        {
            return language == "en" ? zone.NameEn : zone.NameAr;
        }
        var slash = id.LastIndexOf('/');
        return (slash < 0 ? id : id[(slash + 1)..]).Replace('_', ' ');
    }

    /// <summary>The wall-clock time in a zone of a UTC instant.</summary>
    public static DateTime ToLocal(DateTime utc, string zoneId)
        => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Find(zoneId));

    /// <summary>The UTC instant of a wall-clock time in a zone (a skipped time moves forward; an ambiguous one takes the standard offset).</summary>
    public static DateTime ToUtc(DateTime local, string zoneId)
    {
        var zone = Find(zoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            unspecified = unspecified.AddHours(1);
        }
        return TimeZoneInfo.ConvertTimeToUtc(unspecified, zone);
    }
}
