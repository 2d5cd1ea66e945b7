using Google.OrTools.Graph;

namespace HostingMatch.Application.Matching.Engine;

/// <summary>
/// The common case where no host can take two households tonight: matching is then an assignment
/// problem, solved exactly by a min-cost flow in well under a millisecond.
/// </summary>
/// <remarks>
/// Source -> each household (capacity 1); household -> each candidate host (capacity 1, cost = minus the
/// weighted gain of the pair); household -> sink directly (capacity 1, cost 0: left unplaced; absent for
/// pinned households, whose only arc is their pin); host -> sink (capacity 1). All supply must reach the
/// sink, so the minimum cost is the maximum total gain.
/// </remarks>
internal static class FlowMatcher
{
    /// <summary>Whether the flow model is exact: every host can hold at most one candidate household.</summary>
    public static bool Applies(MatchingProblem problem)
    {
        var byHost = problem.HouseholdsByHost();
        for (var k = 0; k < problem.Hosts.Count; k++)
        {
            if (problem.CanHoldSeveral(k, byHost[k]))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The optimal assignment, or null when the flow solver could not prove one (the caller falls back).</summary>
    public static int[]? Solve(MatchingProblem problem, LevelGroup all) => Solve(problem, all, placeAll: false)?.HostOf;

    /// <summary>An optimal flow: the assignment, its value in the group and each household-host arc's reduced cost.</summary>
    /// <param name="HostOf">The host of each household, or -1.</param>
    /// <param name="Value">The group's value of <paramref name="HostOf"/> (minus the flow cost).</param>
    /// <param name="ReducedCost">
    /// Per household, aligned with <see cref="MatchingProblem.Candidates"/>: how much any assignment of the flow model that
    /// uses the pair loses at least against <paramref name="Value"/> (long.MaxValue for pairs left out of the model).
    /// </param>
    public sealed record Relaxation(int[] HostOf, long Value, long[][] ReducedCost);

    /// <summary>The optimal flow, or null when the flow solver finds none.</summary>
    /// <remarks>
    /// With <c>placeAll</c>, every household with a candidate must be placed (no "unplaced" arc for it), and hosts that can
    /// hold several households get their maximum number of households as capacity, beds and categories ignored: the flow is
    /// then a relaxation (every plan placing everyone is a flow), exact when its answer keeps rules 6 and 7
    /// (<see cref="MatchingProblem.KeepsRules6And7"/>).
    /// Reduced costs come from node potentials: shortest distances in the residual graph of the optimal flow (Bellman-Ford
    /// started at 0 everywhere; there is no negative cycle since the flow is optimal). For any other flow x,
    /// cost(x) - cost* = sum over arcs of rc(a) (x(a) - x*(a)), every term non-negative, so a flow through an unused arc
    /// costs at least rc(a) more.
    /// </remarks>
    public static Relaxation? Solve(MatchingProblem problem, LevelGroup group, bool placeAll)
    {
        var households = problem.Households.Count;
        var hosts = problem.Hosts.Count;
        var source = 0;
        var sink = households + hosts + 1;
        var flow = new MinCostFlow();
        var arcs = new List<(int Tail, int Head, long Cost, long Capacity, int Household, int Slot)>();
        for (var h = 0; h < households; h++)
        {
            Add(source, 1 + h, 1, 0, -1, -1);
            if (problem.Pin[h] < 0 && !(placeAll && problem.Candidates[h].Length > 0))
            {
                Add(1 + h, sink, 1, 0, -1, -1);
            }

            for (var slot = 0; slot < problem.Candidates[h].Length; slot++)
            {
                var k = problem.Candidates[h][slot];
                if (problem.Pin[h] >= 0 && problem.Pin[h] != k)
                {
                    continue;
                }

                Add(1 + h, 1 + households + k, 1, -group.Gain(problem, h, k), h, slot);
            }
        }

        var byHost = problem.HouseholdsByHost();
        for (var k = 0; k < hosts; k++)
        {
            var capacity = placeAll && problem.CanHoldSeveral(k, byHost[k]) ? problem.Hosts[k].MaxHouseholds : 1;
            Add(1 + households + k, sink, capacity, 0, -1, -1);
        }

        flow.SetNodeSupply(source, households);
        flow.SetNodeSupply(sink, -households);
        if (flow.Solve() != MinCostFlowBase.Status.OPTIMAL)
        {
            return null;
        }

        var flows = new long[arcs.Count];
        var hostOf = Enumerable.Repeat(-1, households).ToArray();
        long value = 0;
        for (var a = 0; a < arcs.Count; a++)
        {
            flows[a] = flow.Flow(a);
            if (arcs[a].Household >= 0 && flows[a] > 0)
            {
                hostOf[arcs[a].Household] = arcs[a].Head - 1 - households;
                value = checked(value - arcs[a].Cost);
            }
        }

        var potential = Potentials(sink + 1, arcs.Select((arc, a) => (arc.Tail, arc.Head, arc.Cost, arc.Capacity, flows[a])).ToList());
        var reduced = problem.Candidates.Select(c => Enumerable.Repeat(long.MaxValue, c.Length).ToArray()).ToArray();
        foreach (var arc in arcs.Where(arc => arc.Household >= 0))
        {
            reduced[arc.Household][arc.Slot] = checked(arc.Cost + potential[arc.Tail] - potential[arc.Head]);
        }

        return new Relaxation(hostOf, value, reduced);

        void Add(int tail, int head, long capacity, long cost, int household, int slot)
        {
            // The managed list mirrors OR-Tools' arc numbering (arcs are numbered in the order they are added).
            var id = flow.AddArcWithCapacityAndUnitCost(tail, head, capacity, cost);
            if (id != arcs.Count)
            {
                throw new InvalidOperationException("Unexpected arc numbering in the min-cost flow.");
            }

            arcs.Add((tail, head, cost, capacity, household, slot));
        }
    }

    /// <summary>Shortest distances in the residual graph, from a virtual source joined to every node at cost 0 (queue-based Bellman-Ford).</summary>
    private static long[] Potentials(int nodes, List<(int Tail, int Head, long Cost, long Capacity, long Flow)> arcs)
    {
        var outgoing = Enumerable.Range(0, nodes).Select(_ => new List<(int Head, long Cost)>()).ToArray();
        foreach (var (tail, head, cost, capacity, f) in arcs)
        {
            if (f < capacity)
            {
                outgoing[tail].Add((head, cost));
            }

            if (f > 0)
            {
                outgoing[head].Add((tail, -cost));
            }
        }

        var distance = new long[nodes];
        var queued = Enumerable.Repeat(true, nodes).ToArray();
        var queue = new Queue<int>(Enumerable.Range(0, nodes));
        while (queue.TryDequeue(out var u))
        {
            queued[u] = false;
            foreach (var (v, cost) in outgoing[u])
            {
                if (distance[u] + cost < distance[v])
                {
                    distance[v] = distance[u] + cost;
                    if (!queued[v])
                    {
                        queued[v] = true;
                        queue.Enqueue(v);
                    }
                }
            }
        }

        return distance;
    }
}
