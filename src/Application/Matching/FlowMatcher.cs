using Google.OrTools.Graph;

namespace HostingMatch.Application.Matching;

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
    public static int[]? Solve(MatchingProblem problem, LevelGroup all)
    {
        var households = problem.Households.Count;
        var hosts = problem.Hosts.Count;
        var source = 0;
        var sink = households + hosts + 1;
        var flow = new MinCostFlow();
        var arcs = new List<(int Arc, int Household, int Host)>();
        for (var h = 0; h < households; h++)
        {
            flow.AddArcWithCapacityAndUnitCost(source, 1 + h, 1, 0);
            if (problem.Pin[h] < 0)
            {
                flow.AddArcWithCapacityAndUnitCost(1 + h, sink, 1, 0);
            }

            foreach (var k in problem.Candidates[h])
            {
                if (problem.Pin[h] >= 0 && problem.Pin[h] != k)
                {
                    continue;
                }

                arcs.Add((flow.AddArcWithCapacityAndUnitCost(1 + h, 1 + households + k, 1, -all.Gain(problem, h, k)), h, k));
            }
        }

        for (var k = 0; k < hosts; k++)
        {
            flow.AddArcWithCapacityAndUnitCost(1 + households + k, sink, 1, 0);
        }

        flow.SetNodeSupply(source, households);
        flow.SetNodeSupply(sink, -households);
        if (flow.Solve() != MinCostFlowBase.Status.OPTIMAL)
        {
            return null;
        }

        var hostOf = Enumerable.Repeat(-1, households).ToArray();
        foreach (var (arc, h, k) in arcs)
        {
            if (flow.Flow(arc) > 0)
            {
                hostOf[h] = k;
            }
        }

        return hostOf;
    }
}
