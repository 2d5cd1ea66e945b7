using HostingMatch.Application.Matching;
using HostingMatch.Domain.Households;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.UnitTests.Matching;

/// <summary>
/// Exhaustive search for the best objective vector of a small night, written independently of the
/// engine: every household is tried unplaced and at every compatible host with room, depth first.
/// The only pruning compares a componentwise upper bound with the best vector so far, which cannot
/// discard a better plan (a vector below the bound componentwise is below it lexicographically). Host load
/// (level 6) is the recent nights of each host used, counted once per host; placing more households only lowers it.
/// </summary>
internal static class BruteForce
{
    /// <summary>
    /// What is wrong with the engine's <paramref name="plan"/> of random night <paramref name="seed"/>, checked against
    /// the exhaustive search and the independent <see cref="PlanChecker"/>: not proved optimal, an objective vector other
    /// than the best, or a broken rule. Empty when the plan is right.
    /// </summary>
    public static IEnumerable<string> ProblemsWithPlan(int seed, NightFile night, MatchingOptions options, Plan plan)
    {
        var best = BestVector(night, options);
        if (!plan.Optimal)
        {
            yield return $"seed {seed}: not proved optimal";
        }

        if (!best.SequenceEqual(plan.Summary.ObjectiveVector))
        {
            yield return $"seed {seed}: engine {string.Join(",", plan.Summary.ObjectiveVector)} vs exhaustive {string.Join(",", best)}";
        }

        foreach (var problem in PlanChecker.Problems(night, plan, options))
        {
            yield return $"seed {seed}: {problem}";
        }
    }

    public static long[] BestVector(NightFile night, MatchingOptions? options = null)
    {
        var n = night.Households.Count;
        var order = Enumerable.Range(0, n)
            .OrderBy(i => Tier(night.Households[i]))
            .ThenByDescending(i => night.Households[i].Members.Count)
            .ToArray();
        var hostIndex = night.Hosts.Select((k, i) => (k.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var options_ = new List<int>[n];
        var gains = new long[n][][];
        for (var i = 0; i < n; i++)
        {
            var h = night.Households[i];
            var pinned = options?.Pins is { } pins && pins.TryGetValue(h.Id, out var pinHost) ? hostIndex[pinHost] : -1;
            options_[i] = Enumerable.Range(0, night.Hosts.Count)
                .Where(k => (pinned < 0 || pinned == k) && PlanChecker.Compatible(night, night.Hosts[k], h, options) && night.Hosts[k].Beds >= h.Members.Count)
                .ToList();
            if (pinned < 0)
            {
                options_[i].Insert(0, -1);
            }

            gains[i] = options_[i].Select(k => Gain(night, i, k)).ToArray();
        }

        // suffixBound[d] = componentwise best gains of households order[d..].
        var suffixBound = new long[n + 1][];
        suffixBound[n] = new long[7];
        for (var d = n - 1; d >= 0; d--)
        {
            suffixBound[d] = (long[])suffixBound[d + 1].Clone();
            var i = order[d];
            for (var l = 0; l < 7; l++)
            {
                suffixBound[d][l] += gains[i].Length == 0 ? 0 : gains[i].Max(g => g[l]);
            }
        }

        var beds = new int[night.Hosts.Count];
        var count = new int[night.Hosts.Count];
        var category = new HouseholdCategory?[night.Hosts.Count];
        long[]? best = null;
        var current = new long[7];

        void Search(int depth)
        {
            if (best is not null)
            {
                var bound = new long[7];
                for (var l = 0; l < 7; l++)
                {
                    bound[l] = current[l] + suffixBound[depth][l];
                }

                if (Compare(bound, best) <= 0)
                {
                    return;
                }
            }

            if (depth == n)
            {
                best = (long[])current.Clone();
                return;
            }

            var i = order[depth];
            var h = night.Households[i];
            var c = Priority.Categorize(h.Members);
            for (var j = 0; j < options_[i].Count; j++)
            {
                var k = options_[i][j];
                if (k >= 0)
                {
                    var host = night.Hosts[k];
                    if (beds[k] + h.Members.Count > host.Beds || count[k] + 1 > host.MaxHouseholds || (count[k] > 0 && category[k] != c))
                    {
                        continue;
                    }

                    // Host load counts each host used once, when its first household arrives.
                    current[5] -= count[k] == 0 ? host.NightsHostedLast30 : 0;
                    beds[k] += h.Members.Count;
                    count[k]++;
                    category[k] = c;
                }

                for (var l = 0; l < 7; l++)
                {
                    current[l] += gains[i][j][l];
                }

                Search(depth + 1);
                for (var l = 0; l < 7; l++)
                {
                    current[l] -= gains[i][j][l];
                }

                if (k >= 0)
                {
                    beds[k] -= h.Members.Count;
                    count[k]--;
                    current[5] += count[k] == 0 ? night.Hosts[k].NightsHostedLast30 : 0;
                }
            }
        }

        Search(0);
        return best ?? throw new InvalidOperationException("No plan at all: the pins cannot hold together.");
    }

    public static int Compare(long[] a, IReadOnlyList<long> b)
    {
        for (var l = 0; l < a.Length; l++)
        {
            if (a[l] != b[l])
            {
                return a[l].CompareTo(b[l]);
            }
        }

        return 0;
    }

    private static int Tier(NightHousehold h) => Priority.Tier(Priority.Categorize(h.Members), h.Vulnerable);

    private static long[] Gain(NightFile night, int i, int k)
    {
        if (k < 0)
        {
            return new long[7];
        }

        var hostOf = Enumerable.Repeat(-1, night.Households.Count).ToArray();
        hostOf[i] = k;
        var gain = PlanChecker.Vector(night, hostOf);
        // Host load belongs to the host, not the household: the search adds it when the host's first household arrives,
        // and no household can raise it, so the bound takes 0 for it.
        gain[5] = 0;
        return gain;
    }
}
