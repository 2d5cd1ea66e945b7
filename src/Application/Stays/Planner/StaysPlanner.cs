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
    public static StaysPlan Solve(StaysFile file, StaysPlannerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        options ??= StaysPlannerOptions.Default;
        var deadline = Deadline.Start(options.TimeLimit);
        var problem = new StaysProblem(file);
        var components = Components(problem);
        var hint = FirstFitStays.Chains(problem, [.. Enumerable.Range(0, file.Guests.Count)]);
        var reduction = EstimatedSize(problem) > ExactModelLimit ? new Reduction(problem, hint) : null;
        var chains = Enumerable.Range(0, file.Guests.Count).Select(_ => new List<Candidate>()).ToArray();

        // The gap is the one of the first level some component could not prove, over all components.
        var unproved = int.MaxValue;
        var results = new List<CpSatStays.Result>();
        for (var k = 0; k < components.Count; k++)
        {
            // Components that do not interact are solved apart, each with a fair share of the time left.
            var share = deadline.Remaining() is { } remaining ? remaining / (components.Count - k) : (TimeSpan?)null;
            var result = CpSatStays.Solve(problem, components[k], hint, Deadline.Start(share), reduction);
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

        if (reduction is null)
        {
            return StaysPlanBuilder.Build(problem, chains, optimal: gap is null, gap, deadline.Elapsed);
        }

        // On a reduction nothing is proved by the solver: the gap is the one against bounds that hold for every plan.
        var plan = StaysPlanBuilder.Build(problem, chains, optimal: false, gap: 1, deadline.Elapsed);
        return plan with { Gap = StaysBounds.Compute(problem).GapOf(plan.Summary) };
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
