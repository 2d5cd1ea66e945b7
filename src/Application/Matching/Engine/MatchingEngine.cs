namespace HostingMatch.Application.Matching.Engine;

/// <summary>
/// The nightly matching engine: a night in, the optimal plan out (spec: matching.md). Pure (no I/O,
/// no clock other than the time budget) and deterministic: the same night and options give the same plan.
/// </summary>
public static class MatchingEngine
{
    /// <summary>Above this, CP-SAT objective coefficients could lose exactness in its LP (2^50 stays far below 2^53).</summary>
    private const long CpSatWeightLimit = 1L << 50;

    /// <summary>From this many households, a night that greedy places whole goes to the aggregated model too.</summary>
    private const int AggregateEveryonePlacedFrom = 100;

    /// <summary>Solves the night to proved optimality, or to the time limit.</summary>
    /// <exception cref="ArgumentException">When a pin names an unknown household or host, breaks rules 1-5, or the pins cannot hold together.</exception>
    public static Plan Solve(NightFile night, MatchingOptions? options = null) =>
        Solve(night, options, CpSatWeightLimit, allowFlow: true);

    /// <summary>
    /// Tests use a tiny <paramref name="weightLimit"/> (each level its own CP-SAT solve),
    /// <paramref name="allowFlow"/> false and <paramref name="allowAggregation"/> false to exercise the paths that the
    /// usual nights never take.
    /// </summary>
    internal static Plan Solve(NightFile night, MatchingOptions? options, long weightLimit, bool allowFlow, bool allowAggregation = true)
    {
        options ??= MatchingOptions.Default;
        var deadline = Deadline.Start(options.TimeLimit);
        var problem = new MatchingProblem(night, options);
        var greedy = GreedyMatcher.Assign(problem);
        var ranges = problem.LevelRanges();

        if (allowFlow && FlowMatcher.Applies(problem))
        {
            // The flow solver scales costs by the number of nodes; keep that product inside 2^62.
            var nodes = problem.Households.Count + problem.Hosts.Count + 2L;
            var flowGroups = LevelGroup.Split(ranges, (1L << 62) / nodes);
            if (flowGroups.Count == 1 && FlowMatcher.Solve(problem, flowGroups[0]) is { } assignment)
            {
                return PlanBuilder.Build(problem, assignment, optimal: true, gap: null, deadline.Elapsed);
            }
        }

        // Pins that break rules 6-7 together make the greedy plan invalid; CP-SAT then reports them below.
        // Pins that break rules 6-7 together make the greedy plan invalid; CP-SAT then reports them below.
        var greedyPlacesEveryone = problem.PlacesEveryPlaceable(greedy) && problem.KeepsRules6And7(greedy);
        if (greedyPlacesEveryone && allowFlow)
        {
            // The flow relaxation of continuity and travel is often a plan already, in about a millisecond.
            var nodes = problem.Households.Count + problem.Hosts.Count + 2L;
            if (PlaceEveryoneMatcher.Solve(problem, ranges, (1L << 62) / nodes, weightLimit, greedy, deadline, relaxationOnly: true) is { } settled)
            {
                return PlanBuilder.Build(problem, settled.HostOf, settled.Optimal, settled.Gap, deadline.Elapsed);
            }
        }

        if (GreedyWhenTimeIsUp(problem, greedy, deadline) is { } late)
        {
            return late;
        }

        // Households and hosts the rules cannot tell apart counted as types and classes (no pins, not too many
        // configurations). When greedy already places everyone, the host-class pair model proves small nights sooner
        // (40 x 80 planted nights: 30-180 ms against 130-520 ms), the aggregated one big nights (400 x 1,000: 4-7 s
        // against 14-30 s and more).
        if (allowAggregation && (!greedyPlacesEveryone || problem.Households.Count >= AggregateEveryonePlacedFrom)
            && AggregatedMatcher.Solve(problem, weightLimit, greedy, deadline) is { } aggregated)
        {
            return PlanBuilder.Build(problem, aggregated.HostOf, aggregated.Optimal, aggregated.Gap, deadline.Elapsed);
        }

        if (GreedyWhenTimeIsUp(problem, greedy, deadline) is { } late2)
        {
            return late2;
        }

        if (greedyPlacesEveryone)
        {
            return PlaceEveryone(problem, ranges, weightLimit, allowFlow, greedy, deadline);
        }

        var groups = LevelGroup.Split(ranges, weightLimit);
        var result = CpSatMatcher.Solve(problem, groups, greedy, deadline);
        return PlanBuilder.Build(problem, result.HostOf, result.Optimal, result.Gap, deadline.Elapsed);
    }

    /// <summary>
    /// Once the time is up, the greedy plan (valid, not proved) rather than a CP-SAT model that takes seconds to build on a
    /// 2,000-host night and would get no time to search: the caller's time limit holds. Null while time is left, or when pins
    /// make the greedy plan invalid (CP-SAT then reports them).
    /// </summary>
    private static Plan? GreedyWhenTimeIsUp(MatchingProblem problem, int[] greedy, Deadline deadline) =>
        deadline.IsSpent && problem.KeepsRules6And7(greedy)
            ? PlanBuilder.Build(problem, greedy, optimal: false, gap: 1, deadline.Elapsed)
            : null;

    /// <summary>
    /// Levels 1-4 are at their upper bound with <paramref name="start"/>, a valid plan placing every placeable household,
    /// and only such plans reach it: what is left to prove is continuity and travel, every placeable household placed once.
    /// </summary>
    private static Plan PlaceEveryone(MatchingProblem problem, long[] ranges, long weightLimit, bool allowFlow, int[] start, Deadline deadline)
    {
        if (allowFlow)
        {
            var nodes = problem.Households.Count + problem.Hosts.Count + 2L;
            if (PlaceEveryoneMatcher.Solve(problem, ranges, (1L << 62) / nodes, weightLimit, start, deadline) is { } settled)
            {
                return PlanBuilder.Build(problem, settled.HostOf, settled.Optimal, settled.Gap, deadline.Elapsed);
            }
        }

        var tail = LevelGroup.Split(ranges, weightLimit, PlaceEveryoneMatcher.FirstLevel);
        var placed = CpSatMatcher.Solve(problem, tail, start, deadline, placeAll: true);
        return PlanBuilder.Build(problem, placed.HostOf, placed.Optimal, placed.Gap, deadline.Elapsed);
    }
}
