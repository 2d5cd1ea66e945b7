using HostingMatch.Domain.Common;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Stays;
using NodaTime;

namespace HostingMatch.UnitTests.Domain;

public sealed class JourneyTests
{
    private static readonly Instant Now = Instant.FromUtc(2027, 3, 1, 17, 0);
    private static readonly LocalDate March10 = new(2027, 3, 10);
    private static readonly LocalTime Ten = new(10, 0);
    private static readonly Guid HostA = Guid.NewGuid();
    private static readonly Guid HostB = Guid.NewGuid();
    private static readonly Guid HostC = Guid.NewGuid();

    private static readonly Dictionary<Guid, GeoPoint> Places = new()
    {
        [HostA] = new GeoPoint(48.11, -1.60),
        [HostB] = new GeoPoint(48.11, -1.70),
        [HostC] = new GeoPoint(47.39, 0.69),
    };

    private static readonly StayGuest Guest = StayGuest.Create(Guid.NewGuid(), new LocalDate(2027, 3, 1), null, ["bretagne"], "Porte de la Chapelle",
        new GeoPoint(48.8986, 2.3592), Now);

    private static JourneyLeg Leg(Guid? from = null, int minutes = 30, LocalDate? date = null, Guid? stay = null) =>
        new(stay ?? StayId, Guest.Id, date ?? March10, from, HostB, minutes);

    private static readonly Guid StayId = Guid.NewGuid();

    private static Stay StayAt(Guid host, int fromDay, int untilDay, StayStatus status)
    {
        var stay = Stay.Propose(Guest.Id, host, NightPeriod.Create(new LocalDate(2027, 3, fromDay), new LocalDate(2027, 3, untilDay)), 0, null, Now);
        if (status == StayStatus.Cancelled)
        {
            stay.Cancel(Now);
            return stay;
        }

        if (status != StayStatus.Proposed)
        {
            stay.Confirm(Now);
        }

        if (status is StayStatus.Ongoing or StayStatus.Ended)
        {
            stay.Start(new LocalDate(2027, 3, fromDay), Now);
        }

        if (status == StayStatus.Ended)
        {
            stay.End(new LocalDate(2027, 3, untilDay), Now);
        }

        return stay;
    }

    private static IReadOnlyList<JourneyLeg> Legs(params Stay[] stays) => JourneyLegs.Of(Guest, stays, h => Places[h], 1.3, 70);

    [Fact]
    public void Create_IsNotArrangedAndNobodyNeedsTelling()
    {
        var journey = Journey.Create(Leg(HostA), Now);

        Assert.Equal(JourneyWay.NotArranged, journey.Way);
        Assert.Null(journey.DepartureTime);
        Assert.False(journey.HostsNeedTelling);
        Assert.False(journey.DriverNeedsTelling);
    }

    [Fact]
    public void Arrange_ByVolunteerDriver_ArrivesDepartureplusMinutesAndEveryoneNeedsTelling()
    {
        var journey = Journey.Create(Leg(HostA, minutes: 100), Now);

        journey.Arrange(JourneyWay.VolunteerDriver, Ten, "Paul", "+33612345678", 12.5m, "Fuel", Now);

        Assert.Equal(new LocalTime(11, 40), journey.ArrivalTime);
        Assert.True(journey.HostsNeedTelling);
        Assert.True(journey.DriverNeedsTelling);
        Assert.Equal(12.5m, journey.CostEuros);
    }

    [Fact]
    public void RecordTold_ThenTheSameTime_NeedsNoTellingButANewTimeDoes()
    {
        var journey = Journey.Create(Leg(HostA), Now);
        journey.Arrange(JourneyWay.Train, Ten, null, null, 30m, null, Now);
        journey.RecordTold(Now);

        journey.Arrange(JourneyWay.Train, Ten, null, null, 42m, "Ticket bought", Now);
        Assert.False(journey.HostsNeedTelling);

        journey.Arrange(JourneyWay.Train, new LocalTime(14, 0), null, null, 42m, null, Now);
        Assert.True(journey.HostsNeedTelling);
    }

    [Fact]
    public void Follow_WhenTheChainMovesTheJourney_TheHostsMustBeToldAgain()
    {
        var journey = Journey.Create(Leg(HostA), Now);
        journey.Arrange(JourneyWay.Other, Ten, null, null, 0m, null, Now);
        journey.RecordTold(Now);

        journey.Follow(Leg(from: null), Now);

        Assert.True(journey.HostsNeedTelling);
        Assert.False(journey.HostsWereTold(Leg(from: null)));
    }

    [Fact]
    public void Arrange_ANewDriverAtTheSameTime_TellsOnlyTheDriver()
    {
        var journey = Journey.Create(Leg(HostA), Now);
        journey.Arrange(JourneyWay.VolunteerDriver, Ten, "Paul", "+33612345678", 0m, null, Now);
        journey.RecordTold(Now);

        journey.Arrange(JourneyWay.VolunteerDriver, Ten, "Léa", "+33698765432", 0m, null, Now);

        Assert.False(journey.HostsNeedTelling);
        Assert.True(journey.DriverNeedsTelling);
    }

    [Fact]
    public void Arrange_ByTrain_ForgetsTheDriver()
    {
        var journey = Journey.Create(Leg(HostA), Now);
        journey.Arrange(JourneyWay.VolunteerDriver, Ten, "Paul", "+33612345678", 0m, null, Now);

        journey.Arrange(JourneyWay.Train, Ten, "Paul", "+33612345678", 0m, null, Now);

        Assert.Null(journey.DriverFirstName);
        Assert.Null(journey.DriverPhone);
        Assert.False(journey.DriverNeedsTelling);
    }

    [Theory]
    [InlineData(JourneyWay.Train, null, null, null, 0)]
    [InlineData(JourneyWay.VolunteerDriver, "10:00", null, "+33612345678", 0)]
    [InlineData(JourneyWay.VolunteerDriver, "10:00", "Paul", "0612345678", 0)]
    [InlineData(JourneyWay.Other, "10:00", null, null, -1)]
    [InlineData(JourneyWay.Other, "10:00", null, null, 10001)]
    public void Arrange_WithoutWhatTheWayNeeds_IsNotPossible(JourneyWay way, string? time, string? driver, string? phone, int cost)
    {
        var journey = Journey.Create(Leg(HostA), Now);
        LocalTime? departure = time is null ? null : LocalTime.FromHourMinuteSecondMillisecondTick(int.Parse(time[..2]), 0, 0, 0, 0);

        var error = Assert.Throws<DomainException>(() => journey.Arrange(way, departure, driver, phone, cost, null, Now));
        Assert.Equal("journey-invalid", error.Code);
    }

    [Fact]
    public void Follow_AnotherStaysLeg_IsNotPossible() =>
        Assert.Equal("journey-invalid",
            Assert.Throws<DomainException>(() => Journey.Create(Leg(HostA), Now).Follow(Leg(HostA, stay: Guid.NewGuid()), Now)).Code);

    [Fact]
    public void Legs_TheFirstStayLeavesTheWaitingPlaceAndAMoveLeavesThePreviousHost()
    {
        var first = StayAt(HostA, 1, 10, StayStatus.Ongoing);
        var next = StayAt(HostB, 10, 20, StayStatus.Confirmed);

        var legs = Legs(first, next);

        Assert.Equal(2, legs.Count);
        Assert.Null(legs[0].FromHostId);
        Assert.Equal(TravelTime.Minutes(Guest.Location, Places[HostA], 1.3, 70), legs[0].Minutes);
        Assert.Equal(HostA, legs[1].FromHostId);
        Assert.Equal(HostB, legs[1].ToHostId);
        Assert.Equal(March10, legs[1].Date);
        Assert.Equal(TravelTime.Minutes(Places[HostA], Places[HostB], 1.3, 70), legs[1].Minutes);
    }

    [Fact]
    public void Legs_AStayContinuingOneAtTheSameHost_HasNoJourney()
    {
        var legs = Legs(StayAt(HostA, 1, 10, StayStatus.Ongoing), StayAt(HostA, 10, 20, StayStatus.Confirmed));

        Assert.Single(legs);
    }

    [Fact]
    public void Legs_AfterUncoveredNights_TheGuestLeavesItsWaitingPlace()
    {
        var legs = Legs(StayAt(HostA, 1, 8, StayStatus.Ended), StayAt(HostC, 10, 20, StayStatus.Confirmed));

        var leg = Assert.Single(legs);
        Assert.Null(leg.FromHostId);
        Assert.Equal(HostC, leg.ToHostId);
    }

    [Fact]
    public void Legs_ProposedAndCancelledStaysNeedNoJourneyAndAreNoPreviousHost()
    {
        var legs = Legs(StayAt(HostA, 1, 10, StayStatus.Cancelled), StayAt(HostB, 10, 20, StayStatus.Proposed), StayAt(HostC, 20, 28, StayStatus.Confirmed));

        var leg = Assert.Single(legs);
        Assert.Null(leg.FromHostId);
        Assert.Equal(HostC, leg.ToHostId);
    }
}
