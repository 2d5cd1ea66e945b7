using Google.OrTools.Sat;
using HostingMatch.Domain.Households;

namespace HostingMatch.Application.Matching.Engine;

/// <summary>
/// Continuity and travel with every placeable household placed, in a CP-SAT model where interchangeable hosts are
/// one class: the big nights have hundreds of hosts that differ only in travel time, and the plain model spends its
/// time proving that swapping two of them changes nothing.
/// </summary>
/// <remarks>
/// A host joins a class when it can hold one household at most (rules 6-7 reduce to "one household"), is nobody's
/// last host nor pin, and the class is the set of households that pass rules 1-5 there with enough beds (so hosts of
/// one class accept exactly the same households) and have the same recent nights (host load). Any plan can have the households it puts in a class moved to the
/// class's nearest hosts, one each, keeping every rule and levels 1-5 and not lengthening travel; so it is enough to
/// choose how many households each class takes (c) and who: the travel is the sum of the c smallest travel times of
/// the class. The model: per household and class, one Boolean "in the class"; per class, Booleans u(i) "the i-th
/// nearest host is used" (u(i+1) implies u(i)), as many as the households in the class; the two counts equal. Hosts
/// outside classes keep one Boolean per (household, host) pair with beds, counts and categories as in
/// <see cref="CpSatMatcher"/>. The plan gives each class's households, in household order, its nearest hosts in
/// travel order (ties by host order): deterministic.
/// </remarks>
internal static class HostClassMatcher
{
    public static CpSatMatcher.Result Solve(MatchingProblem problem, IReadOnlyList<LevelGroup> groups, int[] start, Deadline deadline, int[][] individualPairs)
    {
        if (groups.Any(g => g.Levels.Any(l => l < PlaceEveryoneMatcher.FirstLevel)))
        {
            throw new ArgumentException("Host classes only model continuity and travel.", nameof(groups));
        }

        var hostCount = problem.Hosts.Count;
        var householdCount = problem.Households.Count;
        var fits = Enumerable.Range(0, hostCount).Select(_ => new List<int>()).ToArray();
        for (var h = 0; h < householdCount; h++)
        {
            foreach (var k in problem.Compatible[h])
            {
                if (HardRules.HasBedsFor(problem.Hosts[k], problem.People[h]))
                {
                    fits[k].Add(h);
                }
            }
        }

        var special = new bool[hostCount];
        for (var h = 0; h < householdCount; h++)
        {
            foreach (var k in new[] { problem.LastHost[h], problem.Pin[h] })
            {
                if (k >= 0)
                {
                    special[k] = true;
                }
            }
        }

        var classOf = Enumerable.Repeat(-1, hostCount).ToArray();
        var classes = new List<(List<int> Households, List<int> Hosts)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var k = 0; k < hostCount; k++)
        {
            if (fits[k].Count == 0 || special[k] || problem.CanHoldSeveral(k, fits[k]))
            {
                continue;
            }

            // Hosts of one class have the same recent nights too: moving households to the nearest keeps host load.
            var key = problem.RecentNights[k] + "|" + string.Join(',', fits[k]);
            if (!byKey.TryGetValue(key, out var c))
            {
                byKey[key] = c = classes.Count;
                classes.Add((fits[k].Where(h => problem.Pin[h] < 0).ToList(), []));
            }

            classOf[k] = c;
            classes[c].Hosts.Add(k);
        }

        foreach (var (_, hosts) in classes)
        {
            hosts.Sort((a, b) => problem.Travel[a] != problem.Travel[b] ? problem.Travel[a].CompareTo(problem.Travel[b]) : a.CompareTo(b));
        }

        var model = new CpModel();
        var own = Enumerable.Range(0, householdCount).Select(_ => new List<BoolVar>()).ToArray();

        // Pairs at hosts outside classes.
        var pairs = new List<(int Household, int Host, BoolVar X)>();
        var byHost = Enumerable.Range(0, hostCount).Select(_ => new List<int>()).ToArray();
        for (var h = 0; h < householdCount; h++)
        {
            foreach (var k in individualPairs[h])
            {
                if (classOf[k] >= 0 || (problem.Pin[h] >= 0 && problem.Pin[h] != k))
                {
                    continue;
                }

                var x = model.NewBoolVar($"x{h}_{k}");
                byHost[k].Add(pairs.Count);
                pairs.Add((h, k, x));
                own[h].Add(x);
            }
        }

        var categoryChoices = new List<(int Host, Dictionary<HouseholdCategory, BoolVar> Chosen)>();
        for (var k = 0; k < hostCount; k++)
        {
            var at = byHost[k];
            if (at.Count == 0)
            {
                continue;
            }

            var host = problem.Hosts[k];
            var xs = at.Select(p => pairs[p].X).ToArray();
            var people = at.Select(p => (long)problem.People[pairs[p].Household]).ToArray();
            if (people.Sum() > host.Beds)
            {
                model.Add(LinearExpr.WeightedSum(xs, people) <= host.Beds);
            }

            if (at.Count > host.MaxHouseholds)
            {
                model.Add(LinearExpr.Sum(xs) <= host.MaxHouseholds);
            }

            var households = at.Select(p => pairs[p].Household).ToList();
            var categories = households.Select(h => problem.Category[h]).Distinct().ToList();
            if (categories.Count > 1 && problem.CanHoldSeveral(k, households))
            {
                var chosen = categories.ToDictionary(c => c, c => model.NewBoolVar($"c{k}_{c}"));
                categoryChoices.Add((k, chosen));
                foreach (var p in at)
                {
                    model.AddImplication(pairs[p].X, chosen[problem.Category[pairs[p].Household]]);
                }

                model.AddAtMostOne(chosen.Values);
            }
        }

        // Classes: who goes in, and how many of the nearest hosts are used.
        var members = new List<(int Household, int Class, BoolVar Y)>();
        var used = new List<BoolVar>[classes.Count];
        for (var c = 0; c < classes.Count; c++)
        {
            var (households, hosts) = classes[c];
            var ys = new List<BoolVar>();
            foreach (var h in households)
            {
                var y = model.NewBoolVar($"y{h}_c{c}");
                members.Add((h, c, y));
                own[h].Add(y);
                ys.Add(y);
            }

            used[c] = Enumerable.Range(0, Math.Min(hosts.Count, households.Count)).Select(i => model.NewBoolVar($"u{c}_{i}")).ToList();
            for (var i = 1; i < used[c].Count; i++)
            {
                model.AddImplication(used[c][i], used[c][i - 1]);
            }

            model.Add(LinearExpr.Sum(ys) == LinearExpr.Sum(used[c]));
        }

        for (var h = 0; h < householdCount; h++)
        {
            if (own[h].Count > 0)
            {
                model.AddExactlyOne(own[h]);
            }
        }

        var uses = CpSatMatcher.HostUses(model, problem, pairs.Select(p => (p.Host, p.X)));
        var best = (int[])start.Clone();
        var optimal = true;
        double? gap = null;
        foreach (var group in groups)
        {
            var variables = new List<BoolVar>();
            var gains = new List<long>();
            foreach (var (h, k, x) in pairs)
            {
                variables.Add(x);
                gains.Add(group.Gain(problem, h, k));
            }

            foreach (var (k, u) in uses)
            {
                variables.Add(u);
                gains.Add(group.HostGain(problem, k));
            }

            for (var c = 0; c < classes.Count; c++)
            {
                for (var i = 0; i < used[c].Count; i++)
                {
                    // Continuity is 0 in a class (nobody's last host); host load (one household per host) and travel count.
                    variables.Add(used[c][i]);
                    gains.Add(ClassHostGain(group, problem, classes[c].Hosts[i]));
                }
            }

            var objective = LinearExpr.WeightedSum(variables, gains);
            model.Maximize(objective);
            model.ClearHints();
            var inClass = new int[classes.Count];
            foreach (var (h, k, x) in pairs)
            {
                model.AddHint(x, best[h] == k ? 1 : 0);
            }

            foreach (var (h, c, y) in members)
            {
                var member = best[h] >= 0 && classOf[best[h]] == c;
                model.AddHint(y, member ? 1 : 0);
                inClass[c] += member ? 1 : 0;
            }

            for (var c = 0; c < classes.Count; c++)
            {
                for (var i = 0; i < used[c].Count; i++)
                {
                    model.AddHint(used[c][i], i < inClass[c] ? 1 : 0);
                }
            }

            CpSatMatcher.HintCategories(model, problem, best, categoryChoices);
            CpSatMatcher.HintUses(model, uses, best);

            var solver = new CpSolver { StringParameters = CpSatMatcher.Parameters(deadline, placeAll: true) };
            var status = solver.Solve(model);
            if (status is CpSolverStatus.Infeasible or CpSolverStatus.ModelInvalid)
            {
                throw new InvalidOperationException($"The host-class model refused a plan that places everyone (CP-SAT: {status}).");
            }

            if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                var found = Enumerable.Repeat(-1, householdCount).ToArray();
                foreach (var (h, k, x) in pairs)
                {
                    if (solver.BooleanValue(x))
                    {
                        found[h] = k;
                    }
                }

                var next = new int[classes.Count];
                foreach (var (h, c, y) in members.OrderBy(m => m.Household))
                {
                    if (solver.BooleanValue(y))
                    {
                        found[h] = classes[c].Hosts[next[c]++];
                    }
                }

                if (group.Value(problem, found) >= group.Value(problem, best) || status is CpSolverStatus.Optimal)
                {
                    best = found;
                }
            }

            var value = group.Value(problem, best);
            if (status is CpSolverStatus.Optimal)
            {
                // The plan's value is the model's: class households sit at the class's nearest hosts.
                model.Add(objective == value);
                continue;
            }

            optimal = false;
            gap = CpSatMatcher.ProvedGap(status, solver.BestObjectiveBound, value);
            break;
        }

        return new CpSatMatcher.Result(best, optimal, gap);
    }

    /// <summary>A class host used: its host load and travel, weighted (a class host takes one household, so both are the pair's).</summary>
    private static long ClassHostGain(LevelGroup group, MatchingProblem problem, int k)
    {
        long gain = 0;
        foreach (var level in new[] { MatchingProblem.LoadLevel, MatchingProblem.TravelLevel })
        {
            var i = Array.IndexOf(group.Levels, level);
            gain = i < 0 ? gain : checked(gain + (group.Weights[i] * problem.Level(level, -1, k)));
        }

        return gain;
    }
}
