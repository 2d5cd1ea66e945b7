using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.NightPlan;
using HostingMatch.Application.NightPlan.Engine;
using HostingMatch.Application.VanRuns.Planner;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.UnitTests.NightPlan;

/// <summary>The night plan engine against the independent checker, the exhaustive search and the sequential plan.</summary>
public sealed class NightPlannerTests
{
    private static readonly NightPlanOptions Quick = new(TimeSpan.FromSeconds(3));

    public static TheoryData<int> SmallSeeds() => [.. Enumerable.Range(1, 30)];

    [Theory]
    [MemberData(nameof(SmallSeeds))]
    public void SmallNight_BringsThePeopleTheExhaustiveSearchFinds_AndItsBoundHoldsIt(int seed)
    {
        var random = new Random(seed);
        var file = NightPlanNights.Create(seed, households: random.Next(2, 6), hosts: random.Next(2, 5), cars: 0, escorts: random.Next(0, 2),
            clockChange: seed % 5 == 0 ? 1 + (seed / 5 % 2) : 0, spreadKm: 12);

        var plan = NightPlanner.Plan(file, Quick);
        var best = ExhaustiveNightPlan.Best(file);

        Assert.Empty(NightPlanChecker.Check(file, plan));
        Assert.True(NightPlanChecker.Compare(plan.Summary.PeoplePlaced, best) <= 0, "the plan beats what the exhaustive search allows: a rule is not checked");
        Assert.True(NightPlanChecker.Compare(plan.Summary.UpperBound, best) >= 0,
            $"the upper bound [{string.Join(",", plan.Summary.UpperBound)}] is below the optimum [{string.Join(",", best)}]");
        Assert.True(NightPlanChecker.Compare(plan.Summary.PeoplePlaced, plan.Summary.SequentialPeoplePlaced) >= 0);
        Assert.Equal(best, plan.Summary.PeoplePlaced);
    }

    public static TheoryData<int, int> GeneratedNights() => new()
    {
        { 101, 0 }, { 102, 0 }, { 103, 0 }, { 104, 1 }, { 105, 1 }, { 106, 2 }, { 107, 2 },
    };

    [Theory]
    [MemberData(nameof(GeneratedNights))]
    public void NetworkSizedNight_KeepsEveryRuleOfTheThreeSpecs_ClockChangeNightsIncluded(int seed, int clockChange)
    {
        var random = new Random(seed);
        var file = NightPlanNights.Create(seed, households: random.Next(12, 18), hosts: 60, cars: random.Next(0, 4), escorts: random.Next(0, 3), clockChange: clockChange);

        var plan = NightPlanner.Plan(file, new NightPlanOptions(TimeSpan.FromSeconds(5)));

        Assert.Empty(NightPlanChecker.Check(file, plan));
        Assert.True(NightPlanChecker.Compare(plan.Summary.PeoplePlaced, plan.Summary.SequentialPeoplePlaced) >= 0);
        Assert.False(plan.Optimal);
    }

    [Fact]
    public void ClockChangeNights_AreTheSaturdaysBeforeTheLastSundaysOfOctoberAndMarch_AndTheOffsetChangesDuringThem()
    {
        var paris = DateTimeZoneProviders.Tzdb["Europe/Paris"];
        foreach (var night in new[] { NightPlanNights.Autumn, NightPlanNights.Spring })
        {
            var sunday = night.PlusDays(1);
            Assert.Equal(IsoDayOfWeek.Sunday, sunday.DayOfWeek);
            Assert.NotEqual(sunday.Month, sunday.PlusDays(7).Month);
            var evening = paris.AtLeniently(night.At(new LocalTime(21, 0))).Offset;
            var morning = paris.AtLeniently(sunday.At(new LocalTime(5, 0))).Offset;
            Assert.NotEqual(evening, morning);
        }
    }

    [Fact]
    public void TheSampleNight_KeepsEveryRule_AndBringsAtLeastTheSequentialPlan()
    {
        var read = NightPlanFileReader.Read(File.ReadAllText(VanRuns.Samples.Path("night-plan-sample.json")));
        Assert.NotNull(read.File);

        var plan = NightPlanner.Plan(read.File, Quick);

        Assert.Empty(NightPlanChecker.Check(read.File, plan));
        Assert.True(NightPlanChecker.Compare(plan.Summary.PeoplePlaced, plan.Summary.SequentialPeoplePlaced) >= 0);
        Assert.Contains(plan.Placements, p => p.Ride.Way == RideWay.HostFetches);
        Assert.Contains(plan.Placements, p => p.Ride.Way == RideWay.Vehicle);
    }

    [Fact]
    public void AHouseholdNoWayCanBring_IsNoRide_WithASentence()
    {
        // A family 15 km away, the only van back at the base by 20:45: no trip, no fetching host, no public transport for children.
        var host = new NightHost("h-far", North(15), 4, 1, new HashSet<HouseholdCategory> { HouseholdCategory.Family }, false, false, true,
            new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1));
        var family = new NightHousehold("hh-1", [new Member(30, Sex.Female), new Member(4, Sex.Male)]);
        var file = File1([host], [family], vans: [new NightVehicle("van-1", 8, new LocalTime(20, 30), new LocalTime(20, 45))], escorts: 2);

        var plan = NightPlanner.Plan(file, Quick);

        var unplaced = Assert.Single(plan.Unplaced);
        Assert.Equal(NightPlanReason.NoRide, unplaced.Reason);
        Assert.Contains("no way can bring this household", unplaced.Detail);
        Assert.Empty(NightPlanChecker.Check(file, plan));
    }

    [Fact]
    public void WhenTheVanIsFull_TheFamilyGoesToTheFetchingHostAndTheMenByEscort()
    {
        // One 2-seat car with time for one trip; a host who fetches; an escort. Three households, three ways.
        var accepts = new HashSet<HouseholdCategory> { HouseholdCategory.Family, HouseholdCategory.Men };
        var hosts = new List<NightHost>
        {
            new("h-near", North(3), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
            new("h-fetch", North(-3), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
            new("h-metro", North(5), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
        };
        var households = new List<NightHousehold>
        {
            new("hh-a", [new Member(30, Sex.Female), new Member(4, Sex.Male)]),
            new("hh-b", [new Member(35, Sex.Male), new Member(8, Sex.Male)]),
            new("hh-c", [new Member(40, Sex.Male), new Member(41, Sex.Male)]),
        };
        var file = File1(hosts, households, vans: [new NightVehicle("car-1", 2, new LocalTime(20, 30), new LocalTime(21, 10))], escorts: 1,
            arrivals: new Dictionary<string, HostArrival> { ["h-fetch"] = new(PicksUpAtBase: true) });

        var plan = NightPlanner.Plan(file, Quick);

        Assert.Empty(NightPlanChecker.Check(file, plan));
        Assert.Equal([4, 0, 2], plan.Summary.PeoplePlaced);
        Assert.Equal(RideWay.PublicTransport, plan.Placements.Single(p => p.HouseholdId == "hh-c").Ride.Way);
        Assert.Equal(["host-fetches", "vehicle"], plan.Placements.Where(p => p.Tier == 1).Select(p => p.Ride.Way.ToWire()).Order());
    }

    [Fact]
    public void AFamilyLeftBecauseTheCarIsFull_IsOutrankedOnTheRides()
    {
        var accepts = new HashSet<HouseholdCategory> { HouseholdCategory.Family };
        var hosts = new List<NightHost>
        {
            new("h-1", North(3), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
            new("h-2", North(-3), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
        };
        var households = new List<NightHousehold>
        {
            new("hh-a", [new Member(30, Sex.Female), new Member(4, Sex.Male)], NightsWithoutShelter: 3),
            new("hh-b", [new Member(35, Sex.Male), new Member(8, Sex.Male)]),
        };
        var file = File1(hosts, households, vans: [new NightVehicle("car-1", 2, new LocalTime(20, 30), new LocalTime(21, 10))], escorts: 0);

        var plan = NightPlanner.Plan(file, Quick);

        Assert.Empty(NightPlanChecker.Check(file, plan));
        Assert.Equal("hh-a", Assert.Single(plan.Placements).HouseholdId);
        var left = Assert.Single(plan.Unplaced);
        Assert.Equal(NightPlanReason.Outranked, left.Reason);
        Assert.Contains("the rides went to others", left.Detail);
    }

    [Fact]
    public void ADepartedTrip_IsKept_AndTheVanBoardsAgainAfterItIsBack()
    {
        var accepts = new HashSet<HouseholdCategory> { HouseholdCategory.Family };
        var hosts = new List<NightHost>
        {
            new("h-1", North(3), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
            new("h-2", North(-3), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
        };
        var households = new List<NightHousehold>
        {
            new("hh-a", [new Member(30, Sex.Female), new Member(4, Sex.Male)]),
            new("hh-b", [new Member(35, Sex.Male), new Member(8, Sex.Male)]),
        };
        var file = File1(hosts, households, vans: [new NightVehicle("van-1", 8, new LocalTime(20, 30), new LocalTime(0, 30))], escorts: 0);
        var night = file.Night.Night;
        OffsetDateTime At(int h, int m) => HostingMatch.Domain.Night.At(night, new LocalTime(h, m)).ToOffsetDateTime();
        var departed = new VanTrip("van-1", 1, At(20, 40), At(21, 20), 2, [new TripStop("h-1", ["hh-a"], 2, At(20, 52))]);

        var plan = NightPlanner.Plan(file, Quick with { DepartedTrips = [departed] });

        Assert.Contains(departed, plan.Trips);
        Assert.Equal(2, plan.Placements.Count);
        var second = plan.Trips.Single(t => t.Trip == 2);
        Assert.True(second.DepartAt.ToInstant() >= At(21, 30).ToInstant());
        Assert.Equal("hh-b", Assert.Single(Assert.Single(second.Stops).HouseholdIds));
    }

    private static NightPlanFile File1(List<NightHost> hosts, List<NightHousehold> households, List<NightVehicle> vans, int escorts,
        Dictionary<string, HostArrival>? arrivals = null)
    {
        var night = new NightFile(new LocalDate(2026, 11, 26), new NightBase("base", NightPlanNights.Base), MatchingRules.Default, hosts, households);
        var transport = new NightTransport(new LocalTime(20, 30), new LocalTime(23, 59), 10, 5, RunsRules.Default, vans, new PublicTransportRules(escorts));
        return new NightPlanFile(night, transport, arrivals ?? []);
    }

    private static GeoPoint North(double km) => new(NightPlanNights.Base.Latitude + (km / 111.19), NightPlanNights.Base.Longitude);
}
