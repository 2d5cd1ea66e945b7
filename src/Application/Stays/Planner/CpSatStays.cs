using System.Globalization;
using Google.OrTools.Sat;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Domain.Households;

namespace HostingMatch.Application.Stays.Planner;

/// <summary>
/// The exact model of one component of guests (guests that can meet at a host): candidate stays as booleans
/// (columns), each guest's chain as one unit of flow through "waiting after host h on morning d" nodes, so that a
/// move and its journey are one transition variable; capacity and one category per host and night. The five
/// levels are solved one after the other, each level's optimum fixed as a constraint before the next
/// (docs/stays.md says why).
/// </summary>
internal static class CpSatStays
{
    /// <summary>What the solve of one component gives.</summary>
    /// <param name="Chains">The chosen stays per guest of the component.</param>
    /// <param name="UnprovedLevel">Index (0-4) of the first level not proved optimal, or null.</param>
    /// <param name="Bound">The solver's bound on that level; null when it gave none (stopped before its search, e.g. in presolve).</param>
    /// <param name="Found">The value found on that level.</param>
    public sealed record Result(Dictionary<int, List<Candidate>> Chains, int? UnprovedLevel, double? Bound, long Found);

    private sealed record Transition(int Guest, int From, int To, int Day, BoolVar Variable, int Moves, int Minutes);

    public static Result Solve(StaysProblem problem, int[] guests, List<Candidate>[] hint, Deadline deadline)
    {
        var file = problem.File;
        var model = new CpModel();
        var candidates = new List<Candidate>();
        var x = new List<BoolVar>();
        var transitions = new List<Transition>();
        var others = new List<(IntVar Variable, Func<Dictionary<int, List<Candidate>>, long> Value)>();
        var hintOf = new Dictionary<IntVar, long>();

        foreach (var g in guests)
        {
            var own = problem.Candidates(g);
            var first = candidates.Count;
            var hinted = hint[g].Select(c => (c.Host, c.From, c.Until)).ToHashSet();
            foreach (var c in own)
            {
                var v = model.NewBoolVar($"x{g}_{c.Host}_{c.From}_{c.Until}");
                candidates.Add(c);
                x.Add(v);
                hintOf[v] = hinted.Contains((c.Host, c.From, c.Until)) ? 1 : 0;
            }

            BuildChainFlow(problem, model, g, first, candidates, x, transitions, hint[g], hintOf);
        }

        // Maximal stays: a stay of a guest at a host never touches another stay of the same guest at the same host.
        foreach (var group in Enumerable.Range(0, candidates.Count)
                     .SelectMany(i => new[] { (Key: (candidates[i].Guest, candidates[i].Host, Day: candidates[i].Until), Index: i), (Key: (candidates[i].Guest, candidates[i].Host, Day: candidates[i].From), Index: i) })
                     .GroupBy(e => e.Key))
        {
            var ends = group.Where(e => candidates[e.Index].Until == group.Key.Day).Select(e => x[e.Index]).ToArray();
            var starts = group.Where(e => candidates[e.Index].From == group.Key.Day).Select(e => x[e.Index]).ToArray();
            if (ends.Length > 0 && starts.Length > 0)
            {
                model.Add(LinearExpr.Sum(ends) + LinearExpr.Sum(starts) <= 1);
            }
        }

        AddCapacity(problem, model, candidates, x, hint, hintOf);

        var levels = new LinearExpr[5];
        for (var tier = 1; tier <= 3; tier++)
        {
            var indexes = Enumerable.Range(0, candidates.Count).Where(i => file.Guests[candidates[i].Guest].Tier == tier).ToArray();
            levels[tier - 1] = LinearExpr.WeightedSum(indexes.Select(i => x[i]), indexes.Select(i => (long)file.Guests[candidates[i].Guest].People * candidates[i].Nights));
        }

        levels[3] = LinearExpr.WeightedSum(transitions.Select(t => t.Variable), transitions.Select(t => (long)t.Moves));
        levels[4] = LinearExpr.WeightedSum(transitions.Select(t => t.Variable), transitions.Select(t => (long)t.Minutes));

        var best = hint.Select((chain, g) => (chain, g)).Where(p => guests.Contains(p.g)).ToDictionary(p => p.g, p => p.chain.ToList());
        int? unproved = null;
        double? bound = null;
        long found = 0;
        for (var level = 0; level < 5; level++)
        {
            var maximise = level < 3;
            if (maximise)
            {
                model.Maximize(levels[level]);
            }
            else
            {
                model.Minimize(levels[level]);
            }

            model.ClearHints();
            foreach (var (variable, hinted) in hintOf)
            {
                model.AddHint(variable, hinted);
            }

            // Each level gets its share of the time left, so that a level the search cannot close still leaves time to
            // improve the levels below it (moves, journeys) with that level held at its best value found.
            var share = deadline.Remaining() is { } left ? left / (5 - level) : (TimeSpan?)null;
            if (share == TimeSpan.Zero)
            {
                // The time is spent (the building can take it all): a solve stopped at once still loads and presolves the
                // model, half a second to seconds a level on wide programmes, so the plan so far stands from this level on.
                if (unproved is null)
                {
                    unproved = level;
                    found = Evaluate(hintOf, file, candidates, x, transitions, level);
                }

                break;
            }

            var solver = new CpSolver { StringParameters = Parameters(Deadline.Start(share)) };
            var status = solver.Solve(model);
            if (status is CpSolverStatus.Infeasible or CpSolverStatus.ModelInvalid && level == 0)
            {
                throw new ArgumentException($"The stays cannot be planned: the current stays break the rules ({status}).");
            }

            // The plan so far (the hint) is replaced only by one strictly better on this level: the plans found only
            // ever improve in the lexicographic order, so the result is never worse than the first-fit plan it started from.
            var value = Evaluate(hintOf, file, candidates, x, transitions, level);
            var solved = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
            var objective = solved ? (long)Math.Round(solver.ObjectiveValue) : value;
            if (solved && (maximise ? objective > value : objective < value))
            {
                value = objective;
                foreach (var variable in hintOf.Keys.ToArray())
                {
                    hintOf[variable] = solver.Value(variable);
                }

                best = guests.ToDictionary(g => g, _ => new List<Candidate>());
                for (var i = 0; i < candidates.Count; i++)
                {
                    if (solver.BooleanValue(x[i]))
                    {
                        best[candidates[i].Guest].Add(candidates[i]);
                    }
                }
            }

            if (status is CpSolverStatus.Optimal)
            {
                model.Add(levels[level] == value);
                continue;
            }

            if (unproved is null)
            {
                unproved = level;
                bound = double.IsFinite(solver.BestObjectiveBound) && status is CpSolverStatus.Feasible ? solver.BestObjectiveBound : null;
                found = value;
            }

            // Not proved: the level keeps at least the value found while the next ones improve.
            model.Add(maximise ? levels[level] >= value : levels[level] <= value);
        }

        foreach (var chain in best.Values)
        {
            chain.Sort((a, b) => a.From.CompareTo(b.From));
        }

        return new Result(best, unproved, bound, found);
    }

    /// <summary>The value of a level at the hinted (current best) assignment.</summary>
    private static long Evaluate(Dictionary<IntVar, long> values, StaysFile file, List<Candidate> candidates, List<BoolVar> x, List<Transition> transitions, int level)
    {
        if (level < 3)
        {
            return Enumerable.Range(0, candidates.Count)
                .Where(i => file.Guests[candidates[i].Guest].Tier == level + 1 && values[x[i]] == 1)
                .Sum(i => (long)file.Guests[candidates[i].Guest].People * candidates[i].Nights);
        }

        return transitions.Where(t => values[t.Variable] == 1).Sum(t => (long)(level == 3 ? t.Moves : t.Minutes));
    }

    /// <summary>
    /// One unit of flow per guest: from "waiting at the origin on its first morning" (the origin is its current
    /// host, or its own location) through waiting arcs (an uncovered night) and transitions into stays, each stay
    /// flowing back into "waiting after its host on its last morning".
    /// </summary>
    private static void BuildChainFlow(StaysProblem problem, CpModel model, int g, int first, List<Candidate> candidates, List<BoolVar> x,
        List<Transition> transitions, List<Candidate> hint, Dictionary<IntVar, long> hintOf)
    {
        var start = problem.Start[g];
        var end = problem.End[g];
        var origin = problem.CurrentHost[g];
        var own = Enumerable.Range(first, candidates.Count - first).ToArray();
        if (end == start)
        {
            return;
        }

        if (problem.MandatoryUntil[g] > start)
        {
            // Rule 8: the current stay goes on at least until its agreed morning.
            var continuing = own.Where(i => candidates[i].ContinuesCurrent && candidates[i].Until >= problem.MandatoryUntil[g]).Select(i => x[i]).ToArray();
            model.Add(LinearExpr.Sum(continuing) == 1);
        }

        // Earliest morning a stay at each host can end: waiting nodes after that host exist from then on.
        var earliestEnd = new Dictionary<int, int> { [origin] = start };
        foreach (var i in own)
        {
            var h = candidates[i].Host;
            earliestEnd[h] = Math.Min(earliestEnd.GetValueOrDefault(h, int.MaxValue), candidates[i].Until);
        }

        var startsAt = own.GroupBy(i => (candidates[i].Host, candidates[i].From)).ToDictionary(e => e.Key, e => e.ToArray());
        var endsAt = own.GroupBy(i => (candidates[i].Host, candidates[i].Until)).ToDictionary(e => e.Key, e => e.ToArray());
        var inflow = new Dictionary<(int Host, int Day), LinearExpr>();
        var outflow = new Dictionary<(int Host, int Day), List<IntVar>>();

        // The hinted chain as a walk: which waiting node the guest is at on each morning, and its transitions.
        var hintedAt = new Dictionary<int, int>();
        var hintedTransitions = new HashSet<(int From, int To, int Day)>();
        {
            var last = origin;
            var day = start;
            foreach (var c in hint.OrderBy(c => c.From))
            {
                for (; day < c.From; day++)
                {
                    hintedAt[day] = last;
                }

                hintedAt[day] = last;
                hintedTransitions.Add((last, c.Host, c.From));
                last = c.Host;
                day = c.Until;
            }

            for (; day <= end; day++)
            {
                hintedAt[day] = last;
            }
        }

        var guestTransitions = new Dictionary<(int To, int Day), List<BoolVar>>();
        foreach (var (host, earliest) in earliestEnd)
        {
            for (var d = Math.Max(start, earliest); d <= end; d++)
            {
                var into = new List<LinearExpr>();
                if (d == start && host == origin)
                {
                    into.Add(LinearExpr.Constant(1));
                }

                if (endsAt.TryGetValue((host, d), out var ending))
                {
                    into.AddRange(ending.Select(i => (LinearExpr)x[i]));
                }

                if (d > Math.Max(start, earliest))
                {
                    var wait = model.NewBoolVar($"w{g}_{host}_{d - 1}");
                    hintOf[wait] = hintedAt.GetValueOrDefault(d - 1, int.MinValue) == host && hintedAt.GetValueOrDefault(d, int.MinValue) == host
                        && !hintedTransitions.Contains((host, host, d - 1)) && IsWaiting(hint, d - 1) ? 1 : 0;
                    outflow[(host, d - 1)].Add(wait);
                    into.Add(wait);
                }

                inflow[(host, d)] = LinearExpr.Sum(into);
                outflow[(host, d)] = [];
                if (d == end)
                {
                    var sink = model.NewBoolVar($"s{g}_{host}");
                    hintOf[sink] = hintedAt[end] == host ? 1 : 0;
                    outflow[(host, d)].Add(sink);
                }

                foreach (var to in problem.Compatible[g])
                {
                    if (!startsAt.ContainsKey((to, d)))
                    {
                        continue;
                    }

                    var continues = origin >= 0 && host == origin && to == origin && d == start;
                    var moves = origin < 0 && host < 0 ? 0 : continues ? 0 : 1;
                    var minutes = continues ? 0 : problem.Journey(g, host, to);
                    var t = model.NewBoolVar($"t{g}_{host}_{to}_{d}");
                    hintOf[t] = hintedTransitions.Contains((host, to, d)) ? 1 : 0;
                    transitions.Add(new Transition(g, host, to, d, t, moves, minutes));
                    outflow[(host, d)].Add(t);
                    if (!guestTransitions.TryGetValue((to, d), out var list))
                    {
                        guestTransitions[(to, d)] = list = [];
                    }

                    list.Add(t);
                }
            }
        }

        foreach (var (node, into) in inflow)
        {
            model.Add(into == LinearExpr.Sum(outflow[node]));
        }

        foreach (var ((to, d), starting) in startsAt)
        {
            var arriving = guestTransitions.GetValueOrDefault((to, d)) ?? [];
            model.Add(LinearExpr.Sum(starting.Select(i => x[i])) == LinearExpr.Sum(arriving));
        }
    }

    /// <summary>True when no hinted stay covers the night <paramref name="day"/>.</summary>
    private static bool IsWaiting(List<Candidate> hint, int day) => !hint.Any(c => c.From <= day && day < c.Until);

    /// <summary>Rule 6 on every host and night: beds, households and one category.</summary>
    private static void AddCapacity(StaysProblem problem, CpModel model, List<Candidate> candidates, List<BoolVar> x, List<Candidate>[] hint,
        Dictionary<IntVar, long> hintOf)
    {
        var file = problem.File;
        var covering = new Dictionary<(int Host, int Day), List<int>>();
        for (var i = 0; i < candidates.Count; i++)
        {
            for (var d = candidates[i].From; d < candidates[i].Until; d++)
            {
                if (!covering.TryGetValue((candidates[i].Host, d), out var list))
                {
                    covering[(candidates[i].Host, d)] = list = [];
                }

                list.Add(i);
            }
        }

        foreach (var ((h, d), list) in covering)
        {
            var host = file.Hosts[h];
            var guestsThere = list.Select(i => candidates[i].Guest).Distinct().ToArray();
            if (guestsThere.Sum(g => file.Guests[g].People) > host.Beds)
            {
                model.Add(LinearExpr.WeightedSum(list.Select(i => x[i]), list.Select(i => (long)file.Guests[candidates[i].Guest].People)) <= host.Beds);
            }

            if (guestsThere.Length > host.MaxHouseholds)
            {
                model.Add(LinearExpr.Sum(list.Select(i => x[i])) <= host.MaxHouseholds);
            }

            var categories = guestsThere.Select(g => file.Guests[g].Category).Distinct().ToArray();
            if (categories.Length > 1 && host.MaxHouseholds > 1)
            {
                var hinted = hint.SelectMany(c => c).FirstOrDefault(c => c.Host == h && c.From <= d && d < c.Until);
                var chosen = new Dictionary<HouseholdCategory, BoolVar>();
                foreach (var category in categories)
                {
                    chosen[category] = model.NewBoolVar($"c{h}_{d}_{category}");
                    hintOf[chosen[category]] = hinted != default && file.Guests[hinted.Guest].Category == category ? 1 : 0;
                }

                model.Add(LinearExpr.Sum(chosen.Values) <= 1);
                foreach (var i in list)
                {
                    model.AddImplication(x[i], chosen[file.Guests[candidates[i].Guest].Category]);
                }
            }
        }
    }

    private static string Parameters(Deadline deadline)
    {
        // One worker and a fixed seed: the same programme always gives the same plan.
        var parameters = "num_workers:1 random_seed:0 log_search_progress:false";
        if (deadline.Remaining() is { } remaining)
        {
            parameters += " max_time_in_seconds:" + Math.Max(0.001, remaining.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture);
        }

        return parameters;
    }
}
