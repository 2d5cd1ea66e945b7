using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.NightPlan;
using HostingMatch.Application.NightPlan.Engine;
using HostingMatch.Application.VanRuns.Planner;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.UnitTests.NightPlan;

/// <summary>
/// The vehicles' relaxation behind the upper bound (<c>VehicleRelaxation</c>, <c>TransportModel.Bound</c>): every real plan
/// keeps its rows, and its bound is never below what the exhaustive search or the planner brings. The bound is read raw,
/// before the planner raises it to the plan found, so that a row that cut off a real plan would show.
/// </summary>
public sealed class NightPlanBoundTests
{
    public static TheoryData<int> SmallSeeds() => [.. Enumerable.Range(1, 30)];

    [Theory]
    [MemberData(nameof(SmallSeeds))]
    public void SmallNight_TheRelaxationsBound_IsNeverBelowTheExhaustiveOptimum(int seed)
    {
        var file = SmallNight(seed);
        var best = ExhaustiveNightPlan.Best(file);
        var model = new TransportModel(new NightPlanProblem(file, new MatchingOptions()));
        var bound = model.Bound(new Dictionary<int, int>(), TimeSpan.FromSeconds(3)).Bound;

        Assert.True(NightPlanChecker.Compare(bound, best) >= 0,
            $"the relaxation's bound [{string.Join(",", bound)}] is below the optimum [{string.Join(",", best)}]: a row cuts off a real plan");
    }

    [Theory]
    [MemberData(nameof(SmallSeeds))]
    public void SmallNight_TheExactModel_ProvesTheExhaustiveOptimum_WithPlansThatKeepEveryRule(int seed)
    {
        // The same nights: the exact model (trips as slots) must reach the exhaustive optimum on levels 1-3 (its bound not
        // below: every plan is one of its solutions; its best plan not below either) and every solution it gives must be
        // a plan the checker accepts.
        var file = SmallNight(seed);
        var best = ExhaustiveNightPlan.Best(file);
        var problem = new NightPlanProblem(file, new MatchingOptions());
        var model = new TransportModel(problem);
        var realiser = new Realiser(problem, [], new Dictionary<int, Ride>(), new (int Ready, int TripsDone)?[problem.Vehicles.Count], new HashSet<int>());
        var found = new List<Application.NightPlan.Engine.Candidate>();
        var bound = model.Bound(new Dictionary<int, int>(), TimeSpan.FromSeconds(30), v => problem.Vehicles[v].Ready,
            found: solved => found.Add(realiser.FromTrips(solved.Solution.HostOf, solved.Solution.Way, solved.Trips, new Dictionary<int, int>())
                ?? throw new InvalidOperationException("a solution of the exact model is not a plan once re-timed"))).Bound;

        Assert.True(NightPlanChecker.Compare(bound, best) >= 0,
            $"the exact model's bound [{string.Join(",", bound)}] is below the optimum [{string.Join(",", best)}]: it cuts off a real plan");
        Assert.NotEmpty(found);
        foreach (var candidate in found)
        {
            var plan = realiser.Build(candidate, bound, candidate.PeoplePerTier(), false, 0);
            Assert.Empty(NightPlanChecker.Check(file, plan));
        }

        var reached = found.Select(c => c.PeoplePerTier()).Aggregate((a, b) => NightPlanChecker.Compare(a, b) >= 0 ? a : b);
        Assert.Equal(best, reached);
        Assert.Equal(best, bound);
    }

    [Theory]
    [MemberData(nameof(SmallSeeds))]
    public void SmallNight_TheExactModelsStepsFromAPlan_ProveItOptimalWhenNoBetterExists_AndReachTheOptimumOtherwise(int seed)
    {
        // Each step asks only for more than the plan it is given has (the objective starts one above): "infeasible" is the
        // proof that the plan's value is the tier's optimum. Given the optimum itself, every tier must be proved at it; given
        // the plans the steps find themselves (none at first), the optimum still.
        var file = SmallNight(seed);
        var best = ExhaustiveNightPlan.Best(file);
        var problem = new NightPlanProblem(file, new MatchingOptions());
        var model = new TransportModel(problem);
        var realiser = new Realiser(problem, [], new Dictionary<int, Ride>(), new (int Ready, int TripsDone)?[problem.Vehicles.Count], new HashSet<int>());
        var found = new List<Application.NightPlan.Engine.Candidate>();
        var fromTheOptimum = seed % 2 == 0;
        int[] Reached() => fromTheOptimum ? best
            : found.Count == 0 ? new int[best.Length] : found.Select(c => c.PeoplePerTier()).Aggregate((a, b) => NightPlanChecker.Compare(a, b) >= 0 ? a : b);
        var (bound, _, proved) = model.Bound(new Dictionary<int, int>(), TimeSpan.FromSeconds(30), v => problem.Vehicles[v].Ready,
            found: solved => found.Add(realiser.FromTrips(solved.Solution.HostOf, solved.Solution.Way, solved.Trips, new Dictionary<int, int>())
                ?? throw new InvalidOperationException("a solution of the exact model is not a plan once re-timed")), reached: Reached);

        Assert.Equal(best, bound);
        Assert.True(!fromTheOptimum || proved == 3, $"from the optimum, {proved} tiers of 3 proved");
    }

    /// <summary>The nights of the exhaustive test, half of them with a short shift for the van, so that the rows bind.</summary>
    private static NightPlanFile SmallNight(int seed)
    {
        var random = new Random(seed);
        var file = NightPlanNights.Create(seed, households: random.Next(2, 6), hosts: random.Next(2, 5), cars: 0, escorts: random.Next(0, 2),
            clockChange: seed % 5 == 0 ? 1 + (seed / 5 % 2) : 0, spreadKm: 12);
        if (seed % 2 == 0)
        {
            var van = file.Transport.Vehicles[0];
            file = file with { Transport = file.Transport with { Vehicles = [van with { AvailableUntil = van.AvailableFrom.PlusMinutes(random.Next(50, 140)) }] } };
        }

        return file;
    }

    public static TheoryData<int> GeneratedSeeds() => [.. Enumerable.Range(500, 10)];

    [Theory]
    [MemberData(nameof(GeneratedSeeds))]
    public void GeneratedNight_ThePlanKeepsEveryVehicleRow_AndTheRelaxationsBoundHoldsIt(int seed)
    {
        // Nights short of rides (hosts up to 18 km away, short car shifts): the vehicles' trips are full, the rows tight.
        var random = new Random(seed);
        var file = NightPlanNights.Create(seed, households: random.Next(14, 22), hosts: 40, cars: random.Next(0, 4), escorts: random.Next(0, 3),
            clockChange: seed % 5 == 0 ? 1 : 0, spreadKm: 18);

        var plan = NightPlanner.Plan(file, new NightPlanOptions(TimeSpan.FromSeconds(3)));

        Assert.Empty(NightPlanChecker.Check(file, plan));
        var problem = new NightPlanProblem(file, new MatchingOptions());
        var model = new TransportModel(problem);
        var households = file.Night.Households.Select((h, i) => (h.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var hosts = file.Night.Hosts.Select((k, i) => (k.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var vehicles = file.Transport.Vehicles.Select((v, i) => (v.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var hostOf = Enumerable.Repeat(-1, households.Count).ToArray();
        var vehicleOf = Enumerable.Repeat(-1, households.Count).ToArray();
        foreach (var placement in plan.Placements)
        {
            var (h, k) = (households[placement.HouseholdId], hosts[placement.HostId]);
            hostOf[h] = k;
            if (placement.Ride.Way == RideWay.Vehicle)
            {
                vehicleOf[h] = vehicles[placement.Ride.VehicleId!];
                var p = model.PairList.ToList().IndexOf((h, k));
                Assert.True(p >= 0 && (model.Drivers[p].Contains(vehicleOf[h]) || problem.CanFetch(k)),
                    $"{placement.HouseholdId} is driven to {placement.HostId} by {placement.Ride.VehicleId}, which the relaxation does not allow");
            }
        }

        Assert.Empty(VehicleRelaxation.Violations(model.Rows, model.PairList, hostOf, vehicleOf));
        var bound = model.Bound(new Dictionary<int, int>(), TimeSpan.FromSeconds(2)).Bound;
        Assert.True(NightPlanChecker.Compare(bound, plan.Summary.PeoplePlaced) >= 0,
            $"the relaxation's bound [{string.Join(",", bound)}] is below the plan [{string.Join(",", plan.Summary.PeoplePlaced)}]");
    }

    [Fact]
    public void AVanTooShortForAnyTrip_LendsNoSeatMinutesToTheCar_SoTheBoundIsTheOneFamilyTheCarCanBring()
    {
        // Two families of 3 at hosts 8 km north and south (32 minutes' drive each way). The car (3 seats, 90 minutes) has
        // time for one trip; the van's 30 minutes reach no one. Pooled, their seat-minutes would cover both families.
        var accepts = new HashSet<HouseholdCategory> { HouseholdCategory.Family };
        var hosts = new List<NightHost>
        {
            new("h-n", NightPlanNights.North(8), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
            new("h-s", NightPlanNights.North(-8), 4, 1, accepts, false, false, true, new LocalDate(2026, 1, 1), new LocalDate(2027, 1, 1)),
        };
        var households = new List<NightHousehold>
        {
            new("hh-a", [new Member(30, Sex.Female), new Member(4, Sex.Male), new Member(6, Sex.Female)]),
            new("hh-b", [new Member(35, Sex.Male), new Member(8, Sex.Male), new Member(3, Sex.Female)]),
        };
        var vehicles = new List<NightVehicle>
        {
            new("van-1", 8, new LocalTime(20, 30), new LocalTime(21, 0)),
            new("car-1", 3, new LocalTime(20, 30), new LocalTime(22, 0)),
        };
        var night = new NightFile(new LocalDate(2026, 11, 26), new NightBase("base", NightPlanNights.Base), MatchingRules.Default, hosts, households);
        var file = new NightPlanFile(night, new NightTransport(new LocalTime(20, 30), new LocalTime(23, 59), 10, 5, RunsRules.Default, vehicles,
            new PublicTransportRules(0)), new Dictionary<string, HostArrival>());

        var plan = NightPlanner.Plan(file, new NightPlanOptions(TimeSpan.FromSeconds(3)));

        Assert.Empty(NightPlanChecker.Check(file, plan));
        Assert.Equal([3, 0, 0], plan.Summary.PeoplePlaced);
        Assert.Equal([3, 0, 0], plan.Summary.UpperBound);
    }

}
