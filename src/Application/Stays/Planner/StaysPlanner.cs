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
    /// tightened by the linear relaxation level by level where the plan reaches the levels above (the plan's gap is against these,
    /// or the exact model's where that proves more).
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
        // priority order, improved as chains as columns until it reaches the bounds (optimal, with no model to build: most
        // tiny programmes of the tests at once), finds nothing new, or the clock says stop.
        var search = new ChainSearch(problem);
        var (bounds, own) = StaysBounds.Compute(problem, search);
        var firstFit = FirstFitStays.Chains(problem, [.. Enumerable.Range(0, file.Guests.Count)]);
        var columns = new StaysColumnSearch(problem, search, bounds, own, firstFit, options.Progress);
        // The plan is built after the search (and the exact model), and a step of either can end a little past its deadline:
        // a fiftieth of the limit (at most a second) is kept for that, so that the whole stays within the limit.
        var reserve = options.TimeLimit is { } limit ? TimeSpan.FromTicks(Math.Min(TimeSpan.TicksPerSecond, limit.Ticks / 50)) : TimeSpan.Zero;
        Deadline Left() => deadline.Remaining() is { } left ? Deadline.Start(left - reserve) : deadline;
        columns.Improve(Left());
        var b = columns.Bound;
        var raised = new StaysBounds([b[0], b[1], b[2]], b[3], b[4]);

        // The exact model only after the search, on a programme small enough, from the search's plan, which it replaces only
        // by a better one: given the programme first, it returned the first plan unimproved wherever it could not even
        // presolve in its share of the time (docs/stays.md, "The exact model after the search"). It takes what the search
        // leaves when it stops early, finding nothing new, if that is a quarter of the limit at least and what its building
        // takes at the least (BuildTimePerVariable): the building is outside the clock (2-3 s at 80,000 to 360,000
        // estimated variables) and would overrun a limit nearly spent.
        var chains = columns.Best;
        var exactSolved = false;
        (int Level, double? Gap)? unproved = null;
        var size = EstimatedSize(problem);
        if (!columns.Reaches() && size <= exactModelLimit
            && (options.TimeLimit is not { } total || (deadline.Remaining() > total / 4 && deadline.Remaining() > BuildTimePerVariable * size)))
        {
            (chains, unproved) = SolveExact(problem, columns.Best, Left());
            exactSolved = true;
        }

        var plan = StaysPlanBuilder.Build(problem, chains, optimal: false, gap: null, deadline.Elapsed);
        return (exactSolved && unproved is null) || raised.Proves(plan.Summary)
            ? (plan with { Optimal = true }, raised)
            : (plan with { Gap = Gap(raised, plan.Summary, unproved) }, raised);
    }

    /// <summary>
    /// The gap of a plan not proved optimal, on the first level neither proof reaches: the bounds prove the levels the plan
    /// reaches (<paramref name="raised"/>), the exact model every level before its first unproved one, where it gives its own
    /// gap (none: 1).
    /// </summary>
    private static double Gap(StaysBounds raised, StaysSummary summary, (int Level, double? Gap)? exactUnproved)
    {
        var gap = raised.GapOf(summary);
        if (exactUnproved is not var (level, exactGap))
        {
            // The exact model did not run.
            return gap;
        }

        var reached = Enumerable.Range(0, 5).First(k => summary.Levels[k] != raised.Levels[k]);
        return level > reached ? exactGap ?? 1 : level < reached ? gap : Math.Min(gap, exactGap ?? 1);
    }

    /// <summary>
    /// The exact model, component by component, from the plan <paramref name="hint"/>: the chains, and the first level some
    /// component could not prove with the gap there over those components (coverage (bound - found) / bound, moves and
    /// journeys (found - bound) / found; null when one of them has no bound), or null when every level is proved.
    /// </summary>
    internal static (List<Candidate>[] Chains, (int Level, double? Gap)? Unproved) SolveExact(StaysProblem problem, List<Candidate>[] hint, Deadline deadline)
    {
        var file = problem.File;
        var components = Components(problem);
        var chains = Enumerable.Range(0, file.Guests.Count).Select(_ => new List<Candidate>()).ToArray();

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
        }

        if (results.Min(r => r.UnprovedLevel) is not { } level)
        {
            return (chains, null);
        }

        var open = results.Where(r => r.UnprovedLevel == level).ToList();
        if (open.Any(r => r.Bound is null))
        {
            return (chains, (level, null));
        }

        var bound = open.Sum(r => r.Bound!.Value);
        var found = open.Sum(r => (double)r.Found);
        return (chains, (level, StaysBounds.LevelGap(level, bound, found)));
    }

    /// <summary>
    /// What building the exact model takes per estimated variable, at the least: 2-3 s at 80,000 to 360,000 (6-37 µs), 0.66 s
    /// for a wide programme of about 60,000 (docs/stays.md, tests); a limit with less left than that is not started on.
    /// </summary>
    private static readonly TimeSpan BuildTimePerVariable = TimeSpan.FromTicks(60); // 6 µs

    /// <summary>Above this many estimated variables the exact model takes longer to build than to be useful: the search's plan stands.</summary>
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
