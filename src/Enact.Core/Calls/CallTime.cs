namespace Enact.Core.Calls;

/// <summary>Which instant an ambiguous local time (the hour repeated when clocks go back) stands for.</summary>
public enum AmbiguousTime
{
    /// <summary>The first occurrence (still on summer time): used for openings, so a call opens as early as the editor wrote.</summary>
    Earlier,
    /// <summary>The second occurrence: used for deadlines, so nobody loses the repeated hour.</summary>
    Later,
}

/// <summary>
/// Local date-times in a call's IANA time zone and the UTC instants stored for them. A local time that does not exist
/// (skipped when clocks go forward) has no instant: <see cref="TryToUtc"/> refuses it and the editor chooses again,
/// rather than the portal silently moving a deadline by an hour.
/// </summary>
public static class CallTime
{
    public const int MaxZoneLength = 64;

    /// <summary>The zone for an IANA identifier (for example <c>Asia/Beirut</c>), or null for anything else (Windows names included).</summary>
    public static TimeZoneInfo? FindZone(string? id)
    {
        if (string.IsNullOrWhiteSpace(id) || id.Length > MaxZoneLength)
        {
            return null;
        }
        try
        {
            var zone = TimeZoneInfo.FindSystemTimeZoneById(id.Trim());
            return zone.HasIanaId ? zone : null;
        }
        catch (TimeZoneNotFoundException)
        {
            return null;
        }
        catch (InvalidTimeZoneException)
        {
            return null;
        }
    }

    /// <summary>
    /// The UTC instant of <paramref name="local"/> read in <paramref name="zone"/>; false when that local time is skipped
    /// by a clock change. Seconds and below are kept as given.
    /// </summary>
    public static bool TryToUtc(DateTime local, TimeZoneInfo zone, AmbiguousTime ambiguous, out DateTime utc)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            utc = default;
            return false;
        }
        TimeSpan offset;
        if (zone.IsAmbiguousTime(unspecified))
        {
            var offsets = zone.GetAmbiguousTimeOffsets(unspecified);
            // A larger offset means an earlier instant (local minus offset).
            offset = ambiguous == AmbiguousTime.Earlier ? offsets.Max() : offsets.Min();
        }
        else
        {
            offset = zone.GetUtcOffset(unspecified);
        }
        utc = DateTime.SpecifyKind(unspecified - offset, DateTimeKind.Utc);
        return true;
    }

    /// <summary>The local date-time of a stored instant in <paramref name="zone"/>.</summary>
    public static DateTimeOffset ToLocal(DateTime utc, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var instant = new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
        return TimeZoneInfo.ConvertTime(instant, zone);
    }

    /// <summary>Stored DateTimes come back from SQLite without a kind: they are UTC.</summary>
    public static DateTime AsUtc(DateTime value) => value.Kind == DateTimeKind.Utc ? value : DateTime.SpecifyKind(value, DateTimeKind.Utc);
}

/// <summary>Where a call stands at a given instant.</summary>
public enum CallState
{
    Upcoming,
    Open,
    Closed,
}

public static class CallStates
{
    public static CallState Of(SubmissionCall call, DateTime utcNow)
    {
        ArgumentNullException.ThrowIfNull(call);
        var opens = CallTime.AsUtc(call.OpensAt);
        var closes = CallTime.AsUtc(call.ClosesAt);
        return utcNow < opens ? CallState.Upcoming : utcNow < closes ? CallState.Open : CallState.Closed;
    }
}
