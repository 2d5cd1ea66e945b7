using HostingMatch.Domain.Households;

namespace HostingMatch.Application.Matching.Engine;

/// <summary>
/// A night prepared for solving: categories, tiers and travel times computed once, the pairs that pass
/// rules 1-5 (and are not excluded) listed per household, and the candidate pairs the solvers may use.
/// </summary>
/// <remarks>
/// Candidates are the compatible pairs with enough beds, ordered by recent nights then travel, pruned to each
/// household's first <c>H</c> hosts in that order (H = the number of households), plus its last host and its pin. The
/// pruning is exact: in any plan where household h sits at a host k outside its first H, the other H-1 households occupy
/// at most H-1 of those H hosts, so one of them, k', is empty; moving h there keeps rules 1-8, keeps levels 1-4, cannot
/// lower continuity (k is not h's last host, which is always kept), does not raise host load (k' has no more recent
/// nights than k, and k is no longer used, or has no recent nights when it could take several households: otherwise no
/// pruning), and, loads equal, does not lengthen travel. So an optimal plan exists among the candidates.
/// </remarks>
internal sealed class MatchingProblem
{
    public MatchingProblem(NightFile night, MatchingOptions options)
    {
        Night = night;
        Households = night.Households;
        Hosts = night.Hosts;
        Category = Households.Select(h => h.Category).ToArray();
        Tier = Households.Select((h, i) => Priority.Tier(Category[i], h.Vulnerable)).ToArray();
        People = Households.Select(h => h.People).ToArray();
        Travel = Hosts.Select(k => HardRules.TravelMinutes(night.Base, k, night.Rules)).ToArray();
        RecentNights = Hosts.Select(k => k.NightsHostedLast30).ToArray();

        var hostIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < Hosts.Count; k++)
        {
            hostIndex.TryAdd(Hosts[k].Id, k);
        }

        LastHost = Households.Select(h => h.LastHostId is not null && hostIndex.TryGetValue(h.LastHostId, out var k) ? k : -1).ToArray();
        Pin = ReadPins(options, hostIndex);

        Compatible = new int[Households.Count][];
        var candidates = new List<int>[Households.Count];
        for (var h = 0; h < Households.Count; h++)
        {
            var household = Households[h];
            var compatible = new List<int>();
            for (var k = 0; k < Hosts.Count; k++)
            {
                if (HardRules.Allows(night, Hosts[k], household, Travel[k]) && !options.IsExcluded(household.Id, Hosts[k].Id))
                {
                    compatible.Add(k);
                }
            }

            Compatible[h] = compatible.ToArray();
            // Least recently used hosts first, then nearest (levels 6 and 7): greedy takes the first with room.
            candidates[h] = compatible.Where(k => HardRules.HasBedsFor(Hosts[k], People[h]))
                .OrderBy(k => RecentNights[k]).ThenBy(k => Travel[k]).ThenBy(k => k).ToList();
        }

        for (var h = 0; h < Households.Count; h++)
        {
            if (Pin[h] >= 0 && !candidates[h].Contains(Pin[h]))
            {
                throw new ArgumentException(
                    $"Pinned household '{Households[h].Id}' cannot stay at host '{Hosts[Pin[h]].Id}': the pair breaks a hard rule or was excluded.",
                    nameof(options));
            }
        }

        // The pruning's proof moves a household to an empty kept host; that adds the host's recent nights (level 6) unless
        // the household's own host is then no longer used, which a host taking several households does not ensure.
        var keep = SharedHostWithLoad(candidates) ? int.MaxValue : Households.Count;
        Candidates = new int[Households.Count][];
        for (var h = 0; h < Households.Count; h++)
        {
            var kept = candidates[h].Take(keep).ToList();
            foreach (var must in new[] { LastHost[h], Pin[h] })
            {
                if (must >= 0 && !kept.Contains(must) && candidates[h].Contains(must))
                {
                    kept.Add(must);
                }
            }

            Candidates[h] = kept.ToArray();
        }

        var byHost = HouseholdsByHost();
        Shared = Enumerable.Range(0, Hosts.Count).Select(k => CanHoldSeveral(k, byHost[k])).ToArray();
    }

    public NightFile Night { get; }
    public IReadOnlyList<NightHousehold> Households { get; }
    public IReadOnlyList<NightHost> Hosts { get; }
    public HouseholdCategory[] Category { get; }
    public int[] Tier { get; }
    public int[] People { get; }
    public int[] Travel { get; }
    public int[] LastHost { get; }

    /// <summary>Per host, the nights it hosted in the 30 nights before tonight (level 6 counts them once per host used).</summary>
    public int[] RecentNights { get; }

    /// <summary>Per host, whether it can hold two candidate households at once (<see cref="CanHoldSeveral"/>).</summary>
    public bool[] Shared { get; }

    /// <summary>Whether some host has recent nights: level 6 can then tell plans apart.</summary>
    public bool HasHostLoad => RecentNights.Any(n => n > 0);

    /// <summary>The pinned host of each household, or -1.</summary>
    public int[] Pin { get; }

    /// <summary>Per household, the hosts passing rules 1-5 and not excluded (for the reasons).</summary>
    public int[][] Compatible { get; }

    /// <summary>Per household, the hosts the solvers may use, nearest first.</summary>
    public int[][] Candidates { get; }

    /// <summary>
    /// The seven levels gained by placing household h at host k; host load and travel negated (more is better). Host load
    /// (level 6) counts once per host used: at a host that can take one household only it is the pair's, at a shared host
    /// (<see cref="Shared"/>) it is the host's (<see cref="HostLevel"/>) and the pair gains nothing of it.
    /// </summary>
    public long Level(int level, int h, int k) => level switch
    {
        0 or 1 or 2 => Tier[h] == level + 1 ? People[h] : 0,
        3 => Households[h].NightsWithoutShelter,
        4 => LastHost[h] == k ? 1 : 0,
        LoadLevel => Shared[k] ? 0 : -RecentNights[k],
        TravelLevel => -Travel[k],
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    /// <summary>What using host k at all adds to a level, beyond its pairs' <see cref="Level"/>: a shared host's recent nights, negated.</summary>
    public long HostLevel(int level, int k) => level == LoadLevel && Shared[k] ? -RecentNights[k] : 0;

    /// <summary>A level's value in a plan (host index per household, -1 unplaced): its pairs, and each host used once.</summary>
    public long LevelValue(int level, int[] hostOf)
    {
        long value = 0;
        var used = new HashSet<int>();
        for (var h = 0; h < hostOf.Length; h++)
        {
            if (hostOf[h] >= 0)
            {
                value = checked(value + Level(level, h, hostOf[h]));
                if (used.Add(hostOf[h]))
                {
                    value = checked(value + HostLevel(level, hostOf[h]));
                }
            }
        }

        return value;
    }

    public const int Levels = 7;

    /// <summary>Level 6 (0-based 5): the recent nights of the hosts used, minimised.</summary>
    public const int LoadLevel = 5;

    /// <summary>Level 7 (0-based 6): travel minutes, minimised.</summary>
    public const int TravelLevel = 6;

    /// <summary>
    /// The most any plan can move each level away from zero: the sum over households of the largest
    /// absolute value of the level among their candidates.
    /// </summary>
    public long[] LevelRanges()
    {
        var ranges = new long[Levels];
        for (var h = 0; h < Households.Count; h++)
        {
            for (var level = 0; level < Levels; level++)
            {
                var best = 0L;
                foreach (var k in Candidates[h])
                {
                    best = Math.Max(best, Math.Abs(Level(level, h, k)));
                }

                ranges[level] = checked(ranges[level] + best);
            }
        }

        for (var k = 0; k < Hosts.Count; k++)
        {
            ranges[LoadLevel] = checked(ranges[LoadLevel] + Math.Abs(HostLevel(LoadLevel, k)));
        }

        return ranges;
    }

    /// <summary>
    /// Whether host k can ever hold two candidate households at once; when it cannot, rules 6 and 7
    /// reduce to "at most one household" there.
    /// </summary>
    public bool CanHoldSeveral(int k, IReadOnlyList<int> candidateHouseholds)
    {
        if (Hosts[k].MaxHouseholds < 2 || candidateHouseholds.Count < 2)
        {
            return false;
        }

        var sizes = candidateHouseholds.Select(h => People[h]).Order().Take(2).ToArray();
        return sizes[0] + sizes[1] <= Hosts[k].Beds;
    }

    /// <summary>Whether every household that has a candidate host is placed in <paramref name="hostOf"/>.</summary>
    /// <remarks>
    /// Such a plan reaches the trivial upper bound of levels 1-4 (every placeable person of each tier, every
    /// placeable household's waiting nights), so it is optimal on them, and a plan is optimal on levels 1-3 only
    /// if it places every one of those households (each has at least one person).
    /// </remarks>
    public bool PlacesEveryPlaceable(int[] hostOf)
    {
        for (var h = 0; h < hostOf.Length; h++)
        {
            if (Candidates[h].Length > 0 && hostOf[h] < 0)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Whether the households placed at each host fit its beds and number of households and share one category.</summary>
    public bool KeepsRules6And7(int[] hostOf)
    {
        var beds = new int[Hosts.Count];
        var count = new int[Hosts.Count];
        var category = new HouseholdCategory?[Hosts.Count];
        for (var h = 0; h < hostOf.Length; h++)
        {
            var k = hostOf[h];
            if (k < 0)
            {
                continue;
            }

            beds[k] += People[h];
            count[k]++;
            if (beds[k] > Hosts[k].Beds || count[k] > Hosts[k].MaxHouseholds || (category[k] is { } c && c != Category[h]))
            {
                return false;
            }

            category[k] = Category[h];
        }

        return true;
    }

    /// <summary>Whether a host with recent nights could hold two households (before pruning).</summary>
    private bool SharedHostWithLoad(List<int>[] candidates)
    {
        var byHost = Enumerable.Range(0, Hosts.Count).Select(_ => new List<int>()).ToArray();
        for (var h = 0; h < candidates.Length; h++)
        {
            foreach (var k in candidates[h])
            {
                byHost[k].Add(h);
            }
        }

        return Enumerable.Range(0, Hosts.Count).Any(k => RecentNights[k] > 0 && CanHoldSeveral(k, byHost[k]));
    }

    /// <summary>Households listing each host among their candidates.</summary>
    public List<int>[] HouseholdsByHost()
    {
        var byHost = Enumerable.Range(0, Hosts.Count).Select(_ => new List<int>()).ToArray();
        for (var h = 0; h < Households.Count; h++)
        {
            foreach (var k in Candidates[h])
            {
                byHost[k].Add(h);
            }
        }

        return byHost;
    }

    private int[] ReadPins(MatchingOptions options, Dictionary<string, int> hostIndex)
    {
        var pin = Enumerable.Repeat(-1, Households.Count).ToArray();
        if (options.Pins is null)
        {
            return pin;
        }

        var householdIndex = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var h = 0; h < Households.Count; h++)
        {
            householdIndex.TryAdd(Households[h].Id, h);
        }

        foreach (var (householdId, hostId) in options.Pins)
        {
            if (!householdIndex.TryGetValue(householdId, out var h))
            {
                throw new ArgumentException($"Pinned household '{householdId}' is not in tonight's night file.", nameof(options));
            }

            if (!hostIndex.TryGetValue(hostId, out var k))
            {
                throw new ArgumentException($"Pinned host '{hostId}' is not in tonight's night file.", nameof(options));
            }

            pin[h] = k;
        }

        return pin;
    }
}
