using HostingMatch.Domain.Households;
using System.Globalization;
using Google.OrTools.Sat;

namespace HostingMatch.Application.Matching.Engine;

/// <summary>
/// The general case (hosts that can take several households): a CP-SAT model over the candidate pairs
/// only, solved group of levels by group of levels, each optimum fixed before the next.
/// </summary>
internal static class CpSatMatcher
{
    public sealed record Result(int[] HostOf, bool Optimal, double? Gap);

    /// <remarks>
    /// With <c>placeAll</c>, every household with a candidate must be placed (exactly one host each): the caller
    /// has proved that levels 1-4 are optimal only so, and the groups then cover the levels below them.
    /// <c>candidates</c> narrows the pairs of each household (default: <see cref="MatchingProblem.Candidates"/>); the
    /// hint must use only those pairs.
    /// </remarks>
    public static Result Solve(MatchingProblem problem, IReadOnlyList<LevelGroup> groups, int[] hint, Deadline deadline, bool placeAll = false, int[][]? candidates = null)
    {
        candidates ??= problem.Candidates;
        var model = new CpModel();
        var pairHousehold = new List<int>();
        var pairHost = new List<int>();
        var variables = new List<BoolVar>();
        var byHost = Enumerable.Range(0, problem.Hosts.Count).Select(_ => new List<int>()).ToArray();
        for (var h = 0; h < problem.Households.Count; h++)
        {
            var own = new List<BoolVar>();
            foreach (var k in candidates[h])
            {
                var x = model.NewBoolVar($"x{h}_{k}");
                byHost[k].Add(variables.Count);
                pairHousehold.Add(h);
                pairHost.Add(k);
                variables.Add(x);
                own.Add(x);
                if (problem.Pin[h] == k)
                {
                    model.Add(x == 1);
                }
            }

            // Rule 8: at most once (exactly once when placing everyone is proved optimal on levels 1-4).
            if (placeAll && own.Count > 0)
            {
                model.AddExactlyOne(own);
            }
            else if (own.Count > 1)
            {
                model.AddAtMostOne(own);
            }
        }

        var categoryChoices = new List<(int Host, Dictionary<HouseholdCategory, BoolVar> Chosen)>();
        for (var k = 0; k < problem.Hosts.Count; k++)
        {
            var pairs = byHost[k];
            if (pairs.Count == 0)
            {
                continue;
            }

            var host = problem.Hosts[k];
            var xs = pairs.Select(p => variables[p]).ToArray();
            var people = pairs.Select(p => (long)problem.People[pairHousehold[p]]).ToArray();

            // Rule 6: beds and number of households.
            if (people.Sum() > host.Beds)
            {
                model.Add(LinearExpr.WeightedSum(xs, people) <= host.Beds);
            }

            if (pairs.Count > host.MaxHouseholds)
            {
                model.Add(LinearExpr.Sum(xs) <= host.MaxHouseholds);
            }

            // Rule 7: one category per host, only where two households could ever meet there.
            var households = pairs.Select(p => pairHousehold[p]).ToList();
            var categories = households.Select(h => problem.Category[h]).Distinct().ToList();
            if (categories.Count > 1 && problem.CanHoldSeveral(k, households))
            {
                var chosen = categories.ToDictionary(c => c, c => model.NewBoolVar($"c{k}_{c}"));
                categoryChoices.Add((k, chosen));
                foreach (var p in pairs)
                {
                    model.AddImplication(variables[p], chosen[problem.Category[pairHousehold[p]]]);
                }

                model.AddAtMostOne(chosen.Values);
            }
        }

        var uses = HostUses(model, problem, Enumerable.Range(0, variables.Count).Select(p => (pairHost[p], variables[p])));
        var best = (int[])hint.Clone();
        var optimal = true;
        double? gap = null;
        foreach (var group in groups)
        {
            var gains = Enumerable.Range(0, variables.Count).Select(p => group.Gain(problem, pairHousehold[p], pairHost[p])).ToList();
            var terms = new List<BoolVar>(variables);
            foreach (var (k, used) in uses)
            {
                terms.Add(used);
                gains.Add(group.HostGain(problem, k));
            }

            var objective = LinearExpr.WeightedSum(terms, gains);
            model.Maximize(objective);
            model.ClearHints();
            for (var p = 0; p < variables.Count; p++)
            {
                model.AddHint(variables[p], best[pairHousehold[p]] == pairHost[p] ? 1 : 0);
            }

            HintUses(model, uses, best);

            // A complete hint (categories too) is taken as a first solution at once; an incomplete one is searched for.
            HintCategories(model, problem, best, categoryChoices);

            var solver = new CpSolver { StringParameters = Parameters(deadline, placeAll) };
            var status = solver.Solve(model);
            if (status is CpSolverStatus.Infeasible or CpSolverStatus.ModelInvalid)
            {
                throw new ArgumentException($"The pinned placements cannot all hold together tonight (CP-SAT: {status}).");
            }

            if (status is CpSolverStatus.Optimal or CpSolverStatus.Feasible)
            {
                var found = new int[best.Length];
                Array.Fill(found, -1);
                for (var p = 0; p < variables.Count; p++)
                {
                    if (solver.BooleanValue(variables[p]))
                    {
                        found[pairHousehold[p]] = pairHost[p];
                    }
                }

                // The hint is feasible; keep whichever is better in this group should the solver not have used it.
                if (group.Value(problem, found) >= group.Value(problem, best) || status is CpSolverStatus.Optimal)
                {
                    best = found;
                }
            }

            var value = group.Value(problem, best);
            if (status is CpSolverStatus.Optimal)
            {
                model.Add(objective == value);
                continue;
            }

            optimal = false;
            gap = ProvedGap(status, solver.BestObjectiveBound, value);
            break;
        }

        return new Result(best, optimal, gap);
    }

    internal static string Parameters(Deadline deadline, bool placeAll)
    {
        // One worker and a fixed seed: the same night always gives the same plan. Probing and symmetry
        // detection cost more than they save on matching models: without them the real-size night
        // (about 20 households x 80 hosts) solves in about 30 ms instead of 60 (docs/benchmarks.md).
        var parameters = "num_workers:1 random_seed:0 log_search_progress:false cp_model_probing_level:0 symmetry_level:0";
        // With everyone placed, the linear relaxation of every constraint (linearization level 2) is what proves
        // continuity and travel on the big nights: the default level kept only 10 rows and never closed the gap.
        // The hint is complete and feasible there, so the phase that first searches around it only delays the real
        // search (hint_conflict_limit 0: the everyone-placed nights proved about a fifth sooner in the benchmark).
        // With that many rows, putting them all in the LP at once rather than as they get violated halved CP-SAT's
        // deterministic time on the aggregated model (20 hard 400 x 1,000 nights: 1.65 s against 3.33 s in all; the
        // search branched for a second with the bound stuck while rows came in one by one).
        if (placeAll)
        {
            parameters += " linearization_level:2 hint_conflict_limit:0 add_lp_constraints_lazily:false";
        }

        if (deadline.Remaining() is { } remaining)
        {
            var seconds = Math.Max(0.001, remaining.TotalSeconds);
            parameters += " max_time_in_seconds:" + seconds.ToString("0.###", CultureInfo.InvariantCulture);
        }

        return parameters;
    }

    /// <summary>
    /// The proved relative gap of a group the search could not close: (bound - found) / max(1, |bound|), in [0, 1].
    /// Without a solution of its own the solver's bound is not trustworthy, and the gap is reported as unknown (1).
    /// </summary>
    internal static double ProvedGap(CpSolverStatus status, double bound, long value) =>
        status is CpSolverStatus.Feasible && double.IsFinite(bound) && bound >= value
            ? Math.Min(1, (bound - value) / Math.Max(1, Math.Abs(bound)))
            : 1;

    /// <summary>
    /// One Boolean per shared host with recent nights (<see cref="MatchingProblem.HostLevel"/>), implied by each of its
    /// pairs: "the host is used tonight". Maximising, a host's negative load gain keeps it false unless a pair is placed.
    /// </summary>
    internal static List<(int Host, BoolVar Used)> HostUses(CpModel model, MatchingProblem problem, IEnumerable<(int Host, BoolVar X)> pairs)
    {
        var uses = new Dictionary<int, BoolVar>();
        foreach (var (k, x) in pairs)
        {
            if (problem.HostLevel(MatchingProblem.LoadLevel, k) == 0)
            {
                continue;
            }

            if (!uses.TryGetValue(k, out var used))
            {
                uses[k] = used = model.NewBoolVar($"used{k}");
            }

            model.AddImplication(x, used);
        }

        return uses.OrderBy(u => u.Key).Select(u => (u.Key, u.Value)).ToList();
    }

    /// <summary>Hints the host-used Booleans from the plan <paramref name="best"/>.</summary>
    internal static void HintUses(CpModel model, List<(int Host, BoolVar Used)> uses, int[] best)
    {
        foreach (var (k, used) in uses)
        {
            model.AddHint(used, best.Contains(k) ? 1 : 0);
        }
    }

    /// <summary>Hints each multi-household host's category choice from the plan <paramref name="best"/> (host index per household, -1 unplaced).</summary>
    internal static void HintCategories(CpModel model, MatchingProblem problem, int[] best,
        IEnumerable<(int Host, Dictionary<HouseholdCategory, BoolVar> Chosen)> categoryChoices)
    {
        var categoryAt = new Dictionary<int, HouseholdCategory>();
        for (var h = 0; h < best.Length; h++)
        {
            if (best[h] >= 0)
            {
                categoryAt[best[h]] = problem.Category[h];
            }
        }

        foreach (var (k, chosen) in categoryChoices)
        {
            foreach (var (category, variable) in chosen)
            {
                model.AddHint(variable, categoryAt.TryGetValue(k, out var c) && c == category ? 1 : 0);
            }
        }
    }
}
