using HostingMatch.Domain;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Transport;
using NodaTime;

namespace HostingMatch.UnitTests.Domain;

public sealed class NightVehicleTests
{
    private static readonly Instant Now = Instant.FromUtc(2026, 11, 26, 18, 0);
    private static readonly LocalDate Tonight = new(2026, 11, 26);

    private static NightVehicle Car(int seats = 3, LocalTime? from = null, LocalTime? until = null, string phone = "+33698765432") =>
        NightVehicle.Create(Tonight, VehicleKind.Car, " Voiture de Léa ", "Léa", phone, seats, from ?? new LocalTime(21, 0),
            until ?? new LocalTime(0, 30), Now);

    [Fact]
    public void Create_AShiftPastMidnight_IsTakenOnTheNightsClock()
    {
        var car = Car();
        Assert.Equal("Voiture de Léa", car.Label);
        Assert.Equal(new LocalTime(0, 30), car.AvailableUntil);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(9)]
    public void Create_WithSeatsOutOfOneToEight_Throws(int seats) =>
        Assert.Equal("vehicle-invalid", Assert.Throws<DomainException>(() => Car(seats)).Code);

    [Theory]
    [InlineData(22, 0, 21, 0)]
    [InlineData(1, 0, 23, 0)]
    [InlineData(21, 0, 21, 0)]
    public void Create_WithAShiftThatDoesNotEndAfterItStarts_Throws(int fromHour, int fromMinute, int untilHour, int untilMinute) =>
        Assert.Equal("vehicle-invalid",
            Assert.Throws<DomainException>(() => Car(from: new LocalTime(fromHour, fromMinute), until: new LocalTime(untilHour, untilMinute))).Code);

    [Fact]
    public void Create_WithAPhoneNotInE164_Throws() =>
        Assert.Equal("vehicle-invalid", Assert.Throws<DomainException>(() => Car(phone: "hello")).Code);

    [Fact]
    public void Change_WithABadShift_LeavesTheVehicleAsItWas()
    {
        var car = Car();
        Assert.Throws<DomainException>(() =>
            car.Change(VehicleKind.Van, "Autre", "Marc", "+33600000001", 8, new LocalTime(23, 0), new LocalTime(22, 0)));
        Assert.Equal(VehicleKind.Car, car.Kind);
        Assert.Equal("Léa", car.DriverFirstName);
        Assert.Equal(3, car.Seats);
    }

    [Fact]
    public void NightEscort_WithNoNameOrABadPhone_Throws()
    {
        Assert.Equal("escort-invalid", Assert.Throws<DomainException>(() => NightEscort.Create(Tonight, " ", "+33611112222", Now)).Code);
        Assert.Equal("escort-invalid", Assert.Throws<DomainException>(() => NightEscort.Create(Tonight, "Sami", "0611", Now)).Code);
    }

    [Theory]
    [InlineData(12, 0, 0)]
    [InlineData(23, 59, 719)]
    [InlineData(0, 0, 720)]
    [InlineData(11, 59, 1439)]
    public void EveningMinute_CountsFromNoonAcrossMidnight(int hour, int minute, int expected) =>
        Assert.Equal(expected, Night.EveningMinute(new LocalTime(hour, minute)));
}
