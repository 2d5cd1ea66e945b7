using System.Diagnostics;
using Google.OrTools.ConstraintSolver;
using Google.Protobuf.WellKnownTypes;

namespace HostingMatch.Application.VanRuns;

/// <summary>
/// Plans the evening's van runs with OR-Tools routing (spec: van-runs.md). The model, in short
/// (docs/van-runs.md has the details):
/// <list type="bullet">
/// <item>One routing vehicle per van. Its several trips are one route that passes through "reload" nodes,
/// optional copies of the base: arriving at one is the return of a trip, leaving it the departure of the next.</item>
/// <item>Time dimension in elapsed minutes from <c>firstDeparture</c>: the transit out of the start and of a reload is
/// <c>loadingMinutes</c> + driving (boarding before each trip, rule 4), out of a stop <c>stopMinutes</c> + driving
/// (rule 5); slack is waiting (rule 3); a stop's cumul is its arrival, bounded by its window.</item>
/// <item>Seats dimension: people dropped so far on the current trip, at most the van's seats (rule 1); a reload
/// empties it (demand −maxSeats, with slack to land anywhere from 0). A stop is one node carrying all its
/// households (rule 2).</item>
/// <item>Lexicographic objective by weights: a dropped stop costs <c>P·people</c>; each stop costs
/// <c>W·people·arrivalMinute</c> (a soft upper bound at minute 0); each arc costs its driving minutes. W exceeds any
/// plan's driving total and P any plan's weighted arrival total plus driving, so the order holds exactly.</item>
/// </list>
/// The search starts from the nearest-neighbour baseline's plan when it is feasible, so the result is never worse than it.
/// </summary>
public static class VanPlanner
{
    /// <summary>Plans the runs.</summary>
    /// <exception cref="ArgumentNullException">When an argument is null.</exception>
    public static VanPlan Plan(RunsFile input, VanPlannerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        options ??= VanPlannerOptions.Default;
        var clock = Stopwatch.StartNew();
        var model = new EveningModel(input, options);
        var routes = model.Candidates.Count == 0 || model.Vans.Count == 0
            ? model.Vans.Select(_ => (IReadOnlyList<IReadOnlyList<int>>)[]).ToList()
            : Solve(model, options);
        return model.Build(routes, clock.ElapsedMilliseconds);
    }

    private static List<IReadOnlyList<IReadOnlyList<int>>> Solve(EveningModel model, VanPlannerOptions options)
    {
        var n = model.Candidates.Count;
        var vans = model.Vans;

        // Reload nodes n+1.. are assigned to their van, so that no two vans compete for the same copy of the base.
        var reloadsOf = new List<List<int>>();
        var next = n + 1;
        foreach (var van in vans)
        {
            var count = Math.Max(0, model.MaxTrips(van) - 1);
            reloadsOf.Add(Enumerable.Range(next, count).ToList());
            next += count;
        }

        var nodeCount = next;
        bool IsReload(int node) => node > n;
        int Place(int node) => IsReload(node) ? 0 : node;

        var maxSeats = vans.Max(v => v.Van.Seats);
        var maxTravel = 0;
        foreach (var t in model.TravelMatrix)
        {
            maxTravel = Math.Max(maxTravel, t);
        }

        var maxReady = vans.Max(v => v.ReadyMinute);
        long horizon = Math.Max(model.LatestMinute, maxReady) + model.Loading + model.StopMinutes + (2L * maxTravel) + 1;

        // Weights for the lexicographic objective: every plan's driving total is below driveBound (each stop has
        // one arc in, each trip one arc home), and every plan's arrival total below people·horizon.
        var trips = reloadsOf.Sum(r => r.Count) + vans.Count;
        var driveBound = ((long)n + trips) * maxTravel + 1;
        var personWeight = driveBound;
        var dropWeight = (personWeight * model.TotalPeople * horizon) + driveBound;

        using var manager = new RoutingIndexManager(nodeCount, vans.Count, 0);
        using var routing = new RoutingModel(manager);

        long Driving(long fromIndex, long toIndex) =>
            model.TravelMatrix[Place(manager.IndexToNode(fromIndex)), Place(manager.IndexToNode(toIndex))];

        long Service(int node) => node == 0 || IsReload(node) ? model.Loading : model.StopMinutes;

        long Time(long fromIndex, long toIndex) => Service(manager.IndexToNode(fromIndex)) + Driving(fromIndex, toIndex);

        long Seats(long index)
        {
            var node = manager.IndexToNode(index);
            return node == 0 ? 0 : IsReload(node) ? -maxSeats : model.Candidates[node - 1].People;
        }

        // The delegates must outlive the solve: the native side only holds a pointer to them.
        LongLongToLong driving = Driving;
        LongLongToLong time = Time;
        LongToLong seats = Seats;
        var drivingIndex = routing.RegisterTransitCallback(driving);
        var timeIndex = routing.RegisterTransitCallback(time);
        var seatsIndex = routing.RegisterUnaryTransitCallback(seats);

        routing.SetArcCostEvaluatorOfAllVehicles(drivingIndex);
        routing.AddDimension(timeIndex, horizon, horizon, false, "Time");
        routing.AddDimensionWithVehicleCapacity(seatsIndex, maxSeats, vans.Select(v => (long)v.Van.Seats).ToArray(), true, "Seats");
        var timeDimension = routing.GetMutableDimension("Time");
        var seatsDimension = routing.GetMutableDimension("Seats");

        for (var v = 0; v < vans.Count; v++)
        {
            timeDimension.CumulVar(routing.Start(v)).SetRange(vans[v].ReadyMinute, horizon);
            seatsDimension.SlackVar(routing.Start(v)).SetValue(0);
        }

        foreach (var candidate in model.Candidates)
        {
            var index = manager.NodeToIndex(candidate.Node);
            timeDimension.CumulVar(index).SetRange(candidate.From, candidate.Until);
            timeDimension.SetCumulVarSoftUpperBound(index, 0, personWeight * candidate.People);
            seatsDimension.SlackVar(index).SetValue(0);
            routing.AddDisjunction([index], dropWeight * candidate.People);
        }

        for (var v = 0; v < vans.Count; v++)
        {
            foreach (var node in reloadsOf[v])
            {
                var index = manager.NodeToIndex(node);
                routing.VehicleVar(index).SetValues([-1, v]);
                seatsDimension.SlackVar(index).SetRange(0, maxSeats);
                routing.AddVariableMinimizedByFinalizer(seatsDimension.SlackVar(index));
                routing.AddDisjunction([index], 0);
            }
        }

        for (var v = 0; v < vans.Count; v++)
        {
            routing.AddVariableMinimizedByFinalizer(timeDimension.CumulVar(routing.Start(v)));
            routing.AddVariableMinimizedByFinalizer(timeDimension.CumulVar(routing.End(v)));
        }

        var parameters = operations_research_constraint_solver.DefaultRoutingSearchParameters();
        parameters.FirstSolutionStrategy = FirstSolutionStrategy.Types.Value.PathCheapestArc;
        parameters.LocalSearchMetaheuristic = LocalSearchMetaheuristic.Types.Value.GuidedLocalSearch;
        parameters.TimeLimit = Duration.FromTimeSpan(options.TimeLimit);
        if (options.SolutionLimit is { } limit)
        {
            parameters.SolutionLimit = limit;
        }

        var baseline = NearestNeighbourVanPlanner.Routes(model);
        var initialRoutes = baseline.Select((vanTrips, v) => ToRoute(vanTrips, reloadsOf[v])).ToArray();
        routing.CloseModelWithParameters(parameters);
        var initial = initialRoutes.All(r => r is not null)
            ? routing.ReadAssignmentFromRoutes(initialRoutes.Select(r => r!.ToArray()).ToArray(), true)
            : null;
        var solution = initial is null
            ? routing.SolveWithParameters(parameters)
            : routing.SolveFromAssignmentWithParameters(initial, parameters);
        if (solution is null)
        {
            return baseline;
        }

        var result = new List<IReadOnlyList<IReadOnlyList<int>>>();
        for (var v = 0; v < vans.Count; v++)
        {
            var vanTrips = new List<IReadOnlyList<int>>();
            var current = new List<int>();
            var index = solution.Value(routing.NextVar(routing.Start(v)));
            while (!routing.IsEnd(index))
            {
                var node = manager.IndexToNode(index);
                if (IsReload(node))
                {
                    vanTrips.Add(current);
                    current = [];
                }
                else
                {
                    current.Add(node);
                }

                index = solution.Value(routing.NextVar(index));
            }

            vanTrips.Add(current);
            result.Add(vanTrips);
        }

        GC.KeepAlive(driving);
        GC.KeepAlive(time);
        GC.KeepAlive(seats);
        return result;
    }

    /// <summary>A van's trips as one route through its reload nodes, or null when it has more trips than reloads.</summary>
    private static List<long>? ToRoute(IReadOnlyList<IReadOnlyList<int>> vanTrips, IReadOnlyList<int> reloads)
    {
        var nonEmpty = vanTrips.Where(t => t.Count > 0).ToList();
        if (nonEmpty.Count - 1 > reloads.Count)
        {
            return null;
        }

        var route = new List<long>();
        for (var k = 0; k < nonEmpty.Count; k++)
        {
            if (k > 0)
            {
                route.Add(reloads[k - 1]);
            }

            route.AddRange(nonEmpty[k].Select(node => (long)node));
        }

        return route;
    }
}
