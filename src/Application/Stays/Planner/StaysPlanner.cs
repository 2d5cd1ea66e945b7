using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.Application.Stays.Planner;

/// <summary>
/// The stays chain planner: a programme in, the optimal chains of stays out (spec: stays.md). Pure (no I/O,
/// no clock other than the time budget) and deterministic: the same file and options give the same plan.
/// </summary>
public static class StaysPlanner
{
    /// <summary>Plans the stays to proved optimality, or to the time limit.</summary>
    /// <exception cref="ArgumentException">
    /// When a current stay names an unknown host or cannot go on as rule 8 requires (the reader rejects such files first).
    /// </exception>
    public static StaysPlan Solve(StaysFile file, StaysPlannerOptions? options = null) => SolveWithBounds(file, options).Plan;

    /// <summary>
    /// Plans as <see cref="Solve"/> does and gives the bounds the planner proved beside the plan: <see cref="StaysBounds"/>,
    /// tightened by the linear relaxation level by level where the plan reaches the levels above (the plan's gap is against these).
    /// </summary>
    /// <exception cref="ArgumentException">As <see cref="Solve"/>.</exception>
    public static (StaysPlan Plan, StaysBounds Bounds) SolveWithBounds(StaysFile file, StaysPlannerOptions? options = null) =>
        SolveWithBounds(file, options, ExactModelLimit);

    /// <summary>As the public overload, the exact model being used only up to <paramref name="exactModelLimit"/> estimated variables (tests set 0).</summary>
    internal static (StaysPlan Plan, StaysBounds Bounds) SolveWithBounds(StaysFile file, StaysPlannerOptions? options, long exactModelLimit)
    {
        ArgumentNullException.ThrowIfNull(file);
        options ??= StaysPlannerOptions.Default;
        var deadline = Deadline.Start(options.TimeLimit);
        var problem = new StaysProblem(file);

        // First the chains: every guest's own optimum (the bounds), then the better of the first fit and a greedy in
        // priority order. When that plan reaches the bounds it is optimal, with no model to build.
        var search = new ChainSearch(problem);
        var (bounds, own) = StaysBounds.Compute(problem, search);
        var firstFit = FirstFitStays.Chains(problem, [.. Enumerable.Range(0, file.Guests.Count)]);
        var columns = new StaysColumnSearch(problem, search, bounds, own, firstFit, options.Progress);
        if (columns.Reaches() || EstimatedSize(problem) > exactModelLimit)
        {
            // Too big for the exact model (it would take longer to build than to be useful): chains as columns.
            // The plan is built after the search, and a step of the search can end a little past its deadline: a
            // fiftieth of the limit (at most a second) is kept for both, so that the whole stays within the limit.
            var reserve = options.TimeLimit is { } limit ? TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, limit.Ticks / 50)) : TimeSpan.Zero;
            columns.Improve(deadline.Remaining() is { } left ? Deadline.Start(left - reserve) : deadline);
            var proved = columns.Reaches();
            var plan = StaysPlanBuilder.Build(problem, columns.Best, optimal: proved, gap: null, deadline.Elapsed);
            var b = columns.Bound;
            var raised = new StaysBounds([b[0], b[1], b[2]], b[3], b[4]);
            return (proved ? plan : plan with { Gap = raised.GapOf(plan.Summary) }, raised);
        }

        return (SolveExact(problem, columns.Best, deadline), bounds);
    }

    /// <summary>The exact model, component by component, from the plan <paramref name="hint"/>.</summary>
    private static StaysPlan SolveExact(StaysProblem problem, List<Candidate>[] hint, Deadline deadline)
    {
        var file = problem.File;
        var components = Components(problem);
        var chains = Enumerable.Range(0, file.Guests.Count).Select(_ => new List<Candidate>()).ToArray();

        // The gap is the one of the first level some component could not prove, over all components.
        var unproved = int.MaxValue;
        var results = new List<CpSatStays.Result>();
        for (var k = 0; k < components.Count; k++)
        {
            // Components that do not interact are solved apart, each with a fair share of the time left.
            var share = deadline.Remaining() is { } remaining ? remaining / (components.Count - k) : (TimeSpan?)null;
            var result = CpSatStays.Solve(problem, components[k], hint, Deadline.Start(share));
            foreach (var (g, chain) in result.Chains)
            {
                chains[g] = chain;
            }

            results.Add(result);
            if (result.UnprovedLevel is { } level)
            {
                unproved = Math.Min(unproved, level);
            }
        }

        double? gap = null;
        if (unproved != int.MaxValue)
        {
            var bound = results.Where(r => r.UnprovedLevel == unproved).Sum(r => r.Bound);
            var found = results.Where(r => r.UnprovedLevel == unproved).Sum(r => (double)r.Found);
            gap = Math.Clamp(Math.Abs(bound - found) / Math.Max(1, Math.Abs(bound)), 0, 1);
        }

        return StaysPlanBuilder.Build(problem, chains, optimal: gap is null, gap, deadline.Elapsed);
    }

    /// <summary>Above this many estimated variables the exact model takes longer to build than to be useful: the planner reduces it.</summary>
    internal const long ExactModelLimit = 400_000;

    /// <summary>Transitions (hosts squared per night) and candidate stays (open nights times stay lengths), over all guests.</summary>
    internal static long EstimatedSize(StaysProblem problem)
    {
        long size = 0;
        for (var g = 0; g < problem.File.Guests.Count; g++)
        {
            var nights = problem.End[g] - problem.Start[g];
            var hosts = problem.Compatible[g];
            size += (long)hosts.Length * hosts.Length * nights;
            foreach (var h in hosts)
            {
                size += (long)problem.NightOk[g][h].Count(o => o) * Math.Min(nights, problem.File.Hosts[h].MaxNightsPerGuest);
            }
        }

        return size;
    }

    /// <summary>Guests that could share a host on some night are in one component; the others never interact.</summary>
    internal static List<int[]> Components(StaysProblem problem)
    {
        var guests = problem.File.Guests.Count;
        var parent = Enumerable.Range(0, guests).ToArray();
        int Find(int g) => parent[g] == g ? g : parent[g] = Find(parent[g]);
        var firstAt = new Dictionary<int, List<(int Guest, int From, int Until)>>();
        for (var g = 0; g < guests; g++)
        {
            foreach (var h in problem.Compatible[g])
            {
                if (!firstAt.TryGetValue(h, out var list))
                {
                    firstAt[h] = list = [];
                }

                foreach (var other in list.Where(o => o.From < problem.End[g] && problem.Start[g] < o.Until))
                {
                    parent[Find(other.Guest)] = Find(g);
                }

                list.Add((g, problem.Start[g], problem.End[g]));
            }
        }

        return [.. Enumerable.Range(0, guests).Where(g => problem.End[g] > problem.Start[g] || problem.CurrentHost[g] >= 0)
            .GroupBy(Find).Select(c => c.ToArray()).OrderBy(c => c[0])];
    }
}
