using HostingMatch.Domain.Households;

namespace HostingMatch.Application.Matching.Engine;

/// <summary>
/// The baseline a coordinator does by hand: priority tier first, biggest household first, nearest
/// host that still has room. Not optimal; the benchmark compares the engine with it, and the engine
/// uses it as a first solution.
/// </summary>
public static class GreedyMatcher
{
    public static Plan Solve(NightFile night, MatchingOptions? options = null)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var problem = new MatchingProblem(night, options ?? MatchingOptions.Default);
        var hostOf = Assign(problem);
        return PlanBuilder.Build(problem, hostOf, optimal: false, gap: null, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    internal static int[] Assign(MatchingProblem problem)
    {
        var hostOf = Enumerable.Repeat(-1, problem.Households.Count).ToArray();
        var state = new HostState(problem);
        for (var h = 0; h < hostOf.Length; h++)
        {
            if (problem.Pin[h] >= 0)
            {
                state.Place(h, problem.Pin[h]);
                hostOf[h] = problem.Pin[h];
            }
        }

        var order = Enumerable.Range(0, hostOf.Length)
            .Where(h => problem.Pin[h] < 0)
            .OrderBy(h => problem.Tier[h]).ThenByDescending(h => problem.People[h]).ThenBy(h => h);
        foreach (var h in order)
        {
            // Candidates are nearest first; the pruning to the H nearest never hides the nearest free host.
            foreach (var k in problem.Candidates[h])
            {
                if (state.Fits(h, k))
                {
                    state.Place(h, k);
                    hostOf[h] = k;
                    break;
                }
            }
        }

        return hostOf;
    }

    /// <summary>Beds, places and category taken at each host so far (rules 6 and 7).</summary>
    private sealed class HostState(MatchingProblem problem)
    {
        private readonly int[] bedsUsed = new int[problem.Hosts.Count];
        private readonly int[] households = new int[problem.Hosts.Count];
        private readonly HouseholdCategory?[] category = new HouseholdCategory?[problem.Hosts.Count];

        public bool Fits(int h, int k) =>
            bedsUsed[k] + problem.People[h] <= problem.Hosts[k].Beds
            && households[k] + 1 <= problem.Hosts[k].MaxHouseholds
            && (category[k] is null || category[k] == problem.Category[h]);

        public void Place(int h, int k)
        {
            bedsUsed[k] += problem.People[h];
            households[k]++;
            category[k] = problem.Category[h];
        }
    }
}
