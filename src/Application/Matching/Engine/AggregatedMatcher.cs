using System.Globalization;
using Google.OrTools.Sat;

namespace HostingMatch.Application.Matching.Engine;

/// <summary>
/// The whole lexicographic objective on an aggregated model: households that the rules cannot tell apart are one
/// <em>type</em>, hosts that the rules cannot tell apart are one <em>class</em>, and the model counts how many hosts of
/// each class hold each <em>configuration</em> (a multiset of types one host can hold under rules 6 and 7), instead of
/// choosing a host per household. On nights with hosts taking two or three households the plain pair model spends its
/// time proving that swapping two interchangeable households or hosts changes nothing; this one has nothing to swap.
/// </summary>
/// <remarks>
/// Exactness: every plan is a solution of the model with a value at least as good, and every solution gives a plan
/// with exactly its value, so the model's optimum is the optimum and its plan reaches it.
/// <list type="bullet">
/// <item>A type is (category, tier, people, the hosts the household may use: rules 1-5, exclusions, enough beds). Within
/// a type, households with the same waiting nights form a <em>group</em>, which levels 1-4 cannot tell apart; the model
/// counts the households placed per group (p), so levels 1-4 are linear in the counts.</item>
/// <item>A class is (beds, maximum households, the types it may take); a host that is some household's last host is a
/// class of its own. Hosts of a class differ only in travel: for a given multiset of configurations, putting those with
/// most households on the nearest hosts gives the least travel (rearrangement). Booleans u(j, i), "the i-th nearest host
/// of the class holds at least j households", prefix-closed in i and in j, with as many true per j as configurations
/// of at least j households: travel is the sum of u(j, i) times the i-th travel time, and the prefix solution is
/// always possible and never worse.</item>
/// <item>Continuity only happens at a last host, which is its own class. Per group g and last host k, cont(g, k) is at
/// most the group's households whose last host is k, the group's cont are at most its p, and the cont of a type at k
/// are at most the slots of that type at k: these are exactly the conditions for choosing distinct households that
/// sit at home.</item>
/// </list>
/// Levels are weighted in groups (<see cref="LevelGroup"/>) with ranges taken over every host a household may use (the
/// model is not pruned to the nearest hosts); once a group is solved, each of its levels is kept at least at its optimum
/// (one constraint per level) before the next. Pins are not modelled: the
/// caller takes the pair model when there are pins.
/// </remarks>
internal static class AggregatedMatcher
{
    /// <summary>Above this many configurations the model is no longer small; the caller takes the pair model.</summary>
    private const int ConfigurationLimit = 20_000;

    private sealed record Configuration(int[] Types);

    private sealed class Model
    {
        public required MatchingProblem Problem { get; init; }
        public required List<List<int>> Types { get; init; }
        public required int[] TypeOf { get; init; }
        public required List<(int Type, int Nights, List<int> Households)> Groups { get; init; }
        public required int[] GroupOf { get; init; }
        public required List<List<int>> Classes { get; init; }
        public required int[] ClassOf { get; init; }
        public required List<Configuration>[] Configurations { get; init; }
    }

    /// <summary>The plan with its optimality and gap, or null when the night has pins or the model would be too big.</summary>
    /// <param name="problem">The night.</param>
    /// <param name="weightLimit">The largest weighted span of one CP-SAT objective.</param>
    /// <param name="start">A valid plan (the hint, and the floor of the answer).</param>
    /// <param name="deadline">The time budget.</param>
    public static CpSatMatcher.Result? Solve(MatchingProblem problem, long weightLimit, int[] start, Deadline deadline)
    {
        // Host load counts once per host used, which configurations of a class could count, but it is not built: nights where
        // some host has recent nights take the pair models (docs/matching.md, known limits).
        if (problem.Pin.Any(k => k >= 0) || problem.HasHostLoad || Build(problem) is not { } shape)
        {
            return null;
        }

        var ranges = Ranges(shape);
        // Levels 1-4 cannot exceed every placeable household placed, so a start that places them all proves those levels
        // without a search: only continuity and travel are left, with every group's count fixed.
        var everyonePlaced = problem.PlacesEveryPlaceable(start) && problem.KeepsRules6And7(start);
        // People first, then waiting nights, then continuity and travel, each group's levels kept at their optimum before
        // the next. One objective with weights that span people and travel made the linear relaxation useless for the
        // second half (the 40 x 80 planted nights did not prove in 20 s); people and waiting nights together left the
        // search trading single waiting nights for seconds once the people were proved (tight nights of 400 households x
        // 1,000 hosts: 3-30 s, 2 of 5 not proved in 30 s; apart: 0.2-0.9 s each).
        var groups = (everyonePlaced ? [] : LevelGroup.Split(ranges[..3], weightLimit).Concat(LevelGroup.Split(ranges[..4], weightLimit, 3)))
            .Concat(LevelGroup.Split(ranges, weightLimit, 4)).ToList();
        var cp = new CpModel();

        // n(c, q): hosts of class c holding configuration q.
        var use = new List<(int Class, int Configuration, IntVar N)>();
        var slots = new Dictionary<(int Class, int Type), List<(IntVar N, long Times)>>();
        var atLeast = shape.Classes.Select(_ => new Dictionary<int, List<IntVar>>()).ToArray();
        for (var c = 0; c < shape.Classes.Count; c++)
        {
            var ns = new List<IntVar>();
            for (var q = 0; q < shape.Configurations[c].Count; q++)
            {
                var configuration = shape.Configurations[c][q];
                var n = cp.NewIntVar(0, shape.Classes[c].Count, $"n{c}_{q}");
                use.Add((c, q, n));
                ns.Add(n);
                foreach (var same in configuration.Types.GroupBy(t => t))
                {
                    var key = (c, same.Key);
                    if (!slots.TryGetValue(key, out var list))
                    {
                        slots[key] = list = [];
                    }

                    list.Add((n, same.Count()));
                }

                for (var j = 1; j <= configuration.Types.Length; j++)
                {
                    if (!atLeast[c].TryGetValue(j, out var list))
                    {
                        atLeast[c][j] = list = [];
                    }

                    list.Add(n);
                }
            }

            if (ns.Count > 1)
            {
                cp.Add(LinearExpr.Sum(ns) <= shape.Classes[c].Count);
            }
        }

        // p(g): households placed per group; per type, as many as its slots.
        var placed = shape.Groups.Select((g, i) => cp.NewIntVar(everyonePlaced ? g.Households.Count : 0, g.Households.Count, $"p{i}")).ToArray();
        var slotsOfType = shape.Types.Select(_ => new List<(IntVar N, long Times)>()).ToArray();
        foreach (var ((_, t), list) in slots)
        {
            slotsOfType[t].AddRange(list);
        }

        for (var t = 0; t < shape.Types.Count; t++)
        {
            var ofType = Enumerable.Range(0, shape.Groups.Count).Where(g => shape.Groups[g].Type == t).Select(g => placed[g]).ToArray();
            cp.Add(LinearExpr.WeightedSum(slotsOfType[t].Select(s => s.N), slotsOfType[t].Select(s => s.Times)) == LinearExpr.Sum(ofType));
        }

        // cont(g, k): households of group g at their last host k.
        var home = new List<(int Group, int Host, IntVar X)>();
        for (var g = 0; g < shape.Groups.Count; g++)
        {
            var (t, _, households) = shape.Groups[g];
            foreach (var byHome in households.Where(h => problem.LastHost[h] >= 0).GroupBy(h => problem.LastHost[h]))
            {
                var k = byHome.Key;
                if (shape.ClassOf[k] >= 0 && slots.ContainsKey((shape.ClassOf[k], t)))
                {
                    home.Add((g, k, cp.NewIntVar(0, byHome.Count(), $"h{g}_{k}")));
                }
            }
        }

        foreach (var byGroup in home.GroupBy(x => x.Group))
        {
            cp.Add(LinearExpr.Sum(byGroup.Select(x => x.X)) <= placed[byGroup.Key]);
        }

        foreach (var byHostType in home.GroupBy(x => (x.Host, shape.Groups[x.Group].Type)))
        {
            var list = slots[(shape.ClassOf[byHostType.Key.Host], byHostType.Key.Type)];
            cp.Add(LinearExpr.Sum(byHostType.Select(x => x.X)) <= LinearExpr.WeightedSum(list.Select(s => s.N), list.Select(s => s.Times)));
        }

        // u(c, j, i): the i-th nearest host of class c holds at least j households.
        var nearest = new List<(int Class, int J, int I, BoolVar U)>();
        for (var c = 0; c < shape.Classes.Count; c++)
        {
            var previous = new List<BoolVar>();
            foreach (var (j, ns) in atLeast[c].OrderBy(x => x.Key))
            {
                var possible = Math.Min(shape.Classes[c].Count, MaxHostsUsed(shape, c));
                var us = Enumerable.Range(0, possible).Select(i => cp.NewBoolVar($"u{c}_{j}_{i}")).ToList();
                for (var i = 0; i < us.Count; i++)
                {
                    nearest.Add((c, j, i, us[i]));
                    if (i > 0)
                    {
                        cp.AddImplication(us[i], us[i - 1]);
                    }

                    if (i < previous.Count)
                    {
                        cp.AddImplication(us[i], previous[i]);
                    }
                }

                cp.Add(LinearExpr.Sum(us) == LinearExpr.Sum(ns));
                previous = us;
            }
        }

        var best = (int[])start.Clone();
        var optimal = true;
        double? gap = null;
        foreach (var group in groups)
        {
            var variables = new List<IntVar>();
            var gains = new List<long>();
            for (var g = 0; g < shape.Groups.Count; g++)
            {
                var first = shape.Groups[g].Households[0];
                variables.Add(placed[g]);
                gains.Add(checked(Weight(group, 0, problem.Tier[first] == 1 ? problem.People[first] : 0)
                    + Weight(group, 1, problem.Tier[first] == 2 ? problem.People[first] : 0)
                    + Weight(group, 2, problem.Tier[first] == 3 ? problem.People[first] : 0)
                    + Weight(group, 3, shape.Groups[g].Nights)));
            }

            foreach (var (_, _, x) in home)
            {
                variables.Add(x);
                gains.Add(Weight(group, 4, 1));
            }

            foreach (var (c, _, i, u) in nearest)
            {
                variables.Add(u);
                gains.Add(Weight(group, MatchingProblem.TravelLevel, -problem.Travel[shape.Classes[c][i]]));
            }

            var objective = LinearExpr.WeightedSum(variables, gains);
            cp.Maximize(objective);
            cp.ClearHints();
            Hint(cp, shape, best, use, placed, home, nearest);

            // Linearization level 2 puts every constraint in the linear relaxation: the configuration counts then bound
            // the packing tightly (400 x 1,000 tight nights: proved in about 1 s, against no proof in 30 s at the default).
            var solver = new CpSolver { StringParameters = CpSatMatcher.Parameters(deadline, placeAll: true) };
            var status = solver.Solve(cp);
            if (status is CpSolverStatus.Infeasible or CpSolverStatus.ModelInvalid)
            {
                throw new InvalidOperationException($"The aggregated model refused a valid plan (CP-SAT: {status}).");
            }

            if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                var found = Realize(shape, use.Select(x => (x.Class, x.Configuration, solver.Value(x.N))).ToList(),
                    placed.Select(solver.Value).ToArray(), home.Select(x => (x.Group, x.Host, solver.Value(x.X))).ToList());
                // The objective is whole (below 2^50) but comes back as a double, sometimes a hair below (-77.99999999999999
                // for -78 once presolve had folded a level's constraint into it): round, never truncate.
                if (Value(group, problem, found) < (long)Math.Round(solver.ObjectiveValue))
                {
                    throw new InvalidOperationException($"The aggregated plan is worth {Value(group, problem, found)}, the model said {solver.ObjectiveValue}.");
                }

                if (Value(group, problem, found) >= Value(group, problem, best))
                {
                    best = found;
                }
            }

            var value = Value(group, problem, best);
            if (status is CpSolverStatus.Optimal)
            {
                // Each level of the group kept at least at its optimum, rather than the weighted sum equal to the group's:
                // one equality with weights up to 2^34 is a knapsack that the next search could hardly satisfy again
                // (tight nights of 400 households x 1,000 hosts: continuity and travel found nothing beyond the hint in
                // 25 s). Both say the same: no solution keeps every level and beats one of them.
                foreach (var level in group.Levels)
                {
                    var (levelVariables, levelGains) = LevelTerms(shape, level, placed, home, nearest);
                    if (levelVariables.Count == 0)
                    {
                        continue;
                    }

                    cp.Add(LinearExpr.WeightedSum(levelVariables, levelGains) >= LevelValue(problem, best, level));
                }

                continue;
            }

            optimal = false;
            gap = CpSatMatcher.ProvedGap(status, solver.BestObjectiveBound, value);
            break;
        }

        return new CpSatMatcher.Result(best, optimal, gap);
    }

    private static Model? Build(MatchingProblem problem)
    {
        var householdCount = problem.Households.Count;
        var hostCount = problem.Hosts.Count;
        var typeOf = Enumerable.Repeat(-1, householdCount).ToArray();
        var types = new List<List<int>>();
        var typeKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        var typesAt = Enumerable.Range(0, hostCount).Select(_ => new SortedSet<int>()).ToArray();
        for (var h = 0; h < householdCount; h++)
        {
            var fits = problem.Compatible[h].Where(k => HardRules.HasBedsFor(problem.Hosts[k], problem.People[h])).ToArray();
            if (fits.Length == 0)
            {
                continue;
            }

            var key = string.Create(CultureInfo.InvariantCulture, $"{problem.Category[h]}|{problem.Tier[h]}|{problem.People[h]}|{string.Join(',', fits)}");
            if (!typeKeys.TryGetValue(key, out var t))
            {
                typeKeys[key] = t = types.Count;
                types.Add([]);
                foreach (var k in fits)
                {
                    typesAt[k].Add(t);
                }
            }

            typeOf[h] = t;
            types[t].Add(h);
        }

        var groups = new List<(int Type, int Nights, List<int> Households)>();
        var groupOf = Enumerable.Repeat(-1, householdCount).ToArray();
        for (var t = 0; t < types.Count; t++)
        {
            foreach (var byNights in types[t].GroupBy(h => problem.Households[h].NightsWithoutShelter).OrderByDescending(x => x.Key))
            {
                foreach (var h in byNights)
                {
                    groupOf[h] = groups.Count;
                }

                groups.Add((t, byNights.Key, byNights.ToList()));
            }
        }

        var lastHostOfSomeone = new bool[hostCount];
        foreach (var k in problem.LastHost.Where(k => k >= 0))
        {
            lastHostOfSomeone[k] = true;
        }

        var classOf = Enumerable.Repeat(-1, hostCount).ToArray();
        var classes = new List<List<int>>();
        var classKeys = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < hostCount; k++)
        {
            if (typesAt[k].Count == 0)
            {
                continue;
            }

            var host = problem.Hosts[k];
            var key = string.Create(CultureInfo.InvariantCulture,
                $"{(lastHostOfSomeone[k] ? k : -1)}|{host.Beds}|{host.MaxHouseholds}|{host.NightsHostedLast30}|{host.MaxNightsPerMonth}|{host.NightsHostedThisMonth}|{string.Join(',', typesAt[k])}");
            if (!classKeys.TryGetValue(key, out var c))
            {
                classKeys[key] = c = classes.Count;
                classes.Add([]);
            }

            classOf[k] = c;
            classes[c].Add(k);
        }

        foreach (var hosts in classes)
        {
            hosts.Sort((a, b) => problem.Travel[a] != problem.Travel[b] ? problem.Travel[a].CompareTo(problem.Travel[b]) : a.CompareTo(b));
        }

        var configurations = new List<Configuration>[classes.Count];
        var total = 0;
        for (var c = 0; c < classes.Count; c++)
        {
            configurations[c] = Configurations(problem, types, typesAt[classes[c][0]].ToArray(), problem.Hosts[classes[c][0]]);
            total += configurations[c].Count;
            if (total > ConfigurationLimit)
            {
                return null;
            }
        }

        return new Model
        {
            Problem = problem, Types = types, TypeOf = typeOf, Groups = groups, GroupOf = groupOf,
            Classes = classes, ClassOf = classOf, Configurations = configurations,
        };
    }

    /// <summary>
    /// The multisets of types one host of the class can hold: one category, at most its number of households, at most
    /// its beds, no type more often than it has households.
    /// </summary>
    private static List<Configuration> Configurations(MatchingProblem problem, List<List<int>> types, int[] allowed, NightHost host)
    {
        var found = new List<Configuration>();
        var current = new List<int>();
        Extend(0, 0);
        return found;

        void Extend(int from, int beds)
        {
            for (var i = from; i < allowed.Length; i++)
            {
                var t = allowed[i];
                var first = types[t][0];
                var people = problem.People[first];
                if (beds + people > host.Beds || current.Count >= host.MaxHouseholds
                    || (current.Count > 0 && problem.Category[types[current[0]][0]] != problem.Category[first])
                    || current.Count(x => x == t) >= types[t].Count)
                {
                    continue;
                }

                current.Add(t);
                found.Add(new Configuration(current.ToArray()));
                Extend(i, beds + people);
                current.RemoveAt(current.Count - 1);
            }
        }
    }

    /// <summary>At most how many hosts of class c can be used: one per household that may go there.</summary>
    private static int MaxHostsUsed(Model shape, int c) =>
        shape.Configurations[c].SelectMany(q => q.Types).Distinct().Sum(t => shape.Types[t].Count);

    /// <summary>
    /// Each level's largest absolute gain per household over every host it may use (not only the nearest ones: the
    /// model is not pruned), summed: no solution of the model moves a level by more.
    /// </summary>
    private static long[] Ranges(Model shape)
    {
        var problem = shape.Problem;
        var ranges = new long[MatchingProblem.Levels];
        var farthest = new int[shape.Types.Count];
        var typesAtClass = shape.Configurations.Select(qs => qs.SelectMany(q => q.Types).ToHashSet()).ToArray();
        for (var c = 0; c < shape.Classes.Count; c++)
        {
            foreach (var t in typesAtClass[c])
            {
                farthest[t] = Math.Max(farthest[t], problem.Travel[shape.Classes[c][^1]]);
            }
        }

        for (var h = 0; h < problem.Households.Count; h++)
        {
            var t = shape.TypeOf[h];
            if (t < 0)
            {
                continue;
            }

            ranges[problem.Tier[h] - 1] = checked(ranges[problem.Tier[h] - 1] + problem.People[h]);
            ranges[3] = checked(ranges[3] + problem.Households[h].NightsWithoutShelter);
            ranges[4] += problem.LastHost[h] >= 0 ? 1 : 0;
            ranges[MatchingProblem.TravelLevel] = checked(ranges[MatchingProblem.TravelLevel] + farthest[t]);
        }

        return ranges;
    }

    /// <summary>One level of the objective in the model's variables: people of a tier and waiting nights by the counts,
    /// continuity by the households at home, travel (negated) by the nearest hosts used.</summary>
    private static (List<IntVar> Variables, List<long> Gains) LevelTerms(Model shape, int level, IntVar[] placed,
        List<(int Group, int Host, IntVar X)> home, List<(int Class, int J, int I, BoolVar U)> nearest)
    {
        var problem = shape.Problem;
        var variables = new List<IntVar>();
        var gains = new List<long>();
        if (level < 4)
        {
            for (var g = 0; g < shape.Groups.Count; g++)
            {
                var first = shape.Groups[g].Households[0];
                variables.Add(placed[g]);
                gains.Add(level == 3 ? shape.Groups[g].Nights : problem.Tier[first] == level + 1 ? problem.People[first] : 0);
            }
        }
        else if (level == 4)
        {
            variables.AddRange(home.Select(x => x.X));
            gains.AddRange(home.Select(_ => 1L));
        }
        else if (level == MatchingProblem.TravelLevel)
        {
            // Host load (level 6) is 0 on the nights this model takes (no host has recent nights): no terms.
            variables.AddRange(nearest.Select(x => x.U));
            gains.AddRange(nearest.Select(x => (long)-problem.Travel[shape.Classes[x.Class][x.I]]));
        }

        return (variables, gains);
    }

    /// <summary>One level's value in a plan (host index per household, -1 unplaced).</summary>
    private static long LevelValue(MatchingProblem problem, int[] hostOf, int level)
    {
        long value = 0;
        for (var h = 0; h < hostOf.Length; h++)
        {
            if (hostOf[h] >= 0)
            {
                value = checked(value + problem.Level(level, h, hostOf[h]));
            }
        }

        return value;
    }

    private static long Weight(LevelGroup group, int level, long amount)
    {
        var i = Array.IndexOf(group.Levels, level);
        return i < 0 ? 0 : checked(group.Weights[i] * amount);
    }

    /// <summary>The group's weighted value of a plan (host index per household, -1 unplaced).</summary>
    private static long Value(LevelGroup group, MatchingProblem problem, int[] hostOf)
    {
        long value = 0;
        for (var h = 0; h < hostOf.Length; h++)
        {
            if (hostOf[h] >= 0)
            {
                for (var level = 0; level < MatchingProblem.Levels; level++)
                {
                    value = checked(value + Weight(group, level, problem.Level(level, h, hostOf[h])));
                }
            }
        }

        return value;
    }

    /// <summary>Hints the model with a plan: its configurations, counts per group, households at home, and the nearest hosts of each class for its hosts' sizes.</summary>
    private static void Hint(CpModel cp, Model shape, int[] plan, List<(int Class, int Configuration, IntVar N)> use, IntVar[] placed,
        List<(int Group, int Host, IntVar X)> home, List<(int Class, int J, int I, BoolVar U)> nearest)
    {
        var problem = shape.Problem;
        var atHost = Enumerable.Range(0, problem.Hosts.Count).Select(_ => new List<int>()).ToArray();
        var placedOfGroup = new int[shape.Groups.Count];
        var atHome = new Dictionary<(int Group, int Host), int>();
        for (var h = 0; h < plan.Length; h++)
        {
            if (plan[h] < 0 || shape.TypeOf[h] < 0)
            {
                continue;
            }

            atHost[plan[h]].Add(shape.TypeOf[h]);
            placedOfGroup[shape.GroupOf[h]]++;
            if (problem.LastHost[h] == plan[h])
            {
                var key = (shape.GroupOf[h], plan[h]);
                atHome[key] = atHome.GetValueOrDefault(key) + 1;
            }
        }

        var counts = new Dictionary<(int Class, string Configuration), int>();
        var sizes = shape.Classes.Select(_ => new List<int>()).ToArray();
        for (var k = 0; k < atHost.Length; k++)
        {
            if (atHost[k].Count > 0 && shape.ClassOf[k] >= 0)
            {
                var key = (shape.ClassOf[k], string.Join(',', atHost[k].Order()));
                counts[key] = counts.GetValueOrDefault(key) + 1;
                sizes[shape.ClassOf[k]].Add(atHost[k].Count);
            }
        }

        foreach (var (c, q, n) in use)
        {
            cp.AddHint(n, counts.GetValueOrDefault((c, string.Join(',', shape.Configurations[c][q].Types))));
        }

        for (var g = 0; g < placed.Length; g++)
        {
            cp.AddHint(placed[g], placedOfGroup[g]);
        }

        foreach (var (g, k, x) in home)
        {
            cp.AddHint(x, atHome.GetValueOrDefault((g, k)));
        }

        foreach (var (c, j, i, u) in nearest)
        {
            cp.AddHint(u, sizes[c].Count(s => s >= j) > i ? 1 : 0);
        }
    }

    /// <summary>
    /// A plan from the model's counts: per class, the configurations with most households on its nearest hosts; per type,
    /// first the households that sit at home, then the rest of each group's count, in household order.
    /// </summary>
    private static int[] Realize(Model shape, List<(int Class, int Configuration, long Count)> counts, long[] placed, List<(int Group, int Host, long Count)> home)
    {
        var problem = shape.Problem;
        var hostOf = Enumerable.Repeat(-1, problem.Households.Count).ToArray();
        var freeSlots = new Dictionary<(int Host, int Type), int>();
        var nextHost = new int[shape.Classes.Count];
        foreach (var (c, q, count) in counts.Where(x => x.Count > 0)
                     .OrderBy(x => x.Class).ThenByDescending(x => shape.Configurations[x.Class][x.Configuration].Types.Length).ThenBy(x => x.Configuration))
        {
            for (var n = 0; n < count; n++)
            {
                var k = shape.Classes[c][nextHost[c]++];
                foreach (var t in shape.Configurations[c][q].Types)
                {
                    freeSlots[(k, t)] = freeSlots.GetValueOrDefault((k, t)) + 1;
                }
            }
        }

        var left = placed.Select(p => (int)p).ToArray();
        foreach (var (g, k, count) in home.Where(x => x.Count > 0))
        {
            var t = shape.Groups[g].Type;
            foreach (var h in shape.Groups[g].Households.Where(h => problem.LastHost[h] == k && hostOf[h] < 0).Take((int)count))
            {
                hostOf[h] = k;
                freeSlots[(k, t)]--;
                left[g]--;
            }
        }

        var slotsByType = freeSlots.Where(x => x.Value > 0).GroupBy(x => x.Key.Type)
            .ToDictionary(x => x.Key, x => new Queue<int>(x.OrderBy(s => s.Key.Host).SelectMany(s => Enumerable.Repeat(s.Key.Host, s.Value))));
        for (var g = 0; g < shape.Groups.Count; g++)
        {
            var t = shape.Groups[g].Type;
            foreach (var h in shape.Groups[g].Households.Where(h => hostOf[h] < 0).Take(left[g]))
            {
                hostOf[h] = slotsByType[t].Dequeue();
            }
        }

        return hostOf;
    }
}
