using HostingMatch.Domain.Households;

namespace HostingMatch.Application.Matching.Engine;

/// <summary>
/// Continuity and travel once levels 1-4 are proved optimal by a plan that places every placeable household:
/// the min-cost flow relaxation, then, unless it is already a plan, CP-SAT on the pairs that can still matter.
/// </summary>
/// <remarks>
/// The relaxation is <see cref="FlowMatcher.Solve(MatchingProblem, LevelGroup, bool)"/> with <c>placeAll</c>: every
/// placeable household takes exactly one candidate host, hosts that take several households keep only their
/// number of households (beds and categories ignored there), and a host that can take several households charges its
/// recent nights (host load, counted once per host used) to none of its pairs. Every plan placing everyone is one of its
/// flows, worth at least as much there, so its optimum V bounds levels 5-7 from above; when it keeps rules 6 and 7 and
/// is worth V as a plan, it is the optimal plan. Otherwise the best
/// plan known (the greedy one, or the flow repaired) has value B &lt;= V, and a pair whose reduced cost is at least
/// V - B appears only in plans worth at most B: dropping it (unless the best plan uses it) keeps every plan that
/// beats B, so CP-SAT's optimum over the pairs left is the optimum. That CP-SAT model groups interchangeable hosts
/// (<see cref="HostClassMatcher"/>): on the big nights hosts differ mostly by travel time, and the plain model
/// drowned in proving that swapping two of them changes nothing.
/// </remarks>
internal static class PlaceEveryoneMatcher
{
    /// <summary>Continuity, the first level (0-based) below the people and waiting-nights levels.</summary>
    public const int FirstLevel = 4;

    /// <summary>The proved plan, or the best found in the time budget: CP-SAT on the pairs the relaxation keeps.</summary>
    /// <param name="problem">The night.</param>
    /// <param name="relaxed">The flow relaxation of the night (<see cref="Relax"/>).</param>
    /// <param name="ranges">The level ranges (<see cref="MatchingProblem.LevelRanges"/>).</param>
    /// <param name="weightLimit">The largest weighted span of one CP-SAT level group.</param>
    /// <param name="deadline">The time budget of the CP-SAT step.</param>
    public static CpSatMatcher.Result Solve(MatchingProblem problem, RelaxedPlan relaxed, long[] ranges, long weightLimit, Deadline deadline)
    {
        if (relaxed.Settled is { } settled)
        {
            return settled;
        }

        var kept = new int[problem.Households.Count][];
        for (var h = 0; h < kept.Length; h++)
        {
            var candidates = problem.Candidates[h];
            kept[h] = candidates.Where((k, slot) => relaxed.ReducedCost[h][slot] < relaxed.Slack || k == relaxed.Best[h]).ToArray();
        }

        return HostClassMatcher.Solve(problem, LevelGroup.Split(ranges, weightLimit, FirstLevel), relaxed.Best, deadline, kept);
    }

    /// <summary>
    /// The flow relaxation alone: the proved plan when it settles levels 5-6 (<see cref="RelaxedPlan.Settled"/>), else
    /// the best plan known, the start or the relaxation repaired, whichever is worth more on levels 5-6. Null when levels
    /// 5-6 do not fit one flow cost or the flow solver fails.
    /// </summary>
    /// <param name="problem">The night.</param>
    /// <param name="ranges">The level ranges (<see cref="MatchingProblem.LevelRanges"/>).</param>
    /// <param name="flowLimit">The largest weighted span the flow solver takes exactly.</param>
    /// <param name="start">A valid plan placing every placeable household (the greedy one).</param>
    public static RelaxedPlan? Relax(MatchingProblem problem, long[] ranges, long flowLimit, int[] start)
    {
        var groups = LevelGroup.Split(ranges, flowLimit, FirstLevel);
        if (groups.Count != 1)
        {
            return null;
        }

        var group = groups[0];
        var relaxation = FlowMatcher.Solve(problem, group, placeAll: true);
        if (relaxation is null || !problem.PlacesEveryPlaceable(relaxation.HostOf))
        {
            return null;
        }

        // The flow charges a shared host's recent nights to none of its pairs (host load counts once per host used), so its
        // value bounds every plan's from above but is a plan's own value only when that plan uses no such host.
        var relaxedIsPlan = problem.KeepsRules6And7(relaxation.HostOf);
        if (relaxedIsPlan && group.Value(problem, relaxation.HostOf) == relaxation.Value)
        {
            return new RelaxedPlan(new CpSatMatcher.Result(relaxation.HostOf, true, null), relaxation.HostOf, 0, relaxation.ReducedCost);
        }

        var best = start;
        if (relaxedIsPlan && group.Value(problem, relaxation.HostOf) > group.Value(problem, best))
        {
            best = relaxation.HostOf;
        }

        if (Repair(problem, group, relaxation.HostOf) is { } repaired && group.Value(problem, repaired) > group.Value(problem, best))
        {
            best = repaired;
        }

        var slack = relaxation.Value - group.Value(problem, best);
        return new RelaxedPlan(slack <= 0 ? new CpSatMatcher.Result(best, true, null) : null, best, slack, relaxation.ReducedCost);
    }

    /// <summary>
    /// A valid plan placing every placeable household, from the flow relaxation repaired, for nights where greedy leaves
    /// someone out; null when the relaxation or its repair cannot place everyone (then perhaps nobody can).
    /// </summary>
    /// <param name="problem">The night.</param>
    /// <param name="ranges">The level ranges (<see cref="MatchingProblem.LevelRanges"/>).</param>
    /// <param name="flowLimit">The largest weighted span the flow solver takes exactly.</param>
    public static int[]? PlanPlacingEveryone(MatchingProblem problem, long[] ranges, long flowLimit)
    {
        var groups = LevelGroup.Split(ranges, flowLimit, FirstLevel);
        if (groups.Count != 1 || FlowMatcher.Solve(problem, groups[0], placeAll: true) is not { } relaxation
            || !problem.PlacesEveryPlaceable(relaxation.HostOf))
        {
            return null;
        }

        return Repair(problem, groups[0], relaxation.HostOf) is { } repaired && problem.KeepsRules6And7(repaired) ? repaired : null;
    }

    /// <summary>What the flow relaxation says about levels 5-6 of the everyone-placed nights.</summary>
    /// <param name="Settled">The proved plan, when the relaxation or the best plan reaches its bound; else null.</param>
    /// <param name="Best">The best plan known, placing every placeable household.</param>
    /// <param name="Slack">The relaxation's bound minus the best plan's value (levels 5-6 weighted).</param>
    /// <param name="ReducedCost">Per household and candidate slot, the least extra cost of a flow using that pair.</param>
    internal sealed record RelaxedPlan(CpSatMatcher.Result? Settled, int[] Best, long Slack, long[][] ReducedCost);

    /// <summary>
    /// A plan close to the relaxed one: households keep their relaxed host while it has room, the others take
    /// their best candidate with room. Null when someone would be left without a host.
    /// </summary>
    private static int[]? Repair(MatchingProblem problem, LevelGroup group, int[] relaxed)
    {
        var beds = new int[problem.Hosts.Count];
        var count = new int[problem.Hosts.Count];
        var category = new HouseholdCategory?[problem.Hosts.Count];
        var hostOf = Enumerable.Repeat(-1, relaxed.Length).ToArray();
        var homeless = new List<int>();
        foreach (var h in Enumerable.Range(0, relaxed.Length).OrderBy(h => problem.Pin[h] >= 0 ? 0 : 1).ThenBy(h => h))
        {
            if (relaxed[h] < 0)
            {
                continue;
            }

            if (Fits(h, relaxed[h]))
            {
                Place(h, relaxed[h]);
            }
            else
            {
                homeless.Add(h);
            }
        }

        foreach (var h in homeless)
        {
            if (problem.Pin[h] >= 0)
            {
                return null;
            }

            var bestHost = -1;
            var bestGain = long.MinValue;
            foreach (var k in problem.Candidates[h])
            {
                if (Fits(h, k) && group.Gain(problem, h, k) > bestGain)
                {
                    bestHost = k;
                    bestGain = group.Gain(problem, h, k);
                }
            }

            if (bestHost < 0)
            {
                return null;
            }

            Place(h, bestHost);
        }

        return hostOf;

        bool Fits(int h, int k) =>
            beds[k] + problem.People[h] <= problem.Hosts[k].Beds
            && count[k] < problem.Hosts[k].MaxHouseholds
            && (category[k] is null || category[k] == problem.Category[h]);

        void Place(int h, int k)
        {
            beds[k] += problem.People[h];
            count[k]++;
            category[k] = problem.Category[h];
            hostOf[h] = k;
        }
    }
}
