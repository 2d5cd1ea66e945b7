using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.NightPlan.Engine;
using HostingMatch.Application.VanRuns.Planner;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using Candidate = HostingMatch.Application.NightPlan.Engine.Candidate;
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

        var routed = realiser.Realise([0, -1], [RideWay.Vehicle, null], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
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

        var routed = realiser.Realise([1, -1], [RideWay.Vehicle, null], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
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

        var lone = insertion.Improve(realiser.Realise([1, -1], [RideWay.Vehicle, null], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)));
        var three = insertion.Improve(realiser.Realise([-1, 1], [null, RideWay.Vehicle], TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10)));

        Assert.Equal([0, 0, 3], lone.PeoplePerTier());
        Assert.Equal([-1, 1], lone.HostOf);
        Assert.Equal([-1, 1], three.HostOf);
        Assert.Empty(NightPlanChecker.Check(file, realiser.Build(lone, [0, 0, 3], [0, 0, 1], false, 0)));
    }

    /// <summary>
    /// The search, from nothing and from the optimal matching's placements, on generated nights of every kind (clock
    /// changes, cars, escorts; the wide ones beyond the network's usual evening): every plan it returns keeps every rule of
    /// the specs (the independent checker).
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    [InlineData(6)]
    [InlineData(7)]
    [InlineData(8)]
    public void TheSearch_KeepsEveryRuleOfTheSpecs(int seed)
    {
        foreach (var file in new[] { NightPlanNights.Create(seed, households: 14, hosts: 24, cars: seed % 3, escorts: seed % 2, clockChange: seed % 3), NightPlanNights.Wide(seed) })
        {
            var (problem, realiser, insertion) = Engine(file);
            var placed = MatchingPlacements(file, problem);

            foreach (var start in new[] { Enumerable.Repeat(-1, placed.Length).ToArray(), placed })
            {
                var plan = realiser.Realise(start, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));
                var searched = insertion.Search(plan, TimeSpan.FromSeconds(30), seed, iterations: 150);

                Assert.Empty(NightPlanChecker.Check(file, realiser.Build(searched, searched.PeoplePerTier(), plan.PeoplePerTier(), false, 0)));
            }
        }
    }

    /// <summary>
    /// From nothing, the insertion alone puts households on the van's evening in one greedy pass; taking stops and trips
    /// off and putting households back in other orders brings more people on these nights (on 34 of the
    /// generated nights of seeds 1-40 it brought more; seed 14: 15/4/0 to 19/4/0, seed 18: 15/0/0 to 19/0/0; the search is capped in iterations, not time, so that it finds the same on any machine).
    /// </summary>
    [Theory]
    [InlineData(14)]
    [InlineData(18)]
    public void TheSearch_BringsMorePeopleThanTheInsertionAlone(int seed)
    {
        var file = NightPlanNights.Create(seed, households: 14, hosts: 24, cars: 0, escorts: 0, spreadKm: 15);
        var (_, realiser, insertion) = Engine(file);
        var plan = realiser.Realise(Enumerable.Repeat(-1, file.Night.Households.Count).ToArray(), null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        var inserted = insertion.Improve(plan);
        var searched = insertion.Search(plan, TimeSpan.FromSeconds(30), seed: 1, iterations: 300);

        Assert.True(Candidate.CompareTiers(searched.PeoplePerTier(), inserted.PeoplePerTier()) > 0,
            $"search {string.Join("/", searched.PeoplePerTier())}, insertion {string.Join("/", inserted.PeoplePerTier())}");
        Assert.Empty(NightPlanChecker.Check(file, realiser.Build(searched, searched.PeoplePerTier(), inserted.PeoplePerTier(), false, 0)));
    }

    /// <summary>
    /// A re-plan: about a third of the optimal matching's placements agreed. The search takes none of them off, whatever
    /// their way (vehicle, fetching host, escort): each keeps its host and its way, and every rule holds.
    /// </summary>
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void TheSearch_NeverTakesAnAgreedHouseholdOff(int seed)
    {
        var file = NightPlanNights.Create(seed, households: 16, hosts: 24, cars: 1, escorts: 2, spreadKm: 12);
        var probe = new NightPlanProblem(file, new MatchingOptions());
        var placed = MatchingPlacements(file, probe);

        var agreed = Enumerable.Range(0, placed.Length).Where(h => placed[h] >= 0 && h % 3 == 0).ToHashSet();
        var (_, realiser, insertion) = Engine(file, agreed.ToDictionary(h => probe.Matching.Households[h].Id, h => probe.Matching.Hosts[placed[h]].Id), agreed);
        var plan = realiser.Realise(placed, null, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(10));

        var searched = insertion.Search(plan, TimeSpan.FromSeconds(30), seed, iterations: 300);

        Assert.NotEmpty(agreed);
        foreach (var h in agreed)
        {
            Assert.Equal(plan.HostOf[h], searched.HostOf[h]);
            Assert.Equal(plan.Rides[h]?.Way, searched.Rides[h]?.Way);
        }

        Assert.Empty(NightPlanChecker.Check(file, realiser.Build(searched, searched.PeoplePerTier(), plan.PeoplePerTier(), false, 0)));
    }

    /// <summary>The optimal matching's host per household (by index), -1 for those it leaves out.</summary>
    private static int[] MatchingPlacements(NightPlanFile file, NightPlanProblem problem)
    {
        var placed = Enumerable.Repeat(-1, problem.Matching.Households.Count).ToArray();
        foreach (var placement in MatchingEngine.Solve(file.Night, new MatchingOptions()).Placements)
        {
            placed[problem.Matching.Households.ToList().FindIndex(h => h.Id == placement.HouseholdId)] = problem.Matching.Hosts.ToList().FindIndex(k => k.Id == placement.HostId);
        }

        return placed;
    }

    /// <remarks><c>pins</c> and <c>agreed</c>: the agreed placements (household id to host id) and their households by index, for a re-plan.</remarks>
    private static (NightPlanProblem, Realiser, TripInsertion) Engine(NightPlanFile file, Dictionary<string, string>? pins = null, HashSet<int>? agreed = null)
    {
        var problem = new NightPlanProblem(file, new MatchingOptions(Pins: pins));
        var busy = new (int Ready, int TripsDone)?[file.Transport.Vehicles.Count];
        agreed ??= [];
        return (problem, new Realiser(problem, [], new Dictionary<int, Ride>(), busy, agreed), new TripInsertion(problem, [], busy, agreed));
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
