using System.Diagnostics;

namespace HostingMatch.Application.VanRuns.Planner;

/// <summary>
/// The baseline the benchmark compares with, and the routing search's starting point: the van that is back first
/// boards its next trip, then drives each time to the stop it can reach soonest (waiting for a window included) that still fits its seats,
/// until none does, and comes back.
/// </summary>
public static class NearestNeighbourVanPlanner
{
    /// <summary>Plans the runs greedily.</summary>
    public static VanPlan Plan(RunsFile input, VanPlannerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(input);
        var clock = Stopwatch.StartNew();
        var model = new EveningModel(input, options ?? VanPlannerOptions.Default);
        return model.Build(Routes(model), clock.ElapsedMilliseconds);
    }

    internal static List<IReadOnlyList<IReadOnlyList<int>>> Routes(EveningModel model)
    {
        var routes = model.Vans.Select(_ => new List<IReadOnlyList<int>>()).ToList();
        var ready = model.Vans.Select(v => v.ReadyMinute).ToArray();
        var done = new bool[model.Vans.Count];
        var left = model.Candidates.Select(c => c.Node).ToHashSet();
        while (left.Count > 0 && done.Contains(false))
        {
            // The van back first goes next; ties go to the van listed first, so the plan is deterministic.
            var v = Enumerable.Range(0, model.Vans.Count).Where(i => !done[i]).MinBy(i => ready[i]);
            var seats = model.Vans[v].Van.Seats;
            var trip = new List<int>();
            while (true)
            {
                // Nearest in time, not only in distance: a close stop whose window opens late would
                // otherwise keep the van waiting at its door for the whole evening.
                var best = left
                    .Select(node => (node, times: model.Simulate(ready[v], seats, [.. trip, node])))
                    .Where(c => c.times is not null)
                    .OrderBy(c => c.times!.Arrivals[^1])
                    .ThenBy(c => c.node)
                    .Select(c => (int?)c.node)
                    .FirstOrDefault();
                if (best is null)
                {
                    break;
                }

                trip.Add(best.Value);
                left.Remove(best.Value);
            }

            if (trip.Count == 0)
            {
                // Waiting is allowed, so a stop no trip can reach now cannot be reached later either.
                done[v] = true;
                continue;
            }

            routes[v].Add(trip);
            ready[v] = model.Simulate(ready[v], seats, trip)!.Return;
        }

        return [.. routes.Select(r => (IReadOnlyList<IReadOnlyList<int>>)r)];
    }
}
