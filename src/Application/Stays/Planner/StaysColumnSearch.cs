using System.Globalization;
using Google.OrTools.Sat;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Domain.Households;

namespace HostingMatch.Application.Stays.Planner;

/// <summary>
/// The planner for programmes too big for the exact model: whole chains as columns. Each guest's columns are chains
/// that <see cref="ChainSearch"/> finds (its own optimum, the first fit's, its best answer to the others' beds, and
/// chains that free the host-nights a guest below its optimum needs); a CP-SAT model picks one column per guest under
/// rule 6, level after level. Plans only ever improve, starting from the better of the first fit and a greedy in
/// priority order, so the answer is never worse than the baseline. Proved optimal when it reaches
/// <see cref="StaysBounds"/>, the sum of every guest's own optimum.
/// </summary>
internal sealed class StaysColumnSearch
{
    private readonly StaysProblem problem;
    private readonly ChainSearch search;
    private readonly List<Candidate>[] own;
    private readonly List<List<Candidate>>[] columns;
    private readonly HashSet<string>[] keys;
    private readonly int[] order;
    private readonly Random random = new(0);
    private readonly long[] ownCoverage;
    private readonly LevelBound.Duals?[] relaxationDuals = new LevelBound.Duals?[5];
    private readonly long[] enumeratedAt = [long.MinValue, long.MinValue, long.MinValue, long.MinValue, long.MinValue];
    private readonly bool[] relaxationSolved = new bool[5];
    private readonly Action<string>? progress;
    private readonly long started = System.Diagnostics.Stopwatch.GetTimestamp();

    public StaysColumnSearch(StaysProblem problem, ChainSearch search, StaysBounds bounds, List<Candidate>[] own, List<Candidate>[] firstFit,
        Action<string>? progress = null)
    {
        this.progress = progress;
        Bound = bounds.Levels;
        ownCoverage = [.. bounds.PersonNights];
        this.problem = problem;
        this.search = search;
        this.own = own;
        var guests = problem.File.Guests.Count;
        columns = [.. Enumerable.Range(0, guests).Select(_ => new List<List<Candidate>>())];
        keys = [.. Enumerable.Range(0, guests).Select(_ => new HashSet<string>(StringComparer.Ordinal))];

        // Current stays first (agreed before, they fit together), then by tier, then in input order.
        order = [.. Enumerable.Range(0, guests).Where(g => problem.End[g] > problem.Start[g])
            .OrderBy(g => problem.MandatoryUntil[g] > problem.Start[g] ? 0 : 1).ThenBy(g => problem.Tier[g]).ThenBy(g => g)];
        foreach (var g in order)
        {
            AddColumn(g, own[g]);
            AddColumn(g, firstFit[g]);
        }

        Best = firstFit;
        Consider(Greedy());
    }

    /// <summary>The best plan found so far, as chains per guest.</summary>
    public List<Candidate>[] Best { get; private set; }

    /// <summary>
    /// The five levels no plan can beat: <see cref="StaysBounds"/>, tightened level by level by <see cref="LevelBound"/> once
    /// the plan reaches the levels above (see <see cref="TightenBounds"/>).
    /// </summary>
    public long[] Bound { get; }

    /// <summary>Improves <see cref="Best"/> until it reaches <see cref="Bound"/>, runs out of new columns or of time.</summary>
    public void Improve(Deadline deadline)
    {
        var bound = Bound;
        while (!Reaches(bound) && Left(deadline) > TimeSpan.FromMilliseconds(50))
        {
            var added = BestResponses(deadline);
            Report("best responses");
            added += FreeTheNeeded(deadline);
            Report("free");
            added += TightenBounds(deadline);
            Report("bounds");
            if (Reaches(bound))
            {
                return;
            }

            added += RuinAndRecreate(deadline);
            Report("ruin");
            if (Reaches(bound) || Left(deadline) <= TimeSpan.FromMilliseconds(50))
            {
                return;
            }

            // Half the time left for this master, so that later rounds can still add columns.
            var remaining = deadline.Remaining();
            var master = SolveMaster(Deadline.Start(remaining / 2), bound);
            var improved = master is not null && Consider(master);
            Report("master");
            if (added == 0 && !improved)
            {
                return;
            }
        }
    }

    /// <summary>The five levels of a plan (person-nights per tier, moves, journey minutes).</summary>
    public long[] Levels(List<Candidate>[] chains)
    {
        var levels = new long[5];
        foreach (var g in order)
        {
            var v = search.Value(g, chains[g]);
            levels[problem.Tier[g] - 1] += v.Nights * problem.People[g];
            levels[3] += v.Moves;
            levels[4] += v.Minutes;
        }

        return levels;
    }

    /// <summary>True when <paramref name="a"/> is lexicographically better than <paramref name="b"/>.</summary>
    public static bool Better(long[] a, long[] b)
    {
        for (var i = 0; i < 5; i++)
        {
            if (a[i] != b[i])
            {
                return i < 3 ? a[i] > b[i] : a[i] < b[i];
            }
        }

        return false;
    }

    /// <summary>Tells <see cref="StaysPlannerOptions.Progress"/> where the search stands after <paramref name="step"/>.</summary>
    private void Report(string step) =>
        progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
            $"{System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalSeconds:0.00} s {step}: plan {string.Join('/', Levels(Best))}, bound {string.Join('/', Bound)}, {columns.Sum(c => c.Count)} columns"));

    public bool Reaches() => Levels(Best).SequenceEqual(Bound);

    private bool Reaches(long[] bound) => Levels(Best).SequenceEqual(bound);

    private static TimeSpan Left(Deadline deadline) => deadline.Remaining() ?? TimeSpan.MaxValue;

    private bool Consider(List<Candidate>[] chains)
    {
        if (!Better(Levels(chains), Levels(Best)))
        {
            return false;
        }

        Best = chains;
        return true;
    }

    private List<Candidate>[] Greedy()
    {
        var chains = Enumerable.Range(0, problem.File.Guests.Count).Select(_ => new List<Candidate>()).ToArray();
        var occupancy = new Occupancy(problem);

        // The nights current stays must go on are taken first, so that no guest before them takes their beds (rule 8).
        var agreed = order.Select(problem.Agreed).ToArray();
        foreach (var part in agreed)
        {
            occupancy.Add(part);
        }

        for (var i = 0; i < order.Length; i++)
        {
            var g = order[i];
            occupancy.Remove(agreed[i]);
            if (search.Best(g, occupancy) is not { } best)
            {
                // Not expected (the agreed nights fit together); the first fit stays the plan.
                return Best;
            }

            chains[g] = best.Chain;
            AddColumn(g, chains[g]);
            occupancy.Add(chains[g]);
        }

        return chains;
    }

    /// <summary>Each guest in turn takes its best chain on the beds the others leave (a plan that only improves).</summary>
    private int BestResponses(Deadline deadline)
    {
        var chains = Best.Select(c => c.ToList()).ToArray();
        var occupancy = new Occupancy(problem);
        foreach (var g in order)
        {
            occupancy.Add(chains[g]);
        }

        var added = 0;
        foreach (var g in order)
        {
            if (Left(deadline) <= TimeSpan.FromMilliseconds(50))
            {
                break;
            }

            occupancy.Remove(chains[g]);
            if (search.Best(g, occupancy) is { } best)
            {
                added += AddColumn(g, best.Chain) ? 1 : 0;
                if (best.Value.IsBetterThan(search.Value(g, chains[g])))
                {
                    chains[g] = best.Chain;
                }
            }

            occupancy.Add(chains[g]);
        }

        Consider(chains);
        return added;
    }

    /// <summary>
    /// For each guest below its own optimum: the guests on the host-nights its optimum needs get columns that avoid them
    /// (their best chain elsewhere), so that the master can move them out of its way.
    /// </summary>
    private int FreeTheNeeded(Deadline deadline)
    {
        var occupancy = new Occupancy(problem);
        var at = new Dictionary<int, List<int>>();
        foreach (var g in order)
        {
            occupancy.Add(Best[g]);
            foreach (var c in Best[g])
            {
                for (var d = c.From; d < c.Until; d++)
                {
                    var key = Occupancy.Key(c.Host, d, problem.Days);
                    if (!at.TryGetValue(key, out var list))
                    {
                        at[key] = list = [];
                    }

                    list.Add(g);
                }
            }
        }

        var added = 0;
        foreach (var g in order)
        {
            if (Left(deadline) <= TimeSpan.FromMilliseconds(50))
            {
                break;
            }

            if (!search.Value(g, own[g]).IsBetterThan(search.Value(g, Best[g])))
            {
                continue;
            }

            occupancy.Remove(Best[g]);
            var needed = occupancy.Conflicts(g, own[g]).ToHashSet();
            var blockers = needed.SelectMany(k => at.GetValueOrDefault(k) ?? []).Where(o => o != g).Distinct().Order().ToArray();
            foreach (var o in blockers)
            {
                occupancy.Remove(Best[o]);
                added += search.Best(o, occupancy, needed) is { } elsewhere && AddColumn(o, elsewhere.Chain) ? 1 : 0;
                occupancy.Add(Best[o]);
            }

            // And its own best chain if those guests left: what the master can give it once they move.
            foreach (var o in blockers)
            {
                occupancy.Remove(Best[o]);
            }

            added += search.Best(g, occupancy) is { } freed && AddColumn(g, freed.Chain) ? 1 : 0;
            foreach (var o in blockers)
            {
                occupancy.Add(Best[o]);
            }

            occupancy.Add(Best[g]);
        }

        return added;
    }

    /// <summary>
    /// On the first level where the best plan is below its bound: the bound of the linear relaxation (<see cref="LevelBound"/>,
    /// a third of the time left, half for moves and journeys; resumed on later calls until solved to the end), then, at
    /// its prices, every chain a better plan could use, when there are few (again whenever the plan has improved). Where
    /// that shows the plan's value is the best, the level is proved and the next one is tried. Coverage bounds that come
    /// down make the moves and journeys bounds 0 (they held only for plans reaching them); moves bounds that go up make
    /// the journeys bound the journeys to the first stays.
    /// </summary>
    private int TightenBounds(Deadline deadline)
    {
        var added = 0;
        var levels = Levels(Best);
        for (var k = 0; k < 5; k++)
        {
            if (levels[k] == Bound[k])
            {
                continue;
            }

            // Journeys are priced exactly only where every guest's hosts are few enough.
            if (k == 4 && !order.All(search.JourneysExact))
            {
                break;
            }

            if (!relaxationSolved[k])
            {
                var start = own.Concat(Enumerable.Range(0, columns.Length).SelectMany(g => columns[g]));
                // Coverage proved, the cost levels' bounds decide the gap: half the time left for them, a third before.
                var share = Left(deadline) / (k >= 3 ? 2 : 3);
                var (relaxed, found, duals, solved) = LevelBound.Compute(problem, search, order, start, k, levels, Deadline.Start(share), progress,
                    relaxationDuals[k]);
                relaxationSolved[k] = solved;
                added += found.Count(chain => AddColumn(chain[0].Guest, chain));
                if (relaxed is { } value && k < 3 && (long)Math.Floor(value + 1e-6) < Bound[k])
                {
                    LowerCoverage(k, Math.Max(levels[k], (long)Math.Floor(value + 1e-6)));
                }
                else if (relaxed is { } cost && k >= 3 && (long)Math.Ceiling(cost - 1e-6) > Bound[k])
                {
                    RaiseCost(k, Math.Min(levels[k], (long)Math.Ceiling(cost - 1e-6)));
                }

                if (duals is not null && (relaxationDuals[k] is not { } known || duals.Lagrangian > known.Lagrangian))
                {
                    relaxationDuals[k] = duals;
                    enumeratedAt[k] = long.MinValue;
                }
            }

            // Still a gap: every chain a better plan could use, if there are few, and the master over them decides.
            if (levels[k] != Bound[k] && relaxationDuals[k] is { } prices && levels[k] != enumeratedAt[k])
            {
                TryEnumeration(k, prices, deadline);
                levels = Levels(Best);
            }

            if (levels[k] != Bound[k])
            {
                break;
            }
        }

        return added;
    }

    /// <summary>Coverage level <paramref name="k"/> cannot exceed <paramref name="bound"/>: the costs' bounds held only for plans reaching the old one.</summary>
    private void LowerCoverage(int k, long bound)
    {
        if (bound < Bound[k])
        {
            Bound[k] = bound;
            Bound[3] = 0;
            Bound[4] = 0;
        }
    }

    /// <summary>Moves or journeys (<paramref name="k"/>) cannot be below <paramref name="bound"/> for plans reaching the levels above.</summary>
    private void RaiseCost(int k, long bound)
    {
        if (bound <= Bound[k])
        {
            return;
        }

        Bound[k] = bound;
        if (k == 3)
        {
            // Only where every guest covers its own maximum does each guest with nights travel to a first stay.
            Bound[4] = !Bound.Take(3).SequenceEqual(ownCoverage) ? 0 : order.Where(g => own[g].Count > 0 && problem.CurrentHost[g] < 0)
                .Sum(g => (long)problem.Compatible[g].Min(h => problem.Journey(g, -1, h)));
        }
    }

    private void TryEnumeration(int k, LevelBound.Duals duals, Deadline deadline)
    {
        enumeratedAt[k] = Levels(Best)[k];
        if (ProveByEnumeration(k, duals, deadline) is not { } proved)
        {
            return;
        }

        Consider(proved.Plan);
        if (k < 3)
        {
            LowerCoverage(k, proved.Value);
        }
        else
        {
            RaiseCost(k, proved.Value);
        }
    }

    /// <summary>
    /// Level <paramref name="k"/> proved by listing, at the relaxation's prices, every chain a better plan than the best
    /// could use (<see cref="LevelBound.Enumerate"/>) and solving the master over them to optimality: its optimum, and the
    /// plan reaching it; null when there are too many chains or the master is not proved in half the time left.
    /// </summary>
    private (long Value, List<Candidate>[] Plan)? ProveByEnumeration(int k, LevelBound.Duals duals, Deadline deadline)
    {
        if (Left(deadline) <= TimeSpan.FromMilliseconds(100))
        {
            return null;
        }

        var sets = LevelBound.Enumerate(problem, search, order, duals, Levels(Best)[k], EnumerationLimit, EnumerationTotal,
            Deadline.Start(Left(deadline) / 4));
        Report(sets is null ? $"level {k + 1}: too many chains to list" : $"level {k + 1}: {sets.Sum(x => x.Count)} chains listed");
        return sets is null ? null : ProveLevel(k, sets, Deadline.Start(Left(deadline) / 2));
    }

    /// <summary>Above this many chains for one guest, the master would not be proved in time: the level is left to the search.</summary>
    private const int EnumerationLimit = 2_000;

    /// <summary>Above this many chains in all, the master would take longer to build than to be useful (one region: 5,481, proved in 1.2 s).</summary>
    private const int EnumerationTotal = 30_000;

    /// <summary>
    /// Large neighbourhoods: a guest not at its own optimum and the guests on the host-nights it has or would want (and a
    /// few others) leave the plan and come back one by one in a random order, each taking its best chain on the beds
    /// left. Every chain found becomes a column; a plan better than the best replaces it. Seeded: the same programme
    /// and the same number of rounds give the same plans.
    /// </summary>
    private int RuinAndRecreate(Deadline deadline)
    {
        var added = 0;
        var stop = Left(deadline) == TimeSpan.MaxValue ? TimeSpan.Zero : Left(deadline) * 2 / 3;
        var behind = order.Where(g => search.Value(g, own[g]).IsBetterThan(search.Value(g, Best[g]))).ToArray();
        for (var round = 0; round < order.Length && behind.Length > 0 && Left(deadline) > stop; round++)
        {
            var chains = Best.Select(c => c.ToList()).ToArray();
            var seed = behind[random.Next(behind.Length)];
            var wanted = own[seed].Concat(chains[seed])
                .SelectMany(c => Enumerable.Range(c.From, c.Nights).Select(d => (c.Host, Day: d))).ToHashSet();
            var removed = order.Where(g => g == seed || random.NextDouble() < 0.05
                    || chains[g].Any(c => wanted.Any(w => w.Host == c.Host && c.From <= w.Day && w.Day < c.Until)))
                .OrderBy(_ => random.Next()).ToList();
            removed.Remove(seed);
            removed.Insert(0, seed);
            var occupancy = new Occupancy(problem);
            foreach (var g in order.Except(removed))
            {
                occupancy.Add(chains[g]);
            }

            // Their agreed nights first (rule 8), as in the greedy.
            foreach (var g in removed)
            {
                occupancy.Add(problem.Agreed(g));
            }

            var complete = true;
            foreach (var g in removed)
            {
                occupancy.Remove(problem.Agreed(g));
                if (search.Best(g, occupancy) is not { } best)
                {
                    complete = false;
                    break;
                }

                chains[g] = best.Chain;
                added += AddColumn(g, best.Chain) ? 1 : 0;
                occupancy.Add(best.Chain);
            }

            if (complete && Consider(chains))
            {
                behind = order.Where(g => search.Value(g, own[g]).IsBetterThan(search.Value(g, Best[g]))).ToArray();
            }
        }

        return added;
    }

    private bool AddColumn(int g, List<Candidate> chain)
    {
        var key = ChainSearch.Key(chain);
        if (!keys[g].Add(key))
        {
            return false;
        }

        columns[g].Add(chain);
        return true;
    }

    /// <summary>One column per guest under rule 6; the levels one after the other, each fixed before the next once proved.</summary>
    private List<Candidate>[]? SolveMaster(Deadline deadline, long[] bound)
    {
        var (model, y, levels, hint) = BuildMaster(columns);
        if (Left(deadline) <= TimeSpan.FromMilliseconds(50))
        {
            return null;
        }

        var current = Levels(Best);
        List<Candidate>[]? found = null;
        for (var level = 0; level < 5; level++)
        {
            var maximise = level < 3;
            var value = current[level];
            if (Enumerable.Range(0, level + 1).All(i => current[i] == bound[i]))
            {
                // This level and those above at their bounds: nothing to search on it.
                model.Add(levels[level] == value);
                continue;
            }

            var share = Left(deadline) / (5 - level);
            if (share <= TimeSpan.FromMilliseconds(20))
            {
                break;
            }

            var (status, objective, solution) = Optimise(model, levels[level], maximise, hint, y, share);
            if (solution is not null && (maximise ? objective > value : objective < value))
            {
                value = objective;
                found = solution;
                current = Levels(found);
            }

            model.Add(status is CpSolverStatus.Optimal ? levels[level] == value : maximise ? levels[level] >= value : levels[level] <= value);
        }

        return found;
    }

    /// <summary>
    /// Level <paramref name="level"/>'s optimum over the plans whose levels above are the best plan's, picking one chain per
    /// guest among <paramref name="sets"/> and the best plan's own; null when not proved in time. When the sets hold every
    /// chain of every plan better than the best (<see cref="ProveByEnumeration"/>), this is the optimum over all plans.
    /// </summary>
    private (long Value, List<Candidate>[] Plan)? ProveLevel(int level, List<List<Candidate>>[] sets, Deadline deadline)
    {
        var (model, y, levels, hint) = BuildMaster(sets);
        var current = Levels(Best);
        for (var above = 0; above < level; above++)
        {
            model.Add(levels[above] == current[above]);
        }

        var (status, objective, solution) = Optimise(model, levels[level], level < 3, hint, y, Left(deadline));
        if (status != CpSolverStatus.Optimal || solution is null)
        {
            return null;
        }

        return (objective, solution);
    }

    private (CpSolverStatus Status, long Objective, List<Candidate>[]? Solution) Optimise(CpModel model, LinearExpr objective, bool maximise,
        Dictionary<BoolVar, long> hint, List<(int Guest, List<Candidate> Chain, BoolVar Variable)> y, TimeSpan limit)
    {
        if (maximise)
        {
            model.Maximize(objective);
        }
        else
        {
            model.Minimize(objective);
        }

        model.ClearHints();
        foreach (var (variable, hinted) in hint)
        {
            model.AddHint(variable, hinted);
        }

        var solver = new CpSolver
        {
            StringParameters = "num_workers:1 random_seed:0 linearization_level:2 log_search_progress:false max_time_in_seconds:"
                + Math.Max(0.01, limit.TotalSeconds).ToString("0.###", CultureInfo.InvariantCulture),
        };
        var status = solver.Solve(model);
        if (status is not (CpSolverStatus.Optimal or CpSolverStatus.Feasible))
        {
            return (status, 0, null);
        }

        var solution = Enumerable.Range(0, problem.File.Guests.Count).Select(_ => new List<Candidate>()).ToArray();
        foreach (var (g, chain, v) in y)
        {
            hint[v] = solver.Value(v);
            if (hint[v] == 1)
            {
                solution[g] = chain;
            }
        }

        return (status, (long)Math.Round(solver.ObjectiveValue), solution);
    }

    /// <summary>
    /// The master's model over <paramref name="sets"/> (each guest's chains; the best plan's chain is added where missing):
    /// exactly one chain per guest, rule 6 (beds, households, one category per host and night), the five levels as
    /// expressions, and the best plan as the hint.
    /// </summary>
    private (CpModel Model, List<(int Guest, List<Candidate> Chain, BoolVar Variable)> Y, LinearExpr[] Levels, Dictionary<BoolVar, long> Hint)
        BuildMaster(List<List<Candidate>>[] sets)
    {
        var model = new CpModel();
        var y = new List<(int Guest, List<Candidate> Chain, BoolVar Variable)>();
        var levelTerms = Enumerable.Range(0, 5).Select(_ => (Vars: new List<BoolVar>(), Coefficients: new List<long>())).ToArray();
        var covering = new Dictionary<int, List<(int Guest, BoolVar Variable)>>();
        var hint = new Dictionary<BoolVar, long>();
        foreach (var g in order)
        {
            var bestKey = ChainSearch.Key(Best[g]);
            var vars = new List<BoolVar>();
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var chain in sets[g].Append(Best[g]))
            {
                var key = ChainSearch.Key(chain);
                if (!seen.Add(key))
                {
                    continue;
                }

                var v = model.NewBoolVar($"y{g}_{vars.Count}");
                vars.Add(v);
                y.Add((g, chain, v));
                hint[v] = key == bestKey ? 1 : 0;
                var value = search.Value(g, chain);
                levelTerms[problem.Tier[g] - 1].Vars.Add(v);
                levelTerms[problem.Tier[g] - 1].Coefficients.Add(value.Nights * problem.People[g]);
                levelTerms[3].Vars.Add(v);
                levelTerms[3].Coefficients.Add(value.Moves);
                levelTerms[4].Vars.Add(v);
                levelTerms[4].Coefficients.Add(value.Minutes);
                foreach (var c in chain)
                {
                    for (var d = c.From; d < c.Until; d++)
                    {
                        var night = Occupancy.Key(c.Host, d, problem.Days);
                        if (!covering.TryGetValue(night, out var list))
                        {
                            covering[night] = list = [];
                        }

                        list.Add((g, v));
                    }
                }
            }

            model.AddExactlyOne(vars);
        }

        foreach (var (key, list) in covering)
        {
            var host = problem.File.Hosts[key / problem.Days];
            var guestsThere = list.Select(e => e.Guest).Distinct().ToArray();
            if (guestsThere.Sum(g => problem.People[g]) > host.Beds)
            {
                model.Add(LinearExpr.WeightedSum(list.Select(e => e.Variable), list.Select(e => (long)problem.People[e.Guest])) <= host.Beds);
            }

            if (guestsThere.Length > host.MaxHouseholds)
            {
                model.Add(LinearExpr.Sum(list.Select(e => e.Variable)) <= host.MaxHouseholds);
            }

            var categories = guestsThere.Select(g => problem.Category[g]).Distinct().ToArray();
            if (categories.Length > 1 && host.MaxHouseholds > 1)
            {
                var chosen = categories.ToDictionary(c => c, c => model.NewBoolVar($"c{key}_{c}"));
                model.AddAtMostOne(chosen.Values);
                foreach (var (g, v) in list)
                {
                    model.AddImplication(v, chosen[problem.Category[g]]);
                }
            }
        }

        var levels = levelTerms.Select(t => (LinearExpr)LinearExpr.WeightedSum(t.Vars, t.Coefficients)).ToArray();
        return (model, y, levels, hint);
    }
}
