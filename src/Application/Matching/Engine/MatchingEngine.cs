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
        // The flow solver scales costs by the number of nodes; keep that product inside 2^62.
        var flowLimit = (1L << 62) / (problem.Households.Count + problem.Hosts.Count + 2L);

        if (allowFlow && FlowMatcher.Applies(problem))
        {
            var flowGroups = LevelGroup.Split(ranges, flowLimit);
            if (flowGroups.Count == 1 && FlowMatcher.Solve(problem, flowGroups[0]) is { } assignment)
            {
                return PlanBuilder.Build(problem, assignment, optimal: true, gap: null, deadline.Elapsed);
            }
        }

        // A valid plan placing every placeable household puts levels 1-4 at their upper bound, which proves them: greedy's,
        // or, when greedy broke such a packing, the flow relaxation repaired (the planted nights where greedy leaves
        // someone out). Pins that break rules 6-7 together make both invalid; CP-SAT then reports them below.
        var start = greedy;
        var placesEveryone = problem.PlacesEveryPlaceable(greedy) && problem.KeepsRules6And7(greedy);
        if (!placesEveryone && allowFlow && PlaceEveryoneMatcher.PlanPlacingEveryone(problem, ranges, flowLimit) is { } everyone)
        {
            start = everyone;
            placesEveryone = true;
        }

        var relaxed = placesEveryone && allowFlow ? PlaceEveryoneMatcher.Relax(problem, ranges, flowLimit, start) : null;
        if (relaxed?.Settled is { } settled)
        {
            // The flow relaxation of continuity and travel is often a plan already, in about a millisecond.
            return PlanBuilder.Build(problem, settled.HostOf, settled.Optimal, settled.Gap, deadline.Elapsed);
        }

        if (FirstPlanWhenTimeIsUp(problem, start, deadline) is { } late)
        {
            return late;
        }

        // Households and hosts the rules cannot tell apart counted as types and classes (no pins, not too many
        // configurations). When everyone is placed, the host-class pair model proves small nights sooner (40 x 80 planted
        // nights: 30-180 ms against 130-520 ms), the aggregated one big nights (400 x 1,000: 4-7 s against 14-30 s and
        // more). It starts from the first plan, not from the relaxation repaired: better on continuity and travel, that
        // hint still made CP-SAT's proof slower on 6 of 10 planted 400 x 1,000 nights.
        if (allowAggregation && (!placesEveryone || problem.Households.Count >= AggregateEveryonePlacedFrom)
            && AggregatedMatcher.Solve(problem, weightLimit, start, deadline) is { } aggregated)
        {
            return PlanBuilder.Build(problem, aggregated.HostOf, aggregated.Optimal, aggregated.Gap, deadline.Elapsed);
        }

        if (FirstPlanWhenTimeIsUp(problem, start, deadline) is { } late2)
        {
            return late2;
        }

        if (relaxed is not null)
        {
            var byClasses = PlaceEveryoneMatcher.Solve(problem, relaxed, ranges, weightLimit, deadline);
            return PlanBuilder.Build(problem, byClasses.HostOf, byClasses.Optimal, byClasses.Gap, deadline.Elapsed);
        }

        if (placesEveryone)
        {
            // Without the flow (tests), or when continuity and travel do not fit one flow cost: only plans placing every
            // placeable household keep levels 1-4 at their upper bound.
            var tail = LevelGroup.Split(ranges, weightLimit, PlaceEveryoneMatcher.FirstLevel);
            var placed = CpSatMatcher.Solve(problem, tail, start, deadline, placeAll: true);
            return PlanBuilder.Build(problem, placed.HostOf, placed.Optimal, placed.Gap, deadline.Elapsed);
        }

        var groups = LevelGroup.Split(ranges, weightLimit);
        var result = CpSatMatcher.Solve(problem, groups, greedy, deadline);
        return PlanBuilder.Build(problem, result.HostOf, result.Optimal, result.Gap, deadline.Elapsed);
    }

    /// <summary>
    /// Once the time is up, the first plan (greedy's, or the flow relaxation repaired: valid, not proved) rather than a
    /// CP-SAT model that takes seconds to build on a 2,000-host night and would get no time to search: the caller's time
    /// limit holds. Null while time is left, or when pins make that plan invalid (CP-SAT then reports them).
    /// </summary>
    private static Plan? FirstPlanWhenTimeIsUp(MatchingProblem problem, int[] first, Deadline deadline) =>
        deadline.IsSpent && problem.KeepsRules6And7(first)
            ? PlanBuilder.Build(problem, first, optimal: false, gap: 1, deadline.Elapsed)
            : null;
}
