using System.Diagnostics;
using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace HostingMatch.Application.VanRuns.Planner;

/// <summary>
/// Plans the evening's van runs with OR-Tools routing (spec: van-runs.md). The model, in short
/// (docs/van-runs.md has the details):
/// <list type="bullet">
/// <item>One routing vehicle per van. Its several trips are one route through "reload" nodes, copies of the
/// base reserved to that van: arriving at one is the return of a trip, leaving it the departure of the next.
/// Every reload is on the route; spare ones sit at its end as empty trips, which take no time.</item>
/// <item>Time dimension in elapsed minutes from <c>firstDeparture</c>: the transit from the start or a reload to a
/// stop is <c>loadingMinutes</c> + driving (boarding before each trip, rule 4), out of a stop <c>stopMinutes</c> +
/// driving (rule 5); slack is waiting (rule 3); a stop's cumul is its arrival, bounded by its window.</item>
/// <item>Seats dimension: people dropped so far on the current trip, at most the van's seats (rule 1); a reload
/// empties it (demand −maxSeats, with slack to land anywhere from 0). A stop is one node carrying all its
/// households (rule 2).</item>
/// <item>Lexicographic objective by weights: a dropped stop costs <c>P·people</c>; each stop costs
/// <c>W·people·arrivalMinute</c> (a soft upper bound at minute 0); each arc costs its driving minutes. W exceeds any
/// plan's driving total and P any plan's weighted arrival total plus driving, so the order holds exactly.</item>
/// </list>
/// The search runs from several first solutions (the better of the nearest-neighbour baseline and a trip selection
/// built outside the routing search, <see cref="TripSelection"/>; savings; cheapest arc), each with guided local search
/// and what is left of the time limit, and keeps the best plan: never worse than the baseline.
/// </summary>
public static class VanPlanner
{
    /// <summary>Plans the runs. The plan keeps every hard rule; stops on no trip are in <see cref="VanPlan.Unserved"/> with a reason.</summary>
    /// <exception cref="ArgumentNullException">When <paramref name="input"/> is null.</exception>
    public static VanPlan Plan(RunsFile input, VanPlannerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= VanPlannerOptions.Default;
        var clock = Stopwatch.StartNew();
        var model = new EveningModel(input, options);
        if (model.Candidates.Count == 0 || model.Vans.Count == 0)
        {
            return model.Build(model.Vans.Select(_ => (IReadOnlyList<IReadOnlyList<int>>)[]).ToList(), clock.ElapsedMilliseconds);
        }

        var problem = new RoutingProblem(model);
        var baseline = NearestNeighbourVanPlanner.Routes(model);
        var seed = baseline;
        Start[] starts = [new(null, baseline), new(FirstSolutionStrategy.Types.Value.Savings, null), new(FirstSolutionStrategy.Types.Value.PathCheapestArc, null)];
        var solutionLimit = options.SolutionLimit is { } limit ? Math.Max(1, limit / starts.Length) : (long?)null;
        VanPlannerOptions Remaining() => new()
        {
            // The starts run at the same time, sharing the cores: each has what is left of the wall-clock budget.
            TimeLimit = options.TimeLimit - clock.Elapsed > MinimumSearch ? options.TimeLimit - clock.Elapsed : MinimumSearch,
            SolutionLimit = solutionLimit,
        };

        // Each start is an independent, single-threaded search: run them side by side and keep the best,
        // ties going to the earlier start so that the choice does not depend on which finishes first.
        // The first start is the better of the baseline and the trip selection, built while the others search.
        var found = new List<IReadOnlyList<IReadOnlyList<int>>>?[starts.Length];
        Parallel.For(0, starts.Length, new ParallelOptions { MaxDegreeOfParallelism = starts.Length }, i =>
        {
            var start = starts[i];
            // With a solution limit (the night plan's routings) the selection has the whole limit, which it finishes well
            // within on evenings of the network's size (so the plan stays the same run after run); on a big evening it is
            // cut there rather than run for seconds past a limit of tenths of a second.
            if (i == 0 && TripSelection.Routes(model, SelectionWidth, options.SolutionLimit is null ? options.TimeLimit / 2 : options.TimeLimit) is { } selected
                && Better(model.Build(selected, 0), model.Build(baseline, 0)))
            {
                seed = selected;
                start = new Start(null, selected);
            }

            found[i] = problem.Search(start, Remaining());
        });
        var candidates = found.Where(r => r is not null).Select(r => r!).Append(seed).Append(baseline);
        var best = candidates
            .Select(routes => (routes, plan: model.Build(routes, 0)))
            .OrderByDescending(c => c.plan.Summary.PeopleDelivered)
            .ThenBy(c => c.plan.Summary.PersonArrivalMinutes)
            .ThenBy(c => c.plan.Summary.DrivingMinutes)
            .First();
        return model.Build(best.routes, clock.ElapsedMilliseconds);
    }

    private static readonly TimeSpan MinimumSearch = TimeSpan.FromMilliseconds(100);

    /// <summary>States the trip selection's beam keeps at each step.</summary>
    private const int SelectionWidth = 200;

    private static bool Better(VanPlan a, VanPlan b) =>
        a.Summary.PeopleDelivered != b.Summary.PeopleDelivered
            ? a.Summary.PeopleDelivered > b.Summary.PeopleDelivered
            : a.Summary.PersonArrivalMinutes != b.Summary.PersonArrivalMinutes
                ? a.Summary.PersonArrivalMinutes < b.Summary.PersonArrivalMinutes
                : a.Summary.DrivingMinutes < b.Summary.DrivingMinutes;

    /// <summary>Where a search starts: a first-solution strategy, or given routes.</summary>
    private sealed record Start(FirstSolutionStrategy.Types.Value? Strategy, List<IReadOnlyList<IReadOnlyList<int>>>? Routes);

    /// <summary>The routing data of one evening, computed once and shared by the searches.</summary>
    private sealed class RoutingProblem
    {
        private readonly EveningModel model;
        private readonly List<List<int>> reloadsOf = [];
        private readonly int stopCount;
        private readonly int nodeCount;
        private readonly long maxSeats;
        private readonly long horizon;
        private readonly long personWeight;
        private readonly long dropWeight;
        private readonly long[][] drivingMatrix;
        private readonly long[][] timeMatrix;
        private readonly long[] seatsVector;

        public RoutingProblem(EveningModel model)
        {
            this.model = model;
            stopCount = model.Candidates.Count;
            var next = stopCount + 1;
            foreach (var van in model.Vans)
            {
                var count = Math.Max(0, model.MaxTrips(van) - 1);
                reloadsOf.Add(Enumerable.Range(next, count).ToList());
                next += count;
            }

            nodeCount = next;
            maxSeats = model.Vans.Max(v => v.Van.Seats);
            var maxTravel = model.TravelMatrix.Cast<int>().Max();
            horizon = Math.Max(model.LatestMinute, model.Vans.Max(v => v.ReadyMinute)) + model.Loading + model.StopMinutes + (2L * maxTravel) + 1;

            // Weights for the lexicographic objective: every plan's driving total is below driveBound (each stop
            // has one arc in, each trip one arc home), and every plan's weighted arrival total below W·people·horizon.
            var trips = reloadsOf.Sum(r => r.Count) + model.Vans.Count;
            var driveBound = (((long)stopCount + trips) * maxTravel) + 1;
            personWeight = driveBound;
            dropWeight = (personWeight * model.TotalPeople * horizon) + driveBound;

            drivingMatrix = new long[nodeCount][];
            timeMatrix = new long[nodeCount][];
            seatsVector = new long[nodeCount];
            for (var from = 0; from < nodeCount; from++)
            {
                drivingMatrix[from] = new long[nodeCount];
                timeMatrix[from] = new long[nodeCount];
                seatsVector[from] = from == 0 ? 0 : IsReload(from) ? -maxSeats : model.Candidates[from - 1].People;
                for (var to = 0; to < nodeCount; to++)
                {
                    var drive = model.TravelMatrix[Place(from), Place(to)];

                    // Boarding happens only before a trip that has stops: leaving the start or a reload for another
                    // reload or the end is an empty trip, which takes no time, so spare reloads wait at the end for free.
                    var toStop = to != 0 && !IsReload(to);
                    var service = from == 0 || IsReload(from) ? (toStop ? model.Loading : 0) : model.StopMinutes;
                    drivingMatrix[from][to] = drive;
                    timeMatrix[from][to] = service + drive;
                }
            }
        }

        private bool IsReload(int node) => node > stopCount;

        private int Place(int node) => IsReload(node) ? 0 : node;

        /// <summary>One guided local search from <paramref name="start"/>; null when it finds no solution.</summary>
        public List<IReadOnlyList<IReadOnlyList<int>>>? Search(Start start, VanPlannerOptions limits)
        {
            var vans = model.Vans;
            using var manager = new RoutingIndexManager(nodeCount, vans.Count, 0);
            using var routing = new RoutingModel(manager);

            // Matrices by node rather than managed callbacks: the native search reads them without crossing into .NET.
            routing.SetArcCostEvaluatorOfAllVehicles(routing.RegisterTransitMatrix(drivingMatrix));
            routing.AddDimension(routing.RegisterTransitMatrix(timeMatrix), horizon, horizon, false, "Time");
            routing.AddDimensionWithVehicleCapacity(routing.RegisterUnaryTransitVector(seatsVector), maxSeats,
                vans.Select(v => (long)v.Van.Seats).ToArray(), true, "Seats");
            var time = routing.GetMutableDimension("Time");
            var seats = routing.GetMutableDimension("Seats");

            for (var v = 0; v < vans.Count; v++)
            {
                time.CumulVar(routing.Start(v)).SetRange(vans[v].ReadyMinute, horizon);
                seats.SlackVar(routing.Start(v)).SetValue(0);
                routing.AddVariableMinimizedByFinalizer(time.CumulVar(routing.Start(v)));
                routing.AddVariableMinimizedByFinalizer(time.CumulVar(routing.End(v)));
                foreach (var node in reloadsOf[v])
                {
                    var index = manager.NodeToIndex(node);
                    routing.VehicleVar(index).SetValue(v);
                    seats.SlackVar(index).SetRange(0, maxSeats);
                    routing.AddVariableMinimizedByFinalizer(seats.SlackVar(index));
                }
            }

            foreach (var candidate in model.Candidates)
            {
                var index = manager.NodeToIndex(candidate.Node);
                time.CumulVar(index).SetRange(candidate.From, candidate.Until);
                time.SetCumulVarSoftUpperBound(index, 0, personWeight * candidate.People);
                seats.SlackVar(index).SetValue(0);
                routing.AddDisjunction([index], dropWeight * candidate.People);
            }

            var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
            parameters.FirstSolutionStrategy = start.Strategy ?? FirstSolutionStrategy.Types.Value.PathCheapestArc;
            parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;

            // GLS penalises arcs in proportion to their cost, here driving minutes, which the objective barely
            // weighs; scaled to the person-minute weight, the penalties can move the search off a local optimum.
            parameters.GuidedLocalSearchLambdaCoefficient = 10.0 * personWeight;
            parameters.TimeLimit = Duration.FromTimeSpan(limits.TimeLimit);
            if (limits.SolutionLimit is { } limit)
            {
                parameters.SolutionLimit = limit;
            }

            routing.CloseModelWithParameters(parameters);
            Assignment? solution;
            if (start.Routes is { } given && ToRoutes(given) is { } routes)
            {
                var initial = routing.ReadAssignmentFromRoutes(routes, true);
                solution = initial is null ? null : routing.SolveFromAssignmentWithParameters(initial, parameters);
            }
            else
            {
                solution = routing.SolveWithParameters(parameters);
            }

            return solution is null ? null : Read(routing, manager, solution);
        }

        private List<IReadOnlyList<IReadOnlyList<int>>> Read(RoutingModel routing, RoutingIndexManager manager, Assignment solution)
        {
            var result = new List<IReadOnlyList<IReadOnlyList<int>>>();
            for (var v = 0; v < model.Vans.Count; v++)
            {
                var trips = new List<IReadOnlyList<int>>();
                var current = new List<int>();
                for (var index = solution.Value(routing.NextVar(routing.Start(v))); !routing.IsEnd(index); index = solution.Value(routing.NextVar(index)))
                {
                    var node = manager.IndexToNode(index);
                    if (IsReload(node))
                    {
                        trips.Add(current);
                        current = [];
                    }
                    else
                    {
                        current.Add(node);
                    }
                }

                trips.Add(current);
                result.Add(trips);
            }

            return result;
        }

        /// <summary>Given trips as routes through the vans' reloads, spare reloads at the end; null when a van has too many trips.</summary>
        private long[][]? ToRoutes(List<IReadOnlyList<IReadOnlyList<int>>> given)
        {
            var routes = new long[given.Count][];
            for (var v = 0; v < given.Count; v++)
            {
                var trips = given[v].Where(t => t.Count > 0).ToList();
                var reloads = reloadsOf[v];
                if (trips.Count - 1 > reloads.Count)
                {
                    return null;
                }

                var route = new List<long>();
                for (var k = 0; k < trips.Count; k++)
                {
                    if (k > 0)
                    {
                        route.Add(reloads[k - 1]);
                    }

                    route.AddRange(trips[k].Select(node => (long)node));
                }

                route.AddRange(reloads.Skip(Math.Max(0, trips.Count - 1)).Select(node => (long)node));
                routes[v] = [.. route];
            }

            return routes;
        }
    }
}
