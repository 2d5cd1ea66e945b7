using System.Diagnostics;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.VanRuns.Planner;
using HostingMatch.Domain.Households;

namespace HostingMatch.Application.NightPlan.Engine;

/// <summary>
/// The night plan engine (spec: transport.md): hosts and rides chosen together so that the most people, priority
/// first, sleep in a bed tonight. Pure: no I/O, no clock other than the time budget. The decomposition, in short
/// (docs/night-plan.md has the details):
/// <list type="number">
/// <item>The sequential plan: the matching engine's optimal plan, then rides for its placements (fetching hosts, the
/// escorts, the vehicles' routing). It is a candidate, so the night plan never brings fewer people per tier.</item>
/// <item>Match with the rides: <see cref="TransportModel"/> (CP-SAT) chooses beds and ways together, the vehicles'
/// trips relaxed to a budget of seat-minutes. With the full budget its bound bounds every plan: the upper bound.</item>
/// <item>Route: <see cref="VehicleRouting"/> (the van planner, OR-Tools routing) drives the households given a vehicle.</item>
/// <item>Re-match with what the routing learned: when the vehicles could not drive everyone, the budget shrinks to what
/// they did drive (and grows back, by halves, when they drove everything), and the model chooses again, priority first.</item>
/// <item>On nights small enough (the network's size), the exact model: the same CP-SAT model with the vehicles' trips as
/// slots (<see cref="TripSlots"/>), whose solutions are plans, solved tier by tier from the best plan so far (a proof
/// there is a proof for every plan) and then on levels 1-5 with what is left. It has four fifths of the time limit.</item>
/// </list>
/// Every candidate is repaired (a household left without a ride takes a spare escort or a fetching host with room) and
/// the best by the spec's lexicographic order is returned.
/// </summary>
public static class NightPlanner
{
    /// <summary>Plans the night within the options' time limit.</summary>
    /// <exception cref="ArgumentException">When a confirmed placement or a departed trip names an unknown household, host or vehicle, or cannot hold.</exception>
    public static NightPlan Plan(NightPlanFile file, NightPlanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        options ??= NightPlanOptions.Default;
        var clock = Stopwatch.StartNew();
        var limit = options.TimeLimit ?? NightPlanOptions.DefaultTimeLimit;

        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var h = 0; h < file.Night.Households.Count; h++)
        {
            index.TryAdd(file.Night.Households[h].Id, h);
        }

        var (frozen, frozenRides, busy) = ReadDepartedTrips(file, options, index);
        var pins = new Dictionary<string, string>(options.ConfirmedPlacements ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        foreach (var (h, k) in frozen)
        {
            pins[file.Night.Households[h].Id] = file.Night.Hosts[k].Id;
        }

        var matchingOptions = new MatchingOptions(TimeLimit: limit * 0.2, Exclusions: options.Exclusions, Pins: pins);
        var problem = new NightPlanProblem(file, matchingOptions, frozen);
        var forced = pins.ToDictionary(p => index[p.Key], p => problem.Matching.Hosts.Select((host, k) => (host, k)).First(x => x.host.Id == p.Value).k);
        foreach (var (h, k) in forced)
        {
            if (!problem.Pairs[h].Contains(k))
            {
                throw new ArgumentException($"Confirmed household '{file.Night.Households[h].Id}' cannot be brought to host '{file.Night.Hosts[k].Id}' tonight: no way reaches it.", nameof(options));
            }
        }

        var realiser = new Realiser(problem, options.DepartedTrips ?? [], frozenRides, busy, forced.Keys.ToHashSet());
        var matching = MatchingEngine.Solve(file.Night, matchingOptions);
        var hostOf = Enumerable.Repeat(-1, problem.Matching.Households.Count).ToArray();
        foreach (var placement in matching.Placements)
        {
            hostOf[index[placement.HouseholdId]] = problem.Matching.Hosts.Select((host, k) => (host, k)).First(x => x.host.Id == placement.HostId).k;
        }

        var search = new Search(file, options, problem, forced, busy, realiser, matching, clock, limit);
        search.Sequential(hostOf);
        search.MatchRouteRematch();
        search.InsertionSearch();
        search.ExactModel();
        search.LevelsFourFive();
        var arrivals = search.Arrivals();
        return search.Build(arrivals);
    }

    /// <summary>
    /// One night's search, step by step (numbered as in docs/night-plan.md's decomposition): the best plan so far, the
    /// plan the model's hints follow, and the bound, as the steps leave them.
    /// </summary>
    private sealed class Search
    {
        private readonly NightPlanFile file;
        private readonly NightPlanOptions options;
        private readonly NightPlanProblem problem;
        private readonly Dictionary<int, int> forced;
        private readonly (int Ready, int TripsDone)?[] busy;
        private readonly Realiser realiser;
        private readonly TripInsertion insertion;
        private readonly Matching.Engine.Plan matching;
        private readonly Stopwatch clock;
        private readonly TimeSpan limit;
        private readonly HashSet<(string VanId, int Trip)> departedKeys;

        /// <summary>The transport model, when building and loading it fits in a fifth of the limit.</summary>
        private readonly TransportModel? model;

        /// <summary>The same model with the vehicles' trips as slots, on nights small enough (the network's size).</summary>
        private readonly TransportModel? exact;

        /// <summary>
        /// The decomposition's share of the limit: all of it without the exact model, else what the exact model leaves, and
        /// what the relaxation's bound took beyond its part of it (<see cref="MatchRouteRematch"/>).
        /// </summary>
        private TimeSpan decompositionLimit;

        private Candidate sequential = null!;

        /// <summary>The best plan so far, by the spec's seven levels.</summary>
        private Candidate best = null!;

        /// <summary>The plan the model's hints and the budget's bisection follow: the plans as routed, before the insertion.</summary>
        private Candidate guide = null!;

        /// <summary>The lexicographic bound on people per tier known so far, if any.</summary>
        private int[]? bound;

        public Search(NightPlanFile file, NightPlanOptions options, NightPlanProblem problem, Dictionary<int, int> forced, (int Ready, int TripsDone)?[] busy,
            Realiser realiser, Matching.Engine.Plan matching, Stopwatch clock, TimeSpan limit)
        {
            (this.file, this.options, this.problem, this.forced, this.busy, this.realiser, this.matching, this.clock, this.limit) =
                (file, options, problem, forced, busy, realiser, matching, clock, limit);
            // The insertion stops only once the whole limit is spent: the last steps' plans, found within the margin, are still improved.
            insertion = new TripInsertion(problem, options.DepartedTrips ?? [], busy, forced.Keys.ToHashSet(), () => clock.Elapsed >= limit);
            departedKeys = (options.DepartedTrips ?? []).Select(t => (t.VanId, t.Trip)).ToHashSet();

            // The transport model only when building and loading it fits in a fifth of the limit: it is built outside CP-SAT's
            // time limit, and CP-SAT loads it before it looks at its own. On a night far beyond the network's (hundreds of
            // households, a thousand hosts) it would take longer than the whole limit: the sequential plan, improved by the
            // insertion, is then the plan, and the bound the matching's.
            var variables = problem.Pairs.Sum(p => (long)p.Length) * (2 + problem.Vehicles.Count);
            model = ModelCostPerVariable * variables <= limit * 0.2 ? new TransportModel(problem) : null;
            exact = model is not null && TripSlots.Size(problem, model.PairList, model.Drivers, ReadyOf) <= MaxExactSize ? model : null;

            // The exact model gets a share of the time at the end when it is small enough; the decomposition has the rest.
            decompositionLimit = exact is null ? limit : limit * (1 - ExactShare);
        }

        private int ReadyOf(int v) => problem.Ready(v, busy);

        /// <summary>What is left of the decomposition's share.</summary>
        private TimeSpan Left() => Max(decompositionLimit - clock.Elapsed, TimeSpan.Zero);

        /// <summary>What is left of the whole limit, less the margin kept to build the plan.</summary>
        private TimeSpan WholeLeft() => limit - clock.Elapsed - ExactMargin;

        /// <summary>What is left of the limit for the exact model's steps (the margin kept to build the plan), at most a share of the limit; the relaxation's bound has at least this much.</summary>
        private TimeSpan ExactLeft(double share = 1) => Min(limit - clock.Elapsed - ExactMargin, limit * share);

        /// <summary>The best plan's new trips, as the exact model's hints take them.</summary>
        private List<SlotTrip> BestTrips() => best.SlotTrips(departedKeys, file.Transport.LoadingMinutes);

        /// <summary>A solution of the exact model, as a plan improved by the insertion, replaces the best when better.</summary>
        private void Consider(TransportModel.ExactSolution solved)
        {
            if (realiser.FromTrips(solved.Solution.HostOf, solved.Solution.Way, solved.Trips, forced) is { } plan)
            {
                var improved = insertion.Improve(plan);
                best = Candidate.Better(improved, best) ? improved : best;
            }
        }

        /// <summary>Step 2, the sequential plan: the matching's placements (<paramref name="hostOf"/>) with rides, the baseline.</summary>
        public void Sequential(int[] hostOf)
        {
            sequential = realiser.Realise(hostOf, null, RoutingTime(Left()), WholeLeft());
            guide = sequential;
            var improved = insertion.Improve(sequential);
            best = Candidate.Better(improved, sequential) ? improved : sequential;
        }

        /// <summary>Steps 3-7, match with the rides, route, re-match (each plan repaired and improved by the insertion): the relaxation's bound, then the budget's bisection.</summary>
        public void MatchRouteRematch()
        {
            if (model is null || Left() <= TimeSpan.Zero)
            {
                return;
            }

            // The bound first, tier by tier (a proof comes much sooner than for the weighted objective), then the
            // weighted model (levels 1-5) for the plan. Its own bound is valid too when nothing is agreed (it brings every
            // agreed household, which a plan may not): the lexicographically smaller is kept.
            // The bound has 30 % of what is left, but at least a share of the whole limit: on hard nights the sequential
            // plan's routing takes most of the decomposition's share, and 30 % of the rest gave its steps 0.04 s each where
            // they need up to 0.37 s. What it takes beyond the 30 % is added to the decomposition's share (the exact model
            // has the rest); its first tier has the most of it (RelaxationFirstTier).
            var part = Left() * 0.3;
            var started = clock.Elapsed;
            bound = model.Bound(forced, Max(part, ExactLeft(RelaxationShare)), relaxationFirstTier: RelaxationFirstTier).Bound;
            decompositionLimit = Min(limit, decompositionLimit + Max(clock.Elapsed - started - part, TimeSpan.Zero));
            var full = model.Solve(model.FullBudget, forced, guide.Hint(), Left() * 0.4);
            if (forced.Count == 0 && full?.TierBound is { } weighted && Candidate.CompareTiers(weighted, bound) < 0)
            {
                bound = weighted;
            }

            if (full is null)
            {
                return;
            }

            // The budget's bisection follows what the routing alone drove; the insertion only offers a better plan.
            var candidate = realiser.Realise(full.HostOf, full.Way, RoutingTime(Left()), WholeLeft());
            var improved = insertion.Improve(candidate);
            best = Candidate.Better(improved, best) ? improved : best;
            guide = Candidate.Better(candidate, guide) ? candidate : guide;

            // Bisection on the budget between what the routing drove (lo) and what it could not (hi).
            long lo = 0, hi = model.FullBudget;
            var last = candidate;
            var budget = model.FullBudget;
            for (var round = 0; round < MaxRounds && Left() > TimeSpan.FromMilliseconds(50); round++)
            {
                // At the bound on levels 1-3 what is left to gain (levels 4-7) is not worth another round of routing.
                if (bound is not null && Candidate.CompareTiers(best.PeoplePerTier(), bound) >= 0)
                {
                    break;
                }

                var drivenCost = last.DrivenCost(model);
                if (last.UndrivenCount == 0)
                {
                    lo = Math.Max(lo, budget);
                }
                else
                {
                    hi = Math.Min(hi, budget - 1);
                    lo = Math.Max(lo, Math.Min(drivenCost, hi));
                }

                var next = last.UndrivenCount == 0 ? lo + ((hi - lo + 1) / 2) : lo;
                if (next == budget || hi - lo < Math.Max(1, model.FullBudget / 100) && last.UndrivenCount == 0)
                {
                    break;
                }

                budget = next;
                var solved = model.Solve(budget, forced, guide.Hint(), Left() * 0.3);
                if (solved is null)
                {
                    break;
                }

                last = realiser.Realise(solved.HostOf, solved.Way, RoutingTime(Left()), WholeLeft());
                var better = insertion.Improve(last);
                best = Candidate.Better(better, best) ? better : best;
                guide = Candidate.Better(last, guide) ? last : guide;
            }
        }

        /// <summary>
        /// Step 7, the insertion as a search (<see cref="TripInsertion.Search"/>) from the best plan, unless it meets the bound
        /// on levels 1-3: a share of the limit, before the exact model, which then starts from what it found.
        /// </summary>
        public void InsertionSearch()
        {
            var searchLeft = ExactLeft(InsertionSearchShare);
            if (searchLeft > TimeSpan.FromMilliseconds(10) && (bound is null || Candidate.CompareTiers(best.PeoplePerTier(), bound) < 0))
            {
                best = insertion.Search(best, searchLeft);
            }
        }

        /// <summary>
        /// Step 8, the exact model (the vehicles' trips as slots) on nights small enough, unless levels 1-3 are proved: tier by
        /// tier from the best plan so far (each step's solution is a plan, its proofs bound every plan), then the weighted
        /// objective (levels 1-5) with what is left.
        /// </summary>
        public void ExactModel()
        {
            if (exact is null || bound is not null && Candidate.CompareTiers(best.PeoplePerTier(), bound) >= 0)
            {
                return;
            }

            var exactLeft = ExactLeft();
            var exactBound = exact.Bound(forced, exactLeft > TimeSpan.FromMilliseconds(100) ? exactLeft : TimeSpan.FromMilliseconds(100), ReadyOf,
                hint: () => (best.Hint(), BestTrips()),
                found: Consider,
                knownBound: bound, reached: () => best.PeoplePerTier()).Bound;
            bound = bound is null || Candidate.CompareTiers(exactBound, bound) < 0 ? exactBound : bound;

            // What is left: the exact model's weighted objective (levels 1-5) from the best plan, unless levels 1-3 are proved.
            exactLeft = ExactLeft();
            if (Candidate.CompareTiers(best.PeoplePerTier(), bound) < 0 && exactLeft > TimeSpan.FromMilliseconds(100))
            {
                var solved = exact.SolveExact(forced, ReadyOf, best.Hint(), BestTrips(), exactLeft);
                if (solved is not null)
                {
                    Consider(solved);
                }

                // Its objective's bound bounds every plan when nothing is agreed (it brings every agreed household, a plan may not).
                if (forced.Count == 0 && solved?.Solution.TierBound is { } weighted && Candidate.CompareTiers(weighted, bound) < 0)
                {
                    bound = weighted;
                }
            }
        }

        /// <summary>
        /// Step 9, levels 4-5, unless the plan has the matching's proved optimum on levels 1-5 (no plan does better there): the
        /// exact model's weighted objective (levels 1-5) from the best plan, in a share of what is left.
        /// </summary>
        public void LevelsFourFive()
        {
            var levelsLeft = ExactLeft(LevelsFourFiveShare);
            if (exact is not null && levelsLeft > TimeSpan.FromMilliseconds(100) && !AtTheMatchingsOptimum(matching, best)
                && exact.SolveExact(forced, ReadyOf, best.Hint(), BestTrips(), levelsLeft) is { } levelsFourFive)
            {
                Consider(levelsFourFive);
            }
        }

        /// <summary>
        /// Step 10, level 6, children in bed sooner: the exact model minimises the people's arrival minutes with levels 1-5 held at
        /// the best plan's, from it, in a share of what is left; a better plan (on all seven levels) replaces it.
        /// </summary>
        /// <returns>The step's solution, whose proof the optimality needs; null when it did not run or found nothing.</returns>
        public TransportModel.ExactSolution? Arrivals()
        {
            var arrivalsLeft = ExactLeft(ArrivalsShare);
            if (exact is null || arrivalsLeft <= TimeSpan.FromMilliseconds(100) || !best.HostOf.Any(k => k >= 0))
            {
                return null;
            }

            var arrivals = exact.SolveArrivals(forced, ReadyOf, best.Hint(), BestTrips(), arrivalsLeft);
            if (arrivals is not null)
            {
                Consider(arrivals);
            }

            return arrivals;
        }

        /// <summary>
        /// What is proved (docs/night-plan.md, "Bounds and what is proved"), and the plan. On a night planned from scratch
        /// (nothing agreed, no trip gone): levels 1-3 when the plan meets the bound; 4-5 when it also has the matching's
        /// proved optimum there (rides only take people away); 6 when the arrivals step proved its minimum and the plan has
        /// it; 7 when the tours' minimum with that much (each trip's tour at most its driving) proves the plan's driving.
        /// Then the plan is optimal on every level.
        /// </summary>
        public NightPlan Build(TransportModel.ExactSolution? arrivals)
        {
            var upper = UpperBound(problem, matching, bound, best);
            var optimal = problem.Pairs.All(p => p.Length == 0);
            var fromScratch = forced.Count == 0 && (options.DepartedTrips ?? []).Count == 0 && best.PinnedWithoutRide == 0;
            if (!optimal && fromScratch && exact is not null && arrivals is { Solution.Optimal: true } && best.PersonArrivalMinutes == arrivals.Objective
                && Candidate.CompareTiers(best.PeoplePerTier(), upper) == 0 && AtTheMatchingsOptimum(matching, best))
            {
                var drivingLeft = ExactLeft(DrivingShare);
                if (drivingLeft > TimeSpan.FromMilliseconds(50)
                    && exact.SolveDriving(forced, ReadyOf, best.Hint(), BestTrips(), arrivals.Objective, drivingLeft) is { } driving)
                {
                    Consider(driving);
                    optimal = driving.Solution.Optimal && best.DrivingMinutes == driving.Objective && best.PersonArrivalMinutes == arrivals.Objective;
                }
            }

            return realiser.Build(best, upper, sequential.PeoplePerTier(), optimal, clock.ElapsedMilliseconds);
        }
    }

    private const int MaxRounds = 8;

    /// <summary>
    /// What one variable of the transport model costs to build and for CP-SAT to load: measured on 2026-12-07 on a night of
    /// 400 people, 1,000 hosts and 8 vehicles (676,000 variables: 3.7 s to build, 3.4 s to load; docs/night-plan.md).
    /// </summary>
    private static readonly TimeSpan ModelCostPerVariable = TimeSpan.FromTicks(100); // 10 µs

    /// <summary>The exact model is built when it has at most this many ordering literals (<see cref="TripSlots.Size"/>).</summary>
    private const long MaxExactSize = 60_000;

    /// <summary>The share of the time limit kept for the exact model, and what is kept after it to build the plan.</summary>
    private const double ExactShare = 0.8;

    /// <summary>
    /// The least share of the limit the relaxation's bound (step 3) has, and its first tier's share of that: on the hard nights
    /// of the benchmark it proves tier 1 in 0.04-0.37 s (seed 4 night 4: 24, the optimum, where the exact model needs
    /// 5-10 s), and a bound the plan reaches spares the exact model that tier's step.
    /// </summary>
    private const double RelaxationShare = 0.25;

    /// <inheritdoc cref="RelaxationShare"/>
    private const double RelaxationFirstTier = 0.6;

    /// <summary>
    /// What the exact model's steps leave of the limit for the plan's last insertion and building it: with 150 ms, hard
    /// nights ended at 4.99-5.14 s for a 5-s limit (2026-12-07), the steps' models being built outside their solver's time.
    /// </summary>
    private static readonly TimeSpan ExactMargin = TimeSpan.FromMilliseconds(250);

    /// <summary>At most this share of the time limit goes to the insertion's search (step 7), before the exact model.</summary>
    private const double InsertionSearchShare = 0.1;

    /// <summary>At most this share of the time limit goes to levels 4-5 when the plan is not at the matching's optimum there.</summary>
    private const double LevelsFourFiveShare = 0.15;

    /// <summary>At most this share of the time limit goes to level 6 (<see cref="TransportModel.SolveArrivals"/>).</summary>
    private const double ArrivalsShare = 0.3;

    /// <summary>At most this share of the time limit goes to proving level 7 (<see cref="TransportModel.SolveDriving"/>).</summary>
    private const double DrivingShare = 0.1;

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    private static TimeSpan Max(TimeSpan a, TimeSpan b) => a > b ? a : b;

    /// <summary>
    /// Whether the plan has the matching's proved optimum on levels 1-5. The matching ignores rides, and every plan's
    /// placements are a matching, so then no plan does better on levels 1-5.
    /// </summary>
    private static bool AtTheMatchingsOptimum(Matching.Engine.Plan matching, Candidate best)
    {
        var levels = best.Levels();
        return matching.Optimal && Candidate.CompareTiers(matching.Summary.PeoplePlaced.ToArray(), best.PeoplePerTier()) == 0
            && matching.Summary.WaitingNightsPlaced == levels[3] && matching.Summary.ContinuityPlacements == levels[4];
    }

    /// <summary>
    /// The placements of <paramref name="placements"/> (household id to host id) that no way could bring tonight, even
    /// with every vehicle, escort and fetching host free: the ones <see cref="Plan"/> would refuse to keep.
    /// </summary>
    public static IReadOnlySet<string> Unreachable(NightPlanFile file, IReadOnlyDictionary<string, string> placements)
    {
        ArgumentNullException.ThrowIfNull(file);
        var problem = new NightPlanProblem(file, new MatchingOptions());
        var households = file.Night.Households.Select((h, i) => (h.Id, i)).ToDictionary(x => x.Id, x => x.i, StringComparer.Ordinal);
        var hosts = file.Night.Hosts.Select((h, k) => (h.Id, k)).ToDictionary(x => x.Id, x => x.k, StringComparer.Ordinal);
        return placements.Where(p => !households.TryGetValue(p.Key, out var h) || !hosts.TryGetValue(p.Value, out var k) || !problem.Pairs[h].Contains(k))
            .Select(p => p.Key).ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>Each vehicle's routing search: a share of what is left, at most 0.4 s (the solution limit usually stops it sooner).</summary>
    private static TimeSpan RoutingTime(TimeSpan left) =>
        TimeSpan.FromMilliseconds(Math.Clamp(left.TotalMilliseconds / 16, 30, 400));

    /// <summary>
    /// The lexicographically smallest of the bounds at hand: the transport model's (every plan is one of its solutions),
    /// the matching's optimum when proved (rides only take people away), and the people who have a reachable host at all.
    /// </summary>
    private static int[] UpperBound(NightPlanProblem problem, Matching.Engine.Plan matching, int[]? model, Candidate best)
    {
        var reachable = new int[Priority.LowestTier];
        for (var h = 0; h < problem.Matching.Households.Count; h++)
        {
            if (problem.Pairs[h].Length > 0)
            {
                reachable[problem.Matching.Tier[h] - 1] += problem.Matching.People[h];
            }
        }

        var bound = reachable;
        if (matching.Optimal && Candidate.CompareTiers(matching.Summary.PeoplePlaced.ToArray(), bound) < 0)
        {
            bound = matching.Summary.PeoplePlaced.ToArray();
        }

        if (model is not null && Candidate.CompareTiers(model, bound) < 0)
        {
            bound = model;
        }

        // A bound below the plan found would be a bug in a bound: never report less than what is achieved.
        var found = best.PeoplePerTier();
        return Candidate.CompareTiers(bound, found) < 0 ? found : bound;
    }

    private static (Dictionary<int, int> Frozen, Dictionary<int, Ride> Rides, (int Ready, int TripsDone)?[] Busy) ReadDepartedTrips(
        NightPlanFile file, NightPlanOptions options, Dictionary<string, int> index)
    {
        var frozen = new Dictionary<int, int>();
        var rides = new Dictionary<int, Ride>();
        var busy = new (int Ready, int TripsDone)?[file.Transport.Vehicles.Count];
        var reference = HostingMatch.Domain.Night.At(file.Night.Night, file.Transport.FirstDeparture).ToInstant();
        foreach (var trip in options.DepartedTrips ?? [])
        {
            var v = file.Transport.Vehicles.Select((vehicle, i) => (vehicle, i)).FirstOrDefault(x => x.vehicle.Id == trip.VanId);
            if (v.vehicle is null)
            {
                throw new ArgumentException($"Departed trip {trip.Trip} names an unknown vehicle '{trip.VanId}'.", nameof(options));
            }

            var back = (int)Math.Ceiling((trip.ReturnAt.ToInstant() - reference).TotalMinutes);
            busy[v.i] = NightPlanProblem.AfterTrip(busy[v.i], back, trip.Trip);
            foreach (var stop in trip.Stops)
            {
                var k = file.Night.Hosts.Select((host, i) => (host, i)).FirstOrDefault(x => x.host.Id == stop.HostId);
                if (k.host is null)
                {
                    throw new ArgumentException($"Departed trip {trip.Trip} of {trip.VanId} names an unknown host '{stop.HostId}'.", nameof(options));
                }

                foreach (var id in stop.HouseholdIds)
                {
                    if (!index.TryGetValue(id, out var h))
                    {
                        throw new ArgumentException($"Departed trip {trip.Trip} of {trip.VanId} carries an unknown household '{id}'.", nameof(options));
                    }

                    frozen[h] = k.i;
                    rides[h] = new Ride(RideWay.Vehicle, stop.ArriveAt, trip.VanId, trip.Trip);
                }
            }
        }

        return (frozen, rides, busy);
    }
}

/// <summary>
/// A reference for the benchmark: the lexicographic optimum on people per tier of a night, proved tier by tier on the
/// exact model (the vehicles' trips as slots) given a long time, or the solver's bound where it ran out of time.
/// </summary>
public static class NightPlanReference
{
    /// <returns>The bound, and how many of its tiers were proved (3: it is the optimum).</returns>
    public static (int[] Bound, int ProvedTiers) Bound(NightPlanFile file, TimeSpan limit, int workers)
    {
        ArgumentNullException.ThrowIfNull(file);
        var problem = new NightPlanProblem(file, new MatchingOptions());
        var (bound, _, proved) = new TransportModel(problem).Bound(new Dictionary<int, int>(), limit, v => problem.Vehicles[v].Ready, workers);
        return (bound, proved);
    }
}
