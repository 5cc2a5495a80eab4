using Enact.Core.Calls;

namespace Enact.Tests.Calls;

/// <summary>Local times in a call's zone and their instants, across Beirut's clock changes of 2027.</summary>
public sealed class CallTimeTests
{
    private static readonly TimeZoneInfo Beirut = CallTime.FindZone("Asia/Beirut")!;

    [Fact]
    public void A_local_time_skipped_when_clocks_go_forward_has_no_instant()
    {
        Assert.False(CallTime.TryToUtc(new DateTime(2027, 3, 28, 0, 30, 0), Beirut, AmbiguousTime.Later, out _));
        Assert.True(CallTime.TryToUtc(new DateTime(2027, 3, 28, 1, 0, 0), Beirut, AmbiguousTime.Later, out var after));
        Assert.Equal(new DateTime(2027, 3, 27, 22, 0, 0, DateTimeKind.Utc), after);
    }

    [Fact]
    public void A_repeated_local_time_is_the_first_instant_for_an_opening_and_the_second_for_a_deadline()
    {
        var local = new DateTime(2027, 10, 30, 23, 30, 0);
        Assert.True(CallTime.TryToUtc(local, Beirut, AmbiguousTime.Earlier, out var earlier));
        Assert.True(CallTime.TryToUtc(local, Beirut, AmbiguousTime.Later, out var later));
        Assert.Equal(new DateTime(2027, 10, 30, 20, 30, 0, DateTimeKind.Utc), earlier);
        Assert.Equal(new DateTime(2027, 10, 30, 21, 30, 0, DateTimeKind.Utc), later);
        Assert.Equal(DateTimeKind.Utc, later.Kind);
    }

    [Theory]
    [InlineData("Asia/Beirut", true)]
    [InlineData("UTC", true)]
    [InlineData("Africa/Casablanca", true)]
    [InlineData("Arab Standard Time", false)]
    [InlineData("Mars/Olympus", false)]
    [InlineData("../../etc/passwd", false)]
    [InlineData("", false)]
    public void Only_iana_zone_identifiers_are_accepted(string id, bool valid)
        => Assert.Equal(valid, CallTime.FindZone(id) is not null);
}
