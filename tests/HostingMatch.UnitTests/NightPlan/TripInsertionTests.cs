using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.NightPlan.Engine;
using HostingMatch.Application.VanRuns.Planner;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.UnitTests.NightPlan;

/// <summary>The local improvement after routing: households left out are put on the trips where they fit, or take a lower tier's place.</summary>
public sealed class TripInsertionTests
{
    [Fact]
    public void AFamilyLeftOut_IsInsertedIntoTheVansTrip_AndEveryRuleHolds()
    {
        var file = Night(seats: 8, until: new LocalTime(0, 30),
            [new("hh-a", [new Member(30, Sex.Female), new Member(4, Sex.Male)]), new("hh-b", [new Member(35, Sex.Male), new Member(8, Sex.Male)])]);
        var (_, realiser, insertion) = Engine(file);

        var routed = realiser.Realise([0, -1], [RideWay.Vehicle, null], TimeSpan.FromSeconds(1));
        var improved = insertion.Improve(routed);

        Assert.Equal([2, 0, 0], routed.PeoplePerTier());
        Assert.Equal([4, 0, 0], improved.PeoplePerTier());
        Assert.Empty(NightPlanChecker.Check(file, realiser.Build(improved, [4, 0, 0], [2, 0, 0], false, 0)));
    }

    [Fact]
    public void AFamilyLeftOut_TakesTheMensPlaceOnTheOnlyTrip()
    {
        // The van (3 seats) has time for one trip: the men (tier 3) are on it, the family (tier 1) is left out.
        var file = Night(seats: 3, until: new LocalTime(21, 20),
            [new("hh-m", [new Member(40, Sex.Male), new Member(41, Sex.Male), new Member(42, Sex.Male)]),
             new("hh-f", [new Member(30, Sex.Female), new Member(4, Sex.Male), new Member(6, Sex.Female)])]);
        var (_, realiser, insertion) = Engine(file);

        var routed = realiser.Realise([1, -1], [RideWay.Vehicle, null], TimeSpan.FromSeconds(1));
        var improved = insertion.Improve(routed);

        Assert.Equal([0, 0, 3], routed.PeoplePerTier());
        Assert.Equal([3, 0, 0], improved.PeoplePerTier());
        Assert.Empty(NightPlanChecker.Check(file, realiser.Build(improved, [3, 0, 3], [0, 0, 3], false, 0)));
    }

    [Fact]
    public void ThreeMenLeftOut_TakeTheLoneMansPlace_ButNeverTheOtherWayRound()
    {
        // One trip, one men's host (3 beds, 1 household): the lone man on it gives way to three men of the same tier.
        var file = Night(seats: 3, until: new LocalTime(21, 20),
            [new("hh-1", [new Member(40, Sex.Male)]), new("hh-3", [new Member(30, Sex.Male), new Member(31, Sex.Male), new Member(32, Sex.Male)])]);
        var (_, realiser, insertion) = Engine(file);

        var lone = insertion.Improve(realiser.Realise([1, -1], [RideWay.Vehicle, null], TimeSpan.FromSeconds(1)));
        var three = insertion.Improve(realiser.Realise([-1, 1], [null, RideWay.Vehicle], TimeSpan.FromSeconds(1)));

        Assert.Equal([0, 0, 3], lone.PeoplePerTier());
        Assert.Equal([-1, 1], lone.HostOf);
        Assert.Equal([-1, 1], three.HostOf);
        Assert.Empty(NightPlanChecker.Check(file, realiser.Build(lone, [0, 0, 3], [0, 0, 1], false, 0)));
    }

    private static (NightPlanProblem, Realiser, TripInsertion) Engine(NightPlanFile file)
    {
        var problem = new NightPlanProblem(file, new MatchingOptions());
        var busy = new (int Ready, int TripsDone)?[file.Transport.Vehicles.Count];
        return (problem, new Realiser(problem, [], new Dictionary<int, Ride>(), busy, new HashSet<int>()),
            new TripInsertion(problem, [], busy, new HashSet<int>()));
    }

    /// <summary>A family host 3 km north (4 beds, 2 households) and a men's host 3 km south, one van.</summary>
    private static NightPlanFile Night(int seats, LocalTime until, List<NightHousehold> households)
    {
        var valid = (From: new LocalDate(2026, 1, 1), Until: new LocalDate(2027, 1, 1));
        var hosts = new List<NightHost>
        {
            new("h-fam", NightPlanNights.North(3), 4, 2, new HashSet<HouseholdCategory> { HouseholdCategory.Family }, false, false, true, valid.From, valid.Until),
            new("h-men", NightPlanNights.North(-3), 3, 1, new HashSet<HouseholdCategory> { HouseholdCategory.Men }, false, false, true, valid.From, valid.Until),
        };
        var night = new NightFile(new LocalDate(2026, 11, 26), new NightBase("base", NightPlanNights.Base), MatchingRules.Default, hosts, households);
        var transport = new NightTransport(new LocalTime(20, 30), new LocalTime(23, 59), 10, 5, RunsRules.Default,
            [new NightVehicle("van-1", seats, new LocalTime(20, 30), until)], new PublicTransportRules(0));
        return new NightPlanFile(night, transport, new Dictionary<string, HostArrival>());
    }

}
