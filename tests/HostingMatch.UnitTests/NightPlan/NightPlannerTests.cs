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
        var file = SmallNight(seed);

        var plan = NightPlanner.Plan(file, Quick);
        var best = ExhaustiveNightPlan.Best(file);

        Assert.Empty(NightPlanChecker.Check(file, plan));
        Assert.True(NightPlanChecker.Compare(plan.Summary.PeoplePlaced, best) <= 0, "the plan beats what the exhaustive search allows: a rule is not checked");
        Assert.True(NightPlanChecker.Compare(plan.Summary.UpperBound, best) >= 0,
            $"the upper bound [{string.Join(",", plan.Summary.UpperBound)}] is below the optimum [{string.Join(",", best)}]");
        Assert.True(NightPlanChecker.Compare(plan.Summary.PeoplePlaced, plan.Summary.SequentialPeoplePlaced) >= 0);
        Assert.Equal(best, plan.Summary.PeoplePlaced);
    }

    /// <summary>
    /// Past the people brought: the waiting nights, continuity, the people's arrival minutes (children in bed sooner) and
    /// the driving are as good as the exhaustive search's best on every small night. Levels 4-5 follow the tiers in one
    /// weighted model; level 6 is the exact model's arrivals step; level 7 the routing and the insertion.
    /// </summary>
    [Theory]
    [MemberData(nameof(SmallSeeds))]
    public void SmallNight_IsAsGoodAsTheExhaustiveSearchOnAllSevenLevels(int seed)
    {
        var file = SmallNight(seed);

        PlanAsGoodAsTheExhaustiveSearch(file);
    }

    /// <summary>Seeds 1-30; <c>HOSTINGMATCH_WIDE_FROM</c> and <c>_COUNT</c> explore more.</summary>
    public static TheoryData<int> SmallSeedsWithACar() => WideRuns.Seeds(1, 30);

    /// <summary>
    /// With a volunteer's car beside the van (half the nights with a van shift of 50-140 minutes, so that the car is
    /// needed): the exhaustive search shares the stops between the two vehicles every way, and the plan matches its best
    /// levels (people per tier, waiting nights, continuity, arrival minutes, driving).
    /// </summary>
    [Theory]
    [MemberData(nameof(SmallSeedsWithACar))]
    public void SmallNightWithACar_IsAsGoodAsTheExhaustiveSearchOnAllSevenLevels(int seed)
    {
        var random = new Random(seed + 1000);
        var file = NightPlanNights.Create(seed + 1000, households: random.Next(2, 6), hosts: random.Next(2, 5), cars: 1, escorts: random.Next(0, 2),
            clockChange: seed % 5 == 0 ? 1 + (seed / 5 % 2) : 0, spreadKm: 12);
        if (seed % 2 == 0)
        {
            var van = file.Transport.Vehicles[0];
            file = file with { Transport = file.Transport with { Vehicles = [van with { AvailableUntil = van.AvailableFrom.PlusMinutes(random.Next(50, 140)) }, file.Transport.Vehicles[1]] } };
        }

        PlanAsGoodAsTheExhaustiveSearch(file);
    }

    /// <summary>
    /// With slow vans (12 km/h) and quick public transport (25 km/h, 2 escorts), an escort often reaches a fetching host
    /// sooner than the host fetches, and the van is what brings fewest: the plan still matches the exhaustive search on
    /// every level.
    /// </summary>
    [Theory]
    [MemberData(nameof(SmallSeedsWithACar))]
    public void SmallNightWithSlowVansAndQuickPublicTransport_IsAsGoodAsTheExhaustiveSearchOnAllSevenLevels(int seed)
    {
        var night = SmallNight(seed + 2000);
        var file = night with
        {
            Transport = night.Transport with { Rules = new RunsRules(12, 1.3), PublicTransport = night.Transport.PublicTransport with { Escorts = 2, SpeedKmh = 25 } },
            HostArrivals = night.HostArrivals.Concat(night.Night.Hosts.Where((k, i) => i % 2 == 0 && !night.HostArrivals.ContainsKey(k.Id))
                .Select(k => KeyValuePair.Create(k.Id, new HostArrival(null, null, PicksUpAtBase: true)))).ToDictionary(),
        };

        PlanAsGoodAsTheExhaustiveSearch(file);
    }

    /// <summary>
    /// Most small nights are proved optimal on every level, and each one that says so is (the exhaustive search agrees on
    /// all seven). A night is not proved when the driving's bound, each trip's tour through its farthest stop or a pair of
    /// its stops, is below a trip of three stops: 3 of these 40 on 2026-12-07.
    /// </summary>
    [Fact]
    public void SmallNights_MostAreProvedOptimalOnEveryLevel_AndThoseAreOptimal()
    {
        var proved = 0;
        foreach (var seed in Enumerable.Range(1, 20))
        {
            var night = SmallNight(seed);
            var withACar = night with { Transport = night.Transport with { Vehicles = [.. night.Transport.Vehicles, new NightVehicle("car-x", 3, new LocalTime(20, 45), new LocalTime(23, 30))] } };
            foreach (var file in new[] { night, withACar })
            {
                var plan = NightPlanner.Plan(file, Quick);
                var s = plan.Summary;
                if (plan.Optimal)
                {
                    Assert.Equal(ExhaustiveNightPlan.BestLevels(file), Levels(plan));
                    Assert.Equal(s.PeoplePlaced, s.UpperBound);
                    proved++;
                }
            }
        }

        Assert.True(proved >= 30, $"{proved} of 40 proved optimal");
    }

    /// <summary>
    /// transport.md lets an escort take adults to a host who fetches: with the vans' speed at 10 km/h a fetching host 6 km
    /// away is 47 minutes off, public transport 44. The engine let every fetching host fetch and still said optimal (found
    /// by review); now the escort takes them when that is sooner.
    /// </summary>
    [Fact]
    public void AFetchingHostThatPublicTransportReachesSooner_TheEscortTakesThem()
    {
        var file = TwoMenAndOneHost(new RunsRules(10, 1.3), vehicles: [], new HostArrival(null, null, PicksUpAtBase: true));

        var plan = PlanAsGoodAsTheExhaustiveSearch(file);

        Assert.Equal(88, plan.Summary.PersonArrivalMinutes);
        Assert.Equal(RideWay.PublicTransport, plan.Placements.Single().Ride.Way);
    }

    /// <summary>
    /// transport.md lets a vehicle leave at its <c>availableFrom</c>, before <c>firstDeparture</c>: a car free at 20:00
    /// has two men at a host 3 km away when its window opens at 20:30. The engine started every vehicle at 20:30 (22
    /// minutes later for them) and still said optimal (found by review); now it leaves at 20:00.
    /// </summary>
    [Fact]
    public void AVehicleFreeBeforeTheFirstDeparture_LeavesBeforeIt()
    {
        var file = TwoMenAndOneHost(RunsRules.Default, vehicles: [new NightVehicle("car-early", 3, new LocalTime(20, 0), new LocalTime(23, 30))], new HostArrival(null, null, PicksUpAtBase: false), km: 3);

        var plan = PlanAsGoodAsTheExhaustiveSearch(file);

        Assert.Equal(0, plan.Summary.PersonArrivalMinutes);
        Assert.True(plan.Trips.Single().DepartAt.TimeOfDay < new LocalTime(20, 30));
    }

    /// <summary>Plans <paramref name="file"/>, checks every rule, and that its seven levels are the exhaustive search's best.</summary>
    private static Application.NightPlan.Engine.NightPlan PlanAsGoodAsTheExhaustiveSearch(NightPlanFile file)
    {
        var plan = NightPlanner.Plan(file, Quick);
        Assert.Empty(NightPlanChecker.Check(file, plan));
        Assert.Equal(ExhaustiveNightPlan.BestLevels(file), Levels(plan));
        return plan;
    }

    /// <summary>The seven levels of transport.md's objective, each larger-is-better (arrival and driving minutes negated).</summary>
    private static long[] Levels(Application.NightPlan.Engine.NightPlan plan)
    {
        var s = plan.Summary;
        return [.. s.PeoplePlaced.Select(p => (long)p), s.WaitingNightsPlaced, s.ContinuityPlacements, -s.PersonArrivalMinutes, -s.DrivingMinutes];
    }

    private static NightPlanFile TwoMenAndOneHost(RunsRules rules, IReadOnlyList<NightVehicle> vehicles, HostArrival arrival, double km = 6)
    {
        var night = new LocalDate(2026, 11, 26);
        var host = new NightHost("h-1", NightPlanNights.North(km), 2, 1, new HashSet<HouseholdCategory> { HouseholdCategory.Men }, false, false, true,
            night.PlusDays(-30), night.PlusDays(30));
        var men = new NightHousehold("hh-1", [new Member(30, Sex.Male), new Member(40, Sex.Male)]);
        return new NightPlanFile(new NightFile(night, new NightBase("Porte de la Chapelle", NightPlanNights.Base), MatchingRules.Default, [host], [men]),
            new NightTransport(new LocalTime(20, 30), new LocalTime(23, 59), 10, 5, rules, vehicles, new PublicTransportRules(1)),
            new Dictionary<string, HostArrival> { ["h-1"] = arrival });
    }

    /// <summary>A night of 2-5 households, 2-4 hosts within 12 km, the van alone and 0-1 escort; every fifth a clock-change night.</summary>
    private static NightPlanFile SmallNight(int seed)
    {
        var random = new Random(seed);
        return NightPlanNights.Create(seed, households: random.Next(2, 6), hosts: random.Next(2, 5), cars: 0, escorts: random.Next(0, 2),
            clockChange: seed % 5 == 0 ? 1 + (seed / 5 % 2) : 0, spreadKm: 12);
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
        Assert.True(!plan.Optimal || plan.Summary.UpperBound.SequenceEqual(plan.Summary.PeoplePlaced), "optimal above its own bound");
    }

    /// <summary>16 nights from seed 700; <c>HOSTINGMATCH_WIDE_FROM</c>, <c>_COUNT</c> and <c>_SECONDS</c> explore more (150 at 0.5 s found the two rule 2 defects below).</summary>
    public static TheoryData<int> WideSeeds() => WideRuns.Seeds(700, 16);

    /// <summary>Wide nights (<see cref="NightPlanNights.Wide"/>), planned, then planned again once each vehicle's first trip has left and about half the placements are agreed.</summary>
    [Theory]
    [MemberData(nameof(WideSeeds))]
    public void NightBeyondTheNetworksUsualEvening_KeepsEveryRule_AndNeverBringsFewerThanTheSequentialPlan(int seed)
    {
        var file = NightPlanNights.Wide(seed);

        var limit = WideRuns.Limit(1);
        var plan = NightPlanner.Plan(file, new NightPlanOptions(limit));

        Assert.Empty(NightPlanChecker.Check(file, plan));
        Assert.True(NightPlanChecker.Compare(plan.Summary.PeoplePlaced, plan.Summary.SequentialPeoplePlaced) >= 0);
        Assert.True(NightPlanChecker.Compare(plan.Summary.UpperBound, plan.Summary.PeoplePlaced) >= 0);

        // The evening goes on: each vehicle's first trip has left and about half the placements are agreed; the re-plan
        // keeps both and every rule.
        var random = new Random(seed);
        var departed = plan.Trips.GroupBy(t => t.VanId).Select(g => g.OrderBy(t => t.Trip).First()).ToList();
        var onBoard = departed.SelectMany(t => t.Stops).SelectMany(s => s.HouseholdIds.Select(h => (h, s.HostId))).ToDictionary(x => x.h, x => x.HostId);
        var agreed = plan.Placements.Where(p => !onBoard.ContainsKey(p.HouseholdId) && random.NextDouble() < 0.5).ToDictionary(p => p.HouseholdId, p => p.HostId);

        var again = NightPlanner.Plan(file, new NightPlanOptions(limit, ConfirmedPlacements: agreed, DepartedTrips: departed));

        Assert.Empty(NightPlanChecker.Check(file, again));
        foreach (var (household, host) in onBoard)
        {
            Assert.Contains(again.Placements, p => p.HouseholdId == household && p.HostId == host && p.Ride.Way == RideWay.Vehicle);
        }

        foreach (var trip in departed)
        {
            Assert.Contains(again.Trips, t => t == trip || (t.VanId == trip.VanId && t.Trip == trip.Trip && t.DepartAt == trip.DepartAt));
        }

        Assert.DoesNotContain(again.Unplaced, u => agreed.ContainsKey(u.HouseholdId));
        foreach (var p in again.Placements.Where(p => agreed.ContainsKey(p.HouseholdId)))
        {
            Assert.Equal(agreed[p.HouseholdId], p.HostId);
        }
    }

    [Fact]
    public void ANightFarBeyondTheNetworksSize_KeepsItsTimeLimitAndEveryRule()
    {
        // 200 households, 1,000 hosts, a van and 5 cars: the transport model alone (about 600,000 variables) took seconds to
        // build and as many for CP-SAT to load, outside the limit (found by a probe: 66 s for a limit of 10 s over HTTP).
        var file = NightPlanNights.Create(42, households: 200, hosts: 1000, cars: 5, escorts: 2);
        var limit = TimeSpan.FromSeconds(4);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var plan = NightPlanner.Plan(file, new NightPlanOptions(limit));
        watch.Stop();

        Assert.Empty(NightPlanChecker.Check(file, plan));
        Assert.True(NightPlanChecker.Compare(plan.Summary.PeoplePlaced, plan.Summary.SequentialPeoplePlaced) >= 0);
        // Loose (a busy machine runs the suite in parallel): the model alone took 7 s before.
        Assert.True(watch.Elapsed < limit * 2, $"{watch.ElapsedMilliseconds} ms for a limit of {limit.TotalMilliseconds} ms");
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
        var host = new NightHost("h-far", NightPlanNights.North(15), 4, 1, new HashSet<HouseholdCategory> { HouseholdCategory.Family }, false, false, true,
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
            new("h-near", NightPlanNights.North(3), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
            new("h-fetch", NightPlanNights.North(-3), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
            new("h-metro", NightPlanNights.North(5), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
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
            new("h-1", NightPlanNights.North(3), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
            new("h-2", NightPlanNights.North(-3), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
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
            new("h-1", NightPlanNights.North(3), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
            new("h-2", NightPlanNights.North(-3), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
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

    [Fact]
    public void AnAgreedPlacement_IsDrivenFirst_WhenTheVanCannotTakeEveryone()
    {
        // The van has time for one trip with one stop: two families of 4 (tier 1) at one host, or three men already agreed
        // with their own host (tier 3). The most people would be the families; the agreed men keep their host and the van.
        var hosts = new List<NightHost>
        {
            new("h-fam", NightPlanNights.North(3), 8, 2, new HashSet<HouseholdCategory> { HouseholdCategory.Family }, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
            new("h-men", NightPlanNights.North(-2.5), 3, 1, new HashSet<HouseholdCategory> { HouseholdCategory.Men }, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
        };
        var households = new List<NightHousehold>
        {
            new("hh-a", [new Member(30, Sex.Female), new Member(4, Sex.Male), new Member(6, Sex.Male), new Member(9, Sex.Female)]),
            new("hh-b", [new Member(35, Sex.Male), new Member(8, Sex.Male), new Member(2, Sex.Male), new Member(5, Sex.Female)]),
            new("hh-m", [new Member(40, Sex.Male), new Member(41, Sex.Male), new Member(42, Sex.Male)]),
        };
        var file = File1(hosts, households, vans: [new NightVehicle("van-1", 8, new LocalTime(20, 30), new LocalTime(21, 10))], escorts: 0);
        var alone = NightPlanner.Plan(file, Quick);

        var plan = NightPlanner.Plan(file, Quick with { ConfirmedPlacements = new Dictionary<string, string> { ["hh-m"] = "h-men" } });

        Assert.Equal([8, 0, 0], alone.Summary.PeoplePlaced);
        Assert.Empty(NightPlanChecker.Check(file, plan));
        Assert.Empty(plan.PinnedWithoutRide);
        var men = plan.Placements.Single(p => p.HouseholdId == "hh-m");
        Assert.Equal(("h-men", RideWay.Vehicle), (men.HostId, men.Ride.Way));
        Assert.Equal([0, 0, 3], plan.Summary.PeoplePlaced);
    }

    [Fact]
    public void AHouseholdOnADepartedTrip_KeepsItsBeds_AndItsHostGetsNoSecondStop()
    {
        // A man (tier 3) has left on the van for the only host a family of 3 (tier 1) could have; 3 beds, one household.
        // The family cannot take his place, and no new trip may stop there again (review finding: the bound's model could
        // leave the man unplaced and give the family his beds).
        var (file, departed) = ADepartedMan(beds: 3, maxHouseholds: 1,
            new NightHousehold("hh-fam", [new Member(30, Sex.Female), new Member(4, Sex.Male), new Member(6, Sex.Male)]));

        var plan = NightPlanner.Plan(file, Quick with { DepartedTrips = [departed] });

        Assert.Empty(NightPlanChecker.Check(file, plan));
        Assert.Equal("h-k", plan.Placements.Single(p => p.HouseholdId == "hh-man").HostId);
        Assert.Contains(plan.Unplaced, u => u.HouseholdId == "hh-fam");
    }

    [Fact]
    public void AHostADepartedTripReached_GetsNoNewTrip_EvenWithBedsLeft_AndTheHouseholdIsOutrankedWithASentence()
    {
        // A man has left on the van for the only host 3 other men could have; the host has beds and room for both, but its
        // guests travel on one trip (van-runs.md rule 2), so no new trip may bring the three there (found by the wide
        // generated nights: the decomposition's routing drove them there).
        var (file, departed) = ADepartedMan(beds: 6, maxHouseholds: 2,
            new NightHousehold("hh-men", [new Member(30, Sex.Male), new Member(31, Sex.Male), new Member(32, Sex.Male)]));

        var plan = NightPlanner.Plan(file, Quick with { DepartedTrips = [departed] });

        Assert.Empty(NightPlanChecker.Check(file, plan));
        var men = Assert.Single(plan.Unplaced, u => u.HouseholdId == "hh-men");
        Assert.Equal(NightPlanReason.Outranked, men.Reason);
        Assert.Contains("a trip that has left already stopped there", men.Detail, StringComparison.Ordinal);

        // The decomposition's realiser, given the three at that host, finds them no vehicle either.
        var problem = new NightPlanProblem(file, new MatchingOptions(Pins: new Dictionary<string, string> { ["hh-man"] = "h-k" }), new Dictionary<int, int> { [0] = 0 });
        var ride = new Ride(RideWay.Vehicle, departed.Stops[0].ArriveAt, "van-1", 1);
        var realiser = new Realiser(problem, [departed], new Dictionary<int, Ride> { [0] = ride }, [(50, 1)], new HashSet<int> { 0 });
        var candidate = realiser.Realise([0, 0], null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
        Assert.Equal([departed], candidate.Trips);
        Assert.Equal(-1, candidate.HostOf[1]);
    }

    /// <summary>One host 3 km north (families and men), a man already gone there on the van's first trip (20:40-21:20), and <paramref name="other"/> to place.</summary>
    private static (NightPlanFile File, VanTrip Departed) ADepartedMan(int beds, int maxHouseholds, NightHousehold other)
    {
        var hosts = new List<NightHost>
        {
            new("h-k", NightPlanNights.North(3), beds, maxHouseholds, new HashSet<HouseholdCategory> { HouseholdCategory.Family, HouseholdCategory.Men }, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
        };
        var file = File1(hosts, [new NightHousehold("hh-man", [new Member(40, Sex.Male)]), other],
            vans: [new NightVehicle("van-1", 8, new LocalTime(20, 30), new LocalTime(0, 30))], escorts: 0);
        OffsetDateTime At(int h, int m) => HostingMatch.Domain.Night.At(file.Night.Night, new LocalTime(h, m)).ToOffsetDateTime();
        return (file, new VanTrip("van-1", 1, At(20, 40), At(21, 20), 1, [new TripStop("h-k", ["hh-man"], 1, At(20, 52))]));
    }

    [Fact]
    public void AgreedHouseholdsRoutedFirst_TakeTheOthersBoundForTheirHostOnTheSameTrip()
    {
        // One round trip fits each shift. Routed all together, the van takes the family of 5 to h-2 and the car cannot
        // take h-1's 4 men (3 seats), so the agreed man is left: the realiser routes the agreed households first. Routing
        // him alone put him on the van and then the 3 men bound for his host on the car: two trips to one host (van-runs.md
        // rule 2; found by the wide generated nights). They go together.
        var accepts = new HashSet<HouseholdCategory> { HouseholdCategory.Family, HouseholdCategory.Men };
        var hosts = new List<NightHost>
        {
            new("h-1", NightPlanNights.North(8), 6, 2, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
            new("h-2", NightPlanNights.North(-8), 6, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
        };
        var households = new List<NightHousehold>
        {
            new("hh-agreed", [new Member(40, Sex.Male)]),
            new("hh-men", [new Member(30, Sex.Male), new Member(31, Sex.Male), new Member(32, Sex.Male)]),
            new("hh-fam", [new Member(30, Sex.Female), new Member(4, Sex.Male), new Member(6, Sex.Male), new Member(8, Sex.Male), new Member(9, Sex.Female)]),
        };
        var file = File1(hosts, households, vans:
        [
            new NightVehicle("van-1", 8, new LocalTime(20, 30), new LocalTime(21, 55)),
            new NightVehicle("car-1", 3, new LocalTime(20, 30), new LocalTime(21, 55)),
        ], escorts: 0);
        var problem = new NightPlanProblem(file, new MatchingOptions(Pins: new Dictionary<string, string> { ["hh-agreed"] = "h-1" }));
        var realiser = new Realiser(problem, [], new Dictionary<int, Ride>(), new (int Ready, int TripsDone)?[2], new HashSet<int> { 0 });

        var candidate = realiser.Realise([0, 0, 1], [RideWay.Vehicle, RideWay.Vehicle, RideWay.Vehicle], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        var toFirstHost = candidate.Trips.Where(t => t.Stops.Any(s => s.HostId == "h-1")).ToList();
        var trip = Assert.Single(toFirstHost);
        Assert.Equal(["hh-agreed", "hh-men"], trip.Stops.Single(s => s.HostId == "h-1").HouseholdIds.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void AnAgreedPlacement_KeepsItsBeds_WhenTheExactModelWouldGiveThemToAHigherTier()
    {
        // A fetching host with 3 beds for one household: a man already agreed there (tier 3), and a family of 3 (tier 1)
        // for whom it is the only host. The bound's model may leave the agreed man without his bed; a plan may not: the
        // family is not placed, the man keeps his host (review finding: the exact model's plan put both there).
        var hosts = new List<NightHost>
        {
            new("h-k", NightPlanNights.North(3), 3, 1, new HashSet<HouseholdCategory> { HouseholdCategory.Family, HouseholdCategory.Men }, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
        };
        var households = new List<NightHousehold>
        {
            new("hh-man", [new Member(40, Sex.Male)]),
            new("hh-fam", [new Member(30, Sex.Female), new Member(4, Sex.Male), new Member(6, Sex.Male)]),
        };
        var file = File1(hosts, households, vans: [new NightVehicle("van-1", 8, new LocalTime(20, 30), new LocalTime(0, 30))], escorts: 0,
            arrivals: new Dictionary<string, HostArrival> { ["h-k"] = new HostArrival(null, null, true) });

        var plan = NightPlanner.Plan(file, Quick with { ConfirmedPlacements = new Dictionary<string, string> { ["hh-man"] = "h-k" } });

        Assert.Empty(NightPlanChecker.Check(file, plan));
        Assert.Equal("h-k", plan.Placements.Single(p => p.HouseholdId == "hh-man").HostId);
        Assert.Contains(plan.Unplaced, u => u.HouseholdId == "hh-fam");
    }

    [Fact]
    public void AnAgreedPlacementNoRideCanBringOnceShared_StaysAtItsHostWithoutARide_AndItsBedsAreNotGivenAway()
    {
        // One trip of 8 seats and two agreed households of 5: one is driven, the other keeps its host, apart, without a
        // ride. A third household that fits only that host must not be put in its beds.
        var families = new HashSet<HouseholdCategory> { HouseholdCategory.Family };
        var hosts = new List<NightHost>
        {
            new("h-1", NightPlanNights.North(3), 5, 2, families, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
            new("h-2", NightPlanNights.North(-3), 7, 2, families, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
        };
        Member[] Five() => [new(30, Sex.Female), new(4, Sex.Male), new(6, Sex.Male), new(9, Sex.Female), new(1, Sex.Female)];
        var households = new List<NightHousehold>
        {
            new("hh-a", Five()),
            new("hh-b", Five()),
            new("hh-c", [new Member(28, Sex.Female), new Member(3, Sex.Male)], NightsWithoutShelter: 5),
        };
        var file = File1(hosts, households, vans: [new NightVehicle("van-1", 8, new LocalTime(20, 30), new LocalTime(21, 10))], escorts: 0);
        var agreed = new Dictionary<string, string> { ["hh-a"] = "h-1", ["hh-b"] = "h-2" };

        var plan = NightPlanner.Plan(file, Quick with { ConfirmedPlacements = agreed });

        Assert.Empty(NightPlanChecker.Check(file, plan));
        var left = Assert.Single(plan.PinnedWithoutRide);
        Assert.Equal(agreed[left.HouseholdId], left.HostId);
        var driven = Assert.Single(plan.Placements, p => p.HouseholdId != "hh-c");
        Assert.Equal(agreed[driven.HouseholdId], driven.HostId);
        Assert.DoesNotContain(plan.Placements, p => p.HouseholdId == "hh-c" && p.HostId == left.HostId);
        Assert.DoesNotContain(plan.Unplaced, u => agreed.ContainsKey(u.HouseholdId));
    }

    public static TheoryData<int> PinnedSeeds() => [.. Enumerable.Range(300, 12)];

    /// <summary>Nights short of rides with about half the households agreed already: no agreed household loses its host or is listed unplaced.</summary>
    [Theory]
    [MemberData(nameof(PinnedSeeds))]
    public void OnNightsShortOfRides_AgreedPlacementsKeepTheirHost_AndEveryRuleHolds(int seed)
    {
        var random = new Random(seed);
        var file = NightPlanNights.Create(seed, households: random.Next(14, 22), hosts: 30, cars: random.Next(0, 2), escorts: random.Next(0, 2),
            clockChange: seed % 4 == 0 ? 1 : 0, spreadKm: 14);
        var agreed = Agree(file, random);

        var plan = NightPlanner.Plan(file, new NightPlanOptions(TimeSpan.FromSeconds(3), ConfirmedPlacements: agreed));

        Assert.Empty(NightPlanChecker.Check(file, plan));
        Assert.DoesNotContain(plan.Unplaced, u => agreed.ContainsKey(u.HouseholdId));
        foreach (var p in plan.Placements.Where(p => agreed.ContainsKey(p.HouseholdId)))
        {
            Assert.Equal(agreed[p.HouseholdId], p.HostId);
        }

        foreach (var p in plan.PinnedWithoutRide)
        {
            Assert.Equal(agreed[p.HouseholdId], p.HostId);
        }
    }

    /// <summary>About half the households, each agreed with a host that some way reaches alone, the agreements fitting together (rules 1-7, by the checker's own code).</summary>
    private static Dictionary<string, string> Agree(NightPlanFile file, Random random)
    {
        var agreed = new Dictionary<string, string>();
        var at = new Dictionary<string, List<NightHousehold>>();
        foreach (var h in file.Night.Households.Where(_ => random.NextDouble() < 0.5))
        {
            var fits = file.Night.Hosts.Where(k => NightPlanChecker.Allows(file.Night, k, h) && NightPlanChecker.Reachable(file, h, k))
                .Where(k =>
                {
                    var together = at.GetValueOrDefault(k.Id, []).Append(h).ToList();
                    return together.Sum(x => x.Members.Count) <= k.Beds && together.Count <= k.MaxHouseholds
                        && together.Select(NightPlanChecker.Category).Distinct().Count() == 1;
                }).ToList();
            if (fits.Count > 0)
            {
                var k = fits[random.Next(fits.Count)];
                agreed[h.Id] = k.Id;
                at.TryAdd(k.Id, []);
                at[k.Id].Add(h);
            }
        }

        return agreed;
    }

    private static NightPlanFile File1(List<NightHost> hosts, List<NightHousehold> households, List<NightVehicle> vans, int escorts,
        Dictionary<string, HostArrival>? arrivals = null)
    {
        var night = new NightFile(new LocalDate(2026, 11, 26), new NightBase("base", NightPlanNights.Base), MatchingRules.Default, hosts, households);
        var transport = new NightTransport(new LocalTime(20, 30), new LocalTime(23, 59), 10, 5, RunsRules.Default, vans, new PublicTransportRules(escorts));
        return new NightPlanFile(night, transport, arrivals ?? []);
    }

}
