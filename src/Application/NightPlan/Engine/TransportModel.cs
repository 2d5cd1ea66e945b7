using System.Globalization;
using Google.OrTools.Sat;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Domain.Households;

namespace HostingMatch.Application.NightPlan.Engine;

/// <summary>
/// Beds and ways chosen together in one CP-SAT model, with the vehicles' trips relaxed (docs/night-plan.md). Per
/// compatible pair with enough beds that some way reaches: <c>x</c> (the household sleeps there), and unless the host
/// fetches, <c>t</c> (public transport) and <c>z</c> (a vehicle), <c>x = t + z</c>; where it fetches, <c>t ≤ x</c> when an
/// escort would arrive sooner (level 6). Rules 6-8 as in the matching's model;
/// at most <c>escorts</c> households by public transport; and a pooled <c>Σ cost·z ≤ budget</c>, where a household of p
/// people at a host d minutes away costs <c>p·(loading + 2d) + minSeats·⌊stop / maxHouseholds⌋</c>, which the
/// re-matching shrinks to what the routing could drive. A trip with stops S lasts at least
/// <c>loading + |S|·stop + 2·max d</c> and carries at most <c>seats</c> people, so <c>seats·length ≥ Σ cost</c> over its
/// households: with the full budget <c>Σ seats·(availableUntil − ready)</c>, every real plan is a solution. The plan's
/// objective (<see cref="Solve"/>) is levels 1-5 in one weighted sum (tiers in base <c>people+1</c>, above waiting nights
/// and continuity). The bound (<see cref="Bound"/>) is proved tier by tier on the same model with, in addition,
/// <c>z = Σ z[v]</c> over the vehicles that could drive the pair alone and the per-vehicle rows of
/// <see cref="VehicleRelaxation"/>, each valid for every plan.
/// </summary>
internal sealed class TransportModel
{
    private readonly NightPlanProblem problem;
    private readonly List<(int H, int K)> pairs = [];
    private readonly long tierBase;
    private readonly long lowerRange;

    public TransportModel(NightPlanProblem problem)
    {
        this.problem = problem;
        var m = problem.Matching;
        for (var h = 0; h < m.Households.Count; h++)
        {
            foreach (var k in problem.Pairs[h])
            {
                pairs.Add((h, k));
            }
        }

        tierBase = m.People.Sum() + 1L;
        var waiting = m.Households.Sum(h => (long)h.NightsWithoutShelter);
        lowerRange = (waiting + 1) * (m.Households.Count + 1L);
        Cost = pairs.Select(p => PairCost(p.H, p.K)).ToArray();
        Drivers = pairs.Select(p => (IReadOnlyList<int>)(problem.CanFetch(p.K) || problem.Frozen.ContainsKey(p.H)
            ? []
            : Enumerable.Range(0, problem.Vehicles.Count).Where(v => problem.CanDrive(v, p.H, p.K)).ToArray())).ToArray();
        Rows = VehicleRelaxation.Rows(problem, pairs, Drivers);
        FullBudget = problem.Vehicles.Sum(v => (long)v.Vehicle.Seats * Math.Max(0, v.Until - v.Ready));
    }

    /// <summary>The seat-minutes every vehicle together offers: with it the model is a relaxation of every plan.</summary>
    public long FullBudget { get; }

    /// <summary>The seat-minute cost of each pair if driven.</summary>
    public long[] Cost { get; }

    public IReadOnlyList<(int H, int K)> PairList => pairs;

    /// <summary>Per pair, the vehicles that could drive it alone (none when the host fetches or the household left already).</summary>
    public IReadOnlyList<int>[] Drivers { get; }

    /// <summary>The per-vehicle rows every plan keeps (<see cref="VehicleRelaxation"/>).</summary>
    public IReadOnlyList<VehicleRow> Rows { get; }

    /// <summary>One solve's result: per household its host (-1), way and vehicle (-1 unless driven), and what the solver proved.</summary>
    public sealed record Solution(int[] HostOf, RideWay?[] Way, int[] VehicleOf, bool Optimal, int[]? TierBound);

    /// <summary>Solves with the vehicles' <paramref name="budget"/>; <paramref name="forced"/> households must be placed at their host (confirmed).</summary>
    /// <remarks>Building the model and its hints counts in <paramref name="timeLimit"/>: the solver has what is left of it.</remarks>
    public Solution? Solve(long budget, IReadOnlyDictionary<int, int> forced, IReadOnlyDictionary<int, (int Host, RideWay Way, int Vehicle)>? hint, TimeSpan timeLimit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var built = Build(budget, forced);
        if (built is null)
        {
            return null;
        }

        var (model, x, t, z, zv, _, _) = built;
        model.Maximize(LinearExpr.WeightedSum(x, pairs.Select(p => Gain(p.H, p.K))));
        if (hint is not null)
        {
            AddHint(model, x, t, z, zv, hint);
        }

        var solver = Solver(timeLimit - clock.Elapsed);
        var status = solver.Solve(model);
        return status is CpSolverStatus.Optimal or CpSolverStatus.Feasible
            ? Read(built, solver, status == CpSolverStatus.Optimal, DecodeTiers((long)Math.Floor(solver.BestObjectiveBound + 1e-6)))
            : null;
    }

    /// <summary>
    /// Solves the exact model (the vehicles' trips as <see cref="TripSlots"/>): levels 1-5 as in <see cref="Solve"/>, every
    /// solution a night plan, its trips returned in each vehicle's order. <paramref name="forced"/> households must be
    /// brought to their host. <paramref name="hint"/>: a plan to start from (its host, way and vehicle per household, and
    /// its new trips). Null when nothing was found in the time.
    /// </summary>
    public ExactSolution? SolveExact(IReadOnlyDictionary<int, int> forced, Func<int, int> readyOf,
        IReadOnlyDictionary<int, (int Host, RideWay Way, int Vehicle)>? hint, IReadOnlyList<SlotTrip>? hintTrips, TimeSpan timeLimit) =>
        SolveSlots(forced, readyOf, hint, hintTrips, timeLimit, weighted: true, (model, built) => model.Maximize(LinearExpr.WeightedSum(built.X, pairs.Select(p => Gain(p.H, p.K)))));

    /// <summary>
    /// Level 6 on the exact model: the sum over people of their arrival minute, minimised with levels 1-5 held at least at
    /// <paramref name="hint"/>'s (its weighted value, which orders levels 1-5 as the spec does). A host who fetches and
    /// public transport give each pair its arrival (<see cref="NightPlanProblem.FetchArrival"/>,
    /// <see cref="NightPlanProblem.TransitArrival"/>); a vehicle, its trip's arrival at the host. Households on departed
    /// trips arrive as they did whatever the solution, so they are left out of the sum.
    /// </summary>
    public ExactSolution? SolveArrivals(IReadOnlyDictionary<int, int> forced, Func<int, int> readyOf,
        IReadOnlyDictionary<int, (int Host, RideWay Way, int Vehicle)> hint, IReadOnlyList<SlotTrip> hintTrips, TimeSpan timeLimit) =>
        SolveSlots(forced, readyOf, hint, hintTrips, timeLimit, weighted: false, (model, built) =>
        {
            HoldLevelsOneToFive(model, built, hint);
            model.Minimize(Arrivals(model, built));
        });

    /// <summary>
    /// Level 7 on the exact model: the new trips' tours (a lower bound on each trip's driving, exact for trips of one or
    /// two stops) minimised with levels 1-5 held at least at <paramref name="hint"/>'s and the arrival minutes (as
    /// <see cref="SolveArrivals"/> counts them) at most <paramref name="arrivals"/>. Its optimum bounds the driving of
    /// every plan that good on levels 1-6.
    /// </summary>
    public ExactSolution? SolveDriving(IReadOnlyDictionary<int, int> forced, Func<int, int> readyOf,
        IReadOnlyDictionary<int, (int Host, RideWay Way, int Vehicle)> hint, IReadOnlyList<SlotTrip> hintTrips, long arrivals, TimeSpan timeLimit) =>
        SolveSlots(forced, readyOf, hint, hintTrips, timeLimit, weighted: false, (model, built) =>
        {
            HoldLevelsOneToFive(model, built, hint);
            model.Add(Arrivals(model, built) <= arrivals);
            model.Minimize(LinearExpr.Sum(built.Slots!.Vehicles.SelectMany(v => v.Slots).Select(slot => slot.Tour)));
        });

    /// <summary>Levels 1-5 at least at <paramref name="plan"/>'s: its weighted value orders them as the spec does.</summary>
    private void HoldLevelsOneToFive(CpModel model, Built built, IReadOnlyDictionary<int, (int Host, RideWay Way, int Vehicle)> plan) =>
        model.Add(LinearExpr.WeightedSum(built.X, pairs.Select(p => Gain(p.H, p.K))) >= plan.Sum(given => Gain(given.Key, given.Value.Host)));

    /// <summary>
    /// The sum over people of their arrival minute: a fetching host's and public transport's per pair, a vehicle's at its
    /// trip's stop. Households on departed trips arrive as they did whatever the solution, so they are left out.
    /// </summary>
    private LinearExpr Arrivals(CpModel model, Built built)
    {
        var terms = new List<LinearExpr>();
        for (var p = 0; p < pairs.Count; p++)
        {
            var (h, k) = pairs[p];
            long people = problem.Matching.People[h];
            if (problem.Frozen.ContainsKey(h))
            {
                continue;
            }

            if (problem.CanFetch(k))
            {
                terms.Add(built.X[p] * (people * problem.FetchArrival[k]));
                if (built.T[p] is { } sooner)
                {
                    terms.Add(sooner * (people * (problem.TransitArrival[k] - problem.FetchArrival[k])));
                }
            }
            else if (built.T[p] is { } transit)
            {
                terms.Add(transit * (people * problem.TransitArrival[k]));
            }
        }

        foreach (var vehicle in built.Slots!.Vehicles)
        {
            var hostAt = vehicle.Hosts.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
            foreach (var slot in vehicle.Slots)
            {
                foreach (var (p, ride) in slot.Rides)
                {
                    // The household's arrival: its stop's on the trip it rides, else nothing.
                    var k = pairs[p].K;
                    var arrive = slot.Arrive[hostAt[k]];
                    var at = model.NewIntVar(Math.Min(0, problem.From[k]), Math.Max(0, TripSlots.LatestArrival(problem, k)), $"w{p}_{vehicle.Vehicle}_{slot.Earliest}");
                    model.Add(at == arrive).OnlyEnforceIf(ride);
                    model.Add(at == 0).OnlyEnforceIf(ride.Not());
                    terms.Add(at * (long)problem.Matching.People[pairs[p].H]);
                }
            }
        }

        return LinearExpr.Sum(terms);
    }

    /// <remarks><c>weighted</c>: the objective is levels 1-5's weighted sum, so its bound decodes to a bound on the tiers.</remarks>
    private ExactSolution? SolveSlots(IReadOnlyDictionary<int, int> forced, Func<int, int> readyOf,
        IReadOnlyDictionary<int, (int Host, RideWay Way, int Vehicle)>? hint, IReadOnlyList<SlotTrip>? hintTrips, TimeSpan timeLimit,
        bool weighted, Action<CpModel, Built> objective)
    {
        // Building the model and its hints counts in the time given: the solver has what is left of it.
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var built = Build(FullBudget, forced, perVehicle: true, slotsReady: readyOf);
        if (built is null)
        {
            return null;
        }

        var (model, x, t, z, zv, _, slots) = built;
        objective(model, built);
        if (hint is not null)
        {
            AddHint(model, x, t, z, zv, hint);
            HintSlots(model, slots!, hintTrips ?? []);
        }

        var solver = Solver(timeLimit - clock.Elapsed, extra: ExactParameters);
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return null;
        }

        var tierBound = weighted ? DecodeTiers((long)Math.Floor(solver.BestObjectiveBound + 1e-6)) : null;
        return ReadExact(built, solver, Read(built, solver, status == CpSolverStatus.Optimal, tierBound));
    }

    private ExactSolution ReadExact(Built built, CpSolver solver, Solution solution)
    {
        var trips = new List<SlotTrip>();
        foreach (var vehicle in built.Slots!.Vehicles)
        {
            foreach (var slot in vehicle.Slots.Where(slot => solver.BooleanValue(slot.Used)))
            {
                var stops = new List<SlotStop>();
                for (var i = 0; i < vehicle.Hosts.Length; i++)
                {
                    if (solver.BooleanValue(slot.Stops[i]))
                    {
                        var k = vehicle.Hosts[i];
                        var households = slot.Rides.Where(r => pairs[r.Key].K == k && solver.BooleanValue(r.Value)).Select(r => pairs[r.Key].H).Order().ToList();
                        stops.Add(new SlotStop(k, households, (int)solver.Value(slot.Arrive[i])));
                    }
                }

                trips.Add(new SlotTrip(vehicle.Vehicle, (int)solver.Value(slot.Start), (int)solver.Value(slot.End),
                    stops.OrderBy(s => s.Arrive).ThenBy(s => s.Host).ToList()));
            }
        }

        return new ExactSolution(solution, trips, (long)Math.Round(solver.ObjectiveValue));
    }

    /// <summary>The exact model's solution: the households' hosts and ways, and the vehicles' new trips, each vehicle's in time order.</summary>
    /// <remarks><c>Objective</c>: the solution's objective value (proved the optimum when <c>Solution.Optimal</c>).</remarks>
    public sealed record ExactSolution(Solution Solution, IReadOnlyList<SlotTrip> Trips, long Objective);

    private void AddHint(CpModel model, BoolVar[] x, BoolVar?[] t, BoolVar?[] z, Dictionary<(int P, int V), BoolVar> zv,
        IReadOnlyDictionary<int, (int Host, RideWay Way, int Vehicle)> hint)
    {
        for (var p = 0; p < pairs.Count; p++)
        {
            var (h, k) = pairs[p];
            var on = hint.TryGetValue(h, out var given) && given.Host == k;
            model.AddHint(x[p], on ? 1 : 0);
            if (t[p] is { } tv)
            {
                model.AddHint(tv, on && given.Way == RideWay.PublicTransport ? 1 : 0);
            }

            if (z[p] is { } zp)
            {
                model.AddHint(zp, on && given.Way == RideWay.Vehicle ? 1 : 0);
                foreach (var v in Drivers[p].Where(v => zv.ContainsKey((p, v))))
                {
                    model.AddHint(zv[(p, v)], on && given.Way == RideWay.Vehicle && given.Vehicle == v ? 1 : 0);
                }
            }
        }
    }

    /// <summary>Hints every slot variable from a plan's new trips (each vehicle's in time order); slots beyond them unused.</summary>
    private void HintSlots(CpModel model, TripSlots slots, IReadOnlyList<SlotTrip> trips)
    {
        var transport = problem.File.Transport;
        foreach (var vehicle in slots.Vehicles)
        {
            var hostAt = vehicle.Hosts.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
            var mine = trips.Where(trip => trip.Vehicle == vehicle.Vehicle && trip.Stops.All(s => hostAt.ContainsKey(s.Host))).ToList();
            var previousEnd = vehicle.Ready;
            for (var j = 0; j < vehicle.Slots.Count; j++)
            {
                var slot = vehicle.Slots[j];
                var trip = j < mine.Count ? mine[j] : null;
                var position = trip is null ? [] : trip.Stops.Select((s, n) => (s.Host, n)).ToDictionary(x => hostAt[x.Host], x => x.n);
                model.AddHint(slot.Used, trip is not null);
                previousEnd = Math.Max(previousEnd, slot.Earliest);
                model.AddHint(slot.Start, trip?.Start ?? previousEnd);
                model.AddHint(slot.End, trip?.End ?? previousEnd);
                model.AddHint(slot.Tour, trip is null ? 0 : Math.Max(0, trip.End - trip.Start - transport.LoadingMinutes - (transport.StopMinutes * trip.Stops.Count)));
                previousEnd = trip?.End ?? previousEnd;
                for (var i = 0; i < vehicle.Hosts.Length; i++)
                {
                    model.AddHint(slot.Stops[i], position.ContainsKey(i));
                    var arrive = trip?.Stops.FirstOrDefault(s => s.Host == vehicle.Hosts[i])?.Arrive;
                    model.AddHint(slot.Arrive[i], arrive ?? problem.From[vehicle.Hosts[i]]);
                }

                foreach (var ((i, i2), first) in slot.Order)
                {
                    model.AddHint(first, position.TryGetValue(i, out var pi) && position.TryGetValue(i2, out var pi2) && pi < pi2);
                }

                foreach (var (p, ride) in slot.Rides)
                {
                    model.AddHint(ride, trip is not null && trip.Stops.Any(s => s.Host == pairs[p].K && s.Households.Contains(pairs[p].H)));
                }
            }
        }
    }

    /// <summary>
    /// The relaxation's lexicographic bound on people per tier, at the full budget: tier 1 maximised alone, then tier 2
    /// with tier 1 fixed at its bound, then tier 3. Each step's bound is the proved optimum, or the solver's objective bound
    /// when time ran out; when a fixed prefix proves infeasible, no plan reaches it, so the prefix with zeros after it
    /// bounds every plan already (every plan is below it in an earlier tier); when a step finds nothing in its time, the
    /// rest are the people of each tier the model could place at all. Every real plan is a solution of the model
    /// (<see cref="VehicleRelaxation"/>; agreed households are kept from other hosts but may go without a ride, as a plan
    /// may keep them), so the result bounds every plan. Also returns the last step's solution, if any.
    /// </summary>
    /// <remarks><c>slotsReady</c>: on the exact model (<see cref="TripSlots"/>, each vehicle ready at the minute it gives),
    /// whose solutions are plans: each step's is handed to <c>found</c> (its agreed households may be without a ride), and
    /// each step starts from the plan <c>hint</c> gives then. Null: on the relaxation.</remarks>
    /// <remarks><c>knownBound</c> and <c>reached</c>: a lexicographic bound known already, and the best plan's people per
    /// tier at each step; a tier where the plan reaches that bound, the tiers before fixed as in it, needs no solve, and a
    /// step whose tiers before are fixed as in it stops, proved, when its solution reaches it.</remarks>
    /// <remarks><c>relaxationFirstTier</c>: on the relaxation, tier 1's share of the time (the others share what is left);
    /// null: each step an even share of what is left.</remarks>
    public (int[] Bound, Solution? Solution, int ProvedTiers) Bound(IReadOnlyDictionary<int, int> forced, TimeSpan timeLimit, Func<int, int>? slotsReady = null, int workers = 2,
        Func<(IReadOnlyDictionary<int, (int Host, RideWay Way, int Vehicle)> Hint, IReadOnlyList<SlotTrip> Trips)>? hint = null, Action<ExactSolution>? found = null,
        IReadOnlyList<int>? knownBound = null, Func<int[]>? reached = null, double? relaxationFirstTier = null)
    {
        var m = problem.Matching;
        var bound = new int[Priority.LowestTier];
        for (var i = 0; i < bound.Length; i++)
        {
            bound[i] = Enumerable.Range(0, m.Households.Count).Where(h => m.Tier[h] == i + 1 && problem.Pairs[h].Length > 0).Sum(h => m.People[h]);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        Solution? last = null;
        var proved = 0;
        for (var i = 0; i < bound.Length; i++)
        {
            // A tier already proved: with the tiers before it fixed as in a known bound, a plan reaches that bound's value
            // for it (nothing lexicographically above the bound exists, nothing below the plan is optimal).
            if (knownBound is not null && reached?.Invoke() is { } plan
                && Enumerable.Range(0, i + 1).All(j => plan[j] == knownBound[j]) && Enumerable.Range(0, i).All(j => bound[j] == knownBound[j]))
            {
                bound[i] = knownBound[i];
                proved++;
                continue;
            }

            var built = Build(FullBudget, forced, pinsMayGoWithoutRide: true, perVehicle: true, slotsReady);
            if (built is null)
            {
                break;
            }

            var (model, x, t, z, zv, tierPeople, slots) = built;
            for (var j = 0; j < i; j++)
            {
                model.Add(tierPeople[j] == bound[j]);
            }

            // The households of the lower tiers are left out of this step: a plan without them is still a plan (a trip keeps
            // its times without their stops, waiting being allowed; a host keeps matching.md rules 6-8 with fewer guests),
            // with the same people in this tier and those before it, so the step's optimum is the same, and CP-SAT proves it
            // much sooner without them (seed 1 hard night 8: tier 1 in under 4 s on the exact model, unproved in 10 s
            // before). Agreed households and those on departed trips stay as they are.
            var tier = i + 1;
            bool Kept(int h) => m.Tier[h] <= tier || forced.ContainsKey(h) || problem.Frozen.ContainsKey(h);
            for (var p = 0; p < pairs.Count; p++)
            {
                if (!Kept(pairs[p].H))
                {
                    model.Add(x[p] == 0);
                }
            }

            // The tiers before fixed as in a known bound, this tier is at most the bound's: as the objective's domain, so that
            // a solution reaching it is proved at once and the next tier has the time (as a row beside the objective,
            // CP-SAT searched on until its time ran out with the bound above it).
            // On the exact model, when the best plan has the tiers before as fixed, the objective starts above its value for
            // this tier: the step asks only for a better plan, and no solution is a proof that none exists (CP-SAT then proves
            // infeasibility, sooner than an optimum: seed 5 hard night 6's tier 1 in 0.24 s, seed 1 night 8's in 1.2 s).
            var upperEnd = knownBound is not null && Enumerable.Range(0, i).All(j => bound[j] == knownBound[j])
                ? Math.Min(bound[i], knownBound[i]) : bound[i];
            var reachedBefore = slots is not null && reached?.Invoke() is { } from && Enumerable.Range(0, i).All(j => from[j] == bound[j]) && from[i] < upperEnd
                ? from[i] : -1;
            var objective = model.NewIntVar(reachedBefore + 1, upperEnd, $"tier{i + 1}");
            model.Add(objective == tierPeople[i]);
            model.Maximize(objective);
            if (slots is not null && hint?.Invoke() is var (given, trips))
            {
                // The plan to start from, without the households left out of this step (their stops taken off its trips).
                AddHint(model, x, t, z, zv, given.Where(g => Kept(g.Key)).ToDictionary());
                HintSlots(model, slots, trips
                    .Select(trip => trip with { Stops = trip.Stops.Select(stop => stop with { Households = stop.Households.Where(Kept).ToList() }).Where(stop => stop.Households.Count > 0).ToList() })
                    .Where(trip => trip.Stops.Count > 0).ToList());
            }
            else if (last is not null)
            {
                for (var p = 0; p < pairs.Count; p++)
                {
                    model.AddHint(x[p], last.HostOf[pairs[p].H] == pairs[p].K ? 1 : 0);
                }
            }

            // On the exact model each step but the last has most of what is left (ExactStepShare) and leaves the rest for the
            // caller's search for a plan, should it stop unproved: an unproved tier ends the steps, so a tier's proof is worth
            // more than the next tiers' time (an even share gave seed 1 hard night 8's tier 1 0.7 s, where it needs 1.2).
            // The last step, the tiers before it proved, is itself that search: it has all that is left.
            var left = timeLimit - clock.Elapsed;
            var share = slots is null
                ? i == 0 && relaxationFirstTier is { } first ? left * first : left / (bound.Length - i)
                : i == bound.Length - 1 ? left : left * ExactStepShare;
            var solver = Solver(share, workers, slots is null ? "" : ExactParameters);
            var status = solver.Solve(model);
            if (slots is not null && status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                found?.Invoke(ReadExact(built, solver, Read(built, solver, status == CpSolverStatus.Optimal, null)));
            }

            if (status == CpSolverStatus.Infeasible && reachedBefore >= 0)
            {
                bound[i] = reachedBefore;
                proved++;
                continue;
            }

            if (status == CpSolverStatus.Infeasible && i > 0)
            {
                Array.Fill(bound, 0, i, bound.Length - i);
                break;
            }

            if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
            {
                break;
            }

            bound[i] = Math.Min(bound[i], (int)Math.Floor(solver.BestObjectiveBound + 1e-6));
            last = Read(built, solver, status == CpSolverStatus.Optimal, null);
            proved += status == CpSolverStatus.Optimal ? 1 : 0;
            if (slots is not null && status != CpSolverStatus.Optimal)
            {
                // Unproved: fixing the tier at its bound would leave the next steps searching for what may not exist.
                break;
            }
        }

        return (bound, last, proved);
    }

    private sealed record Built(CpModel Model, BoolVar[] X, BoolVar?[] T, BoolVar?[] Z, Dictionary<(int P, int V), BoolVar> ZV, LinearExpr[] TierPeople, TripSlots? Slots);

    /// <remarks><c>pinsMayGoWithoutRide</c>: a forced household is kept from other hosts but need not be brought (for the
    /// bound: a plan may keep an agreed household at its host without a ride, its beds taken; freeing them only loosens).</remarks>
    /// <remarks><c>perVehicle</c>: with the per-vehicle variables and rows (the bound); without, the pooled budget alone
    /// (the plan's weighted model: with them CP-SAT found no solution in seconds on nights of 100 people).</remarks>
    /// <remarks><c>slotsReady</c>: with the vehicles' trips as slots (<see cref="TripSlots"/>, needs <c>perVehicle</c>), each
    /// vehicle ready at the minute it gives; null: without.</remarks>
    private Built? Build(long budget, IReadOnlyDictionary<int, int> forced, bool pinsMayGoWithoutRide = false, bool perVehicle = false, Func<int, int>? slotsReady = null)
    {
        var m = problem.Matching;
        var model = new CpModel();
        var x = new BoolVar[pairs.Count];
        var t = new BoolVar?[pairs.Count];
        var z = new BoolVar?[pairs.Count];
        var zv = new Dictionary<(int P, int V), BoolVar>();
        var byHousehold = Enumerable.Range(0, m.Households.Count).Select(_ => new List<int>()).ToArray();
        var byHost = Enumerable.Range(0, m.Hosts.Count).Select(_ => new List<int>()).ToArray();
        for (var p = 0; p < pairs.Count; p++)
        {
            var (h, k) = pairs[p];
            x[p] = model.NewBoolVar($"x{h}_{k}");
            byHousehold[h].Add(p);
            byHost[k].Add(p);
            if (problem.Frozen.ContainsKey(h))
            {
                continue;
            }

            if (problem.CanFetch(k))
            {
                // The host fetches, or an escort takes the household when that arrives sooner (transport.md allows both;
                // fetching spends nothing, so an escort there can only gain arrival minutes).
                if (problem.CanTransit(h, k) && problem.TransitArrival[k] < problem.FetchArrival[k])
                {
                    t[p] = model.NewBoolVar($"t{h}_{k}");
                    model.AddImplication(t[p]!, x[p]);
                }

                continue;
            }

            var ways = new List<BoolVar>();
            if (problem.CanTransit(h, k))
            {
                t[p] = model.NewBoolVar($"t{h}_{k}");
                ways.Add(t[p]!);
            }

            if (Drivers[p].Count > 0)
            {
                z[p] = model.NewBoolVar($"z{h}_{k}");
                ways.Add(z[p]!);
                foreach (var v in perVehicle ? Drivers[p] : [])
                {
                    zv[(p, v)] = model.NewBoolVar($"z{h}_{k}_{v}");
                }

                if (perVehicle)
                {
                    model.Add(LinearExpr.Sum(Drivers[p].Select(v => zv[(p, v)])) == z[p]!);
                }
            }

            model.Add(LinearExpr.Sum(ways) == x[p]);
        }

        for (var h = 0; h < m.Households.Count; h++)
        {
            var own = byHousehold[h].Select(p => x[p]).ToList();
            if (forced.TryGetValue(h, out var pin))
            {
                var pinned = byHousehold[h].Where(p => pairs[p].K == pin).ToList();
                if (pinned.Count == 0)
                {
                    return null;
                }

                // A household on a departed trip is brought in every plan, whatever the bound's freedom for the others.
                if (pinsMayGoWithoutRide && !problem.Frozen.ContainsKey(h))
                {
                    foreach (var p in byHousehold[h].Where(p => pairs[p].K != pin))
                    {
                        model.Add(x[p] == 0);
                    }
                }
                else
                {
                    model.Add(x[pinned[0]] == 1);
                }
            }

            if (own.Count > 1)
            {
                model.AddAtMostOne(own);
            }
        }

        for (var k = 0; k < m.Hosts.Count; k++)
        {
            var list = byHost[k];
            if (list.Count == 0)
            {
                continue;
            }

            var host = m.Hosts[k];
            var xs = list.Select(p => (ILiteral)x[p]).ToList();
            var people = list.Select(p => (long)m.People[pairs[p].H]).ToArray();
            if (people.Sum() > host.Beds)
            {
                model.Add(LinearExpr.WeightedSum(list.Select(p => x[p]), people) <= host.Beds);
            }

            if (list.Count > host.MaxHouseholds)
            {
                model.Add(LinearExpr.Sum(list.Select(p => x[p])) <= host.MaxHouseholds);
            }

            var categories = list.Select(p => m.Category[pairs[p].H]).Distinct().ToList();
            if (categories.Count > 1 && host.MaxHouseholds > 1)
            {
                var chosen = categories.ToDictionary(c => c, c => model.NewBoolVar($"c{k}_{c}"));
                foreach (var p in list)
                {
                    model.AddImplication(x[p], chosen[m.Category[pairs[p].H]]);
                }

                model.AddAtMostOne(chosen.Values);
            }
        }

        var transit = t.Where(v => v is not null).Select(v => v!).ToList();
        if (transit.Count > problem.File.Transport.PublicTransport.Escorts)
        {
            model.Add(LinearExpr.Sum(transit) <= problem.File.Transport.PublicTransport.Escorts);
        }

        var driven = Enumerable.Range(0, pairs.Count).Where(p => z[p] is not null).ToList();
        if (driven.Count > 0)
        {
            model.Add(LinearExpr.WeightedSum(driven.Select(p => z[p]!), driven.Select(p => Cost[p])) <= budget);
        }

        foreach (var row in perVehicle ? Rows : [])
        {
            model.Add(LinearExpr.WeightedSum(row.Pairs.Select(p => zv[(p, row.Vehicle)]), row.Coefficients) <= row.Limit);
        }

        var tierPeople = Enumerable.Range(1, Priority.LowestTier)
            .Select(tier => (LinearExpr)LinearExpr.WeightedSum(
                Enumerable.Range(0, pairs.Count).Where(p => m.Tier[pairs[p].H] == tier).Select(p => x[p]),
                Enumerable.Range(0, pairs.Count).Where(p => m.Tier[pairs[p].H] == tier).Select(p => (long)m.People[pairs[p].H])))
            .ToArray();
        var slots = perVehicle && slotsReady is not null ? TripSlots.Add(model, problem, pairs, Drivers, zv, slotsReady) : null;
        return new Built(model, x, t, z, zv, tierPeople, slots);
    }

    /// <summary>
    /// On the exact model, each tier's step but the last has this share of what is left (docs/benchmarks.md, "2026-12-08,
    /// 03:15": over two runs of the hard nights, the bound 5-7 people tighter than with an even share, 0.6 in between).
    /// </summary>
    private const double ExactStepShare = 0.75;

    /// <summary>On the exact model, probing in the presolve takes seconds (hundreds of thousands of binary clauses) for little.</summary>
    private const string ExactParameters = "cp_model_probing_level:0";

    /// <remarks><c>extra</c>: more CP-SAT parameters, in its text format.</remarks>
    private static CpSolver Solver(TimeSpan timeLimit, int workers = 2, string extra = "") => new()
    {
        StringParameters = $"num_workers:{workers} random_seed:0 log_search_progress:false {extra} max_time_in_seconds:" +
            Math.Max(0.05, timeLimit.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture),
    };

    private Solution Read(Built built, CpSolver solver, bool optimal, int[]? tierBound)
    {
        var m = problem.Matching;
        var (_, x, t, z, zv, _, _) = built;
        var hostOf = Enumerable.Repeat(-1, m.Households.Count).ToArray();
        var way = new RideWay?[m.Households.Count];
        var vehicleOf = Enumerable.Repeat(-1, m.Households.Count).ToArray();
        for (var p = 0; p < pairs.Count; p++)
        {
            if (!solver.BooleanValue(x[p]))
            {
                continue;
            }

            var (h, k) = pairs[p];
            hostOf[h] = k;
            way[h] = t[p] is { } tv && solver.BooleanValue(tv) ? RideWay.PublicTransport
                : z[p] is { } zp && solver.BooleanValue(zp) ? RideWay.Vehicle
                : RideWay.HostFetches;
            if (way[h] == RideWay.Vehicle)
            {
                vehicleOf[h] = Drivers[p].Where(v => zv.ContainsKey((p, v))).FirstOrDefault(v => solver.BooleanValue(zv[(p, v)]), -1);
            }
        }

        return new Solution(hostOf, way, vehicleOf, optimal, tierBound);
    }

    /// <summary>The seat-minutes household h costs if driven to host k (see the class remarks).</summary>
    public long PairCost(int h, int k)
    {
        var transport = problem.File.Transport;
        var minSeats = problem.Vehicles.Count == 0 ? 0 : problem.Vehicles.Min(v => v.Vehicle.Seats);
        return ((long)problem.Matching.People[h] * (transport.LoadingMinutes + (2L * problem.Drive[k])))
            + ((long)minSeats * (transport.StopMinutes / problem.Matching.Hosts[k].MaxHouseholds));
    }

    private long Gain(int h, int k)
    {
        var m = problem.Matching;
        var tierWeight = m.Tier[h] switch
        {
            1 => tierBase * tierBase,
            2 => tierBase,
            _ => 1L,
        };
        var continuity = m.LastHost[h] == k ? 1 : 0;
        return (tierWeight * m.People[h] * lowerRange) + ((long)m.Households[h].NightsWithoutShelter * (m.Households.Count + 1L)) + continuity;
    }

    /// <summary>
    /// The tiers' part of a bound on the weighted objective, read back digit by digit. Levels 4-5 weigh less than one
    /// person of tier 3 and tiers count in base <c>people+1</c>, so the encoding keeps the lexicographic order: any plan
    /// whose tiers beat the decoded vector would have a weighted value above the bound.
    /// </summary>
    private int[] DecodeTiers(long bound)
    {
        var tiers = Math.Max(0, bound) / lowerRange;
        var t1 = tiers / (tierBase * tierBase);
        var rest = tiers % (tierBase * tierBase);
        return [(int)t1, (int)(rest / tierBase), (int)(rest % tierBase)];
    }
}

/// <summary>A new trip of the exact model: vehicle index, boarding start and return (elapsed minutes), its stops in order.</summary>
internal sealed record SlotTrip(int Vehicle, int Start, int End, IReadOnlyList<SlotStop> Stops);

/// <summary>A stop of a <see cref="SlotTrip"/>: host index, the households it drops (indices), its arrival minute.</summary>
internal sealed record SlotStop(int Host, IReadOnlyList<int> Households, int Arrive);
