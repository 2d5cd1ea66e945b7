namespace HostingMatch.Application.Matching.Engine;

/// <summary>
/// The nightly matching engine: a night in, the optimal plan out (spec: matching.md). Pure (no I/O,
/// no clock other than the time budget) and deterministic: the same night and options give the same plan.
/// </summary>
public static class MatchingEngine
{
    /// <summary>Above this, CP-SAT objective coefficients could lose exactness in its LP (2^50 stays far below 2^53).</summary>
    private const long CpSatWeightLimit = 1L << 50;

    /// <summary>Solves the night to proved optimality, or to the time limit.</summary>
    /// <exception cref="ArgumentException">When a pin names an unknown household or host, breaks rules 1-5, or the pins cannot hold together.</exception>
    public static Plan Solve(NightFile night, MatchingOptions? options = null) =>
        Solve(night, options, CpSatWeightLimit, allowFlow: true);

    /// <summary>
    /// Tests use a tiny <paramref name="weightLimit"/> (each level its own CP-SAT solve) and
    /// <paramref name="allowFlow"/> false to exercise the paths that the usual nights never take.
    /// </summary>
    internal static Plan Solve(NightFile night, MatchingOptions? options, long weightLimit, bool allowFlow)
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
        if (problem.PlacesEveryPlaceable(greedy) && problem.KeepsRules6And7(greedy))
        {
            // Levels 1-4 are at their upper bound, and only plans placing everyone reach it: what is left to
            // prove is continuity and travel, with every placeable household assigned exactly once.
            if (allowFlow)
            {
                var nodes = problem.Households.Count + problem.Hosts.Count + 2L;
                if (PlaceEveryoneMatcher.Solve(problem, ranges, (1L << 62) / nodes, weightLimit, greedy, deadline) is { } settled)
                {
                    return PlanBuilder.Build(problem, settled.HostOf, settled.Optimal, settled.Gap, deadline.Elapsed);
                }
            }

            var tail = LevelGroup.Split(ranges, weightLimit, PlaceEveryoneMatcher.FirstLevel);
            var placed = CpSatMatcher.Solve(problem, tail, greedy, deadline, placeAll: true);
            return PlanBuilder.Build(problem, placed.HostOf, placed.Optimal, placed.Gap, deadline.Elapsed);
        }

        var groups = LevelGroup.Split(ranges, weightLimit);
        var result = CpSatMatcher.Solve(problem, groups, greedy, deadline);
        return PlanBuilder.Build(problem, result.HostOf, result.Optimal, result.Gap, deadline.Elapsed);
    }
}
