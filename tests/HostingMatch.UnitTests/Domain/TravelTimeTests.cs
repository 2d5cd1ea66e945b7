using HostingMatch.Domain.Geography;

namespace HostingMatch.UnitTests.Domain;

public sealed class TravelTimeTests
{
    private static readonly GeoPoint Base = new(48.8986, 2.3592);

    [Fact]
    public void Minutes_SamePoint_IsZero() => Assert.Equal(0, TravelTime.Minutes(Base, Base, 1.3, 25));

    [Fact]
    public void Minutes_BaseToNotreDame_RoundsUp()
    {
        var notreDame = new GeoPoint(48.8530, 2.3499);
        var km = TravelTime.HaversineKm(Base, notreDame);
        Assert.InRange(km, 5.10, 5.14); // about 5.12 km as the crow flies
        Assert.Equal((int)Math.Ceiling(km * 1.3 / 25 * 60), TravelTime.Minutes(Base, notreDame, 1.3, 25));
        Assert.Equal(16, TravelTime.Minutes(Base, notreDame, 1.3, 25));
    }

    [Fact]
    public void Minutes_IsSymmetric()
    {
        var other = new GeoPoint(48.80, 2.45);
        Assert.Equal(TravelTime.Minutes(Base, other, 1.3, 20), TravelTime.Minutes(other, Base, 1.3, 20));
    }

    [Theory]
    [InlineData(0, 25)]
    [InlineData(1.3, 0)]
    [InlineData(-1, 25)]
    public void Minutes_WithNonPositiveFactorOrSpeed_Throws(double detour, double speed) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => TravelTime.Minutes(Base, Base, detour, speed));

    [Theory]
    [InlineData(90.0001, 0)]
    [InlineData(0, -180.5)]
    public void GeoPoint_OutOfRange_Throws(double lat, double lon) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new GeoPoint(lat, lon));
}
