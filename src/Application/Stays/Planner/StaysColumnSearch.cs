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

    public StaysColumnSearch(StaysProblem problem, ChainSearch search, StaysBounds bounds, List<Candidate>[] own, List<Candidate>[] firstFit)
    {
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
        var tried = new bool[5];
        while (!Reaches(bound) && Left(deadline) > TimeSpan.FromMilliseconds(50))
        {
            var added = BestResponses(deadline);
            added += FreeTheNeeded(deadline);
            added += TightenBounds(tried, deadline);
            added += RuinAndRecreate(deadline);
            if (Reaches(bound) || Left(deadline) <= TimeSpan.FromMilliseconds(50))
            {
                return;
            }

            // Half the time left for this master, so that later rounds can still add columns.
            var remaining = deadline.Remaining();
            var master = SolveMaster(Deadline.Start(remaining / 2), bound);
            var improved = master is not null && Consider(master);
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
    /// On the first level where the best plan is below its bound, once per level: the bound of the linear relaxation
    /// (<see cref="LevelBound"/>, a third of the time left). Where it shows the plan's value is the best, that level is
    /// proved and the next one is tried. Coverage bounds that come down make the moves and journeys bounds 0 (they held
    /// only for plans reaching them); moves bounds that go up make the journeys bound the journeys to the first stays.
    /// </summary>
    private int TightenBounds(bool[] tried, Deadline deadline)
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
            if (tried[k] || (k == 4 && !order.All(search.JourneysExact)))
            {
                break;
            }

            tried[k] = true;
            var start = own.Concat(Enumerable.Range(0, columns.Length).SelectMany(g => columns[g]));
            var (relaxed, found) = LevelBound.Compute(problem, search, order, start, k, levels, Deadline.Start(Left(deadline) / 3));
            added += found.Count(chain => AddColumn(chain[0].Guest, chain));
            if (relaxed is not { } value)
            {
                break;
            }

            if (k < 3 && (long)Math.Floor(value + 1e-6) < Bound[k])
            {
                Bound[k] = Math.Max(levels[k], (long)Math.Floor(value + 1e-6));
                Bound[3] = 0;
                Bound[4] = 0;
            }
            else if (k >= 3 && (long)Math.Ceiling(value - 1e-6) > Bound[k])
            {
                Bound[k] = Math.Min(levels[k], (long)Math.Ceiling(value - 1e-6));
                if (k == 3)
                {
                    // Only where every guest covers its own maximum does each guest with nights travel to a first stay.
                    Bound[4] = !Bound.Take(3).SequenceEqual(ownCoverage) ? 0 : order.Where(g => own[g].Count > 0 && problem.CurrentHost[g] < 0)
                        .Sum(g => (long)problem.Compatible[g].Min(h => problem.Journey(g, -1, h)));
                }
            }

            if (levels[k] != Bound[k])
            {
                break;
            }
        }

        return added;
    }

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
        var key = string.Join(';', chain.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Host},{c.From},{c.Until}")));
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
        var model = new CpModel();
        var y = new List<(int Guest, int Column, BoolVar Variable)>();
        var levelTerms = Enumerable.Range(0, 5).Select(_ => (Vars: new List<BoolVar>(), Coefficients: new List<long>())).ToArray();
        var covering = new Dictionary<int, List<(int Guest, BoolVar Variable)>>();
        var hint = new Dictionary<BoolVar, long>();
        var bestKeys = Best.Select(chain => string.Join(';', chain.Select(c => $"{c.Host},{c.From},{c.Until}"))).ToArray();
        foreach (var g in order)
        {
            var vars = new List<BoolVar>();
            for (var k = 0; k < columns[g].Count; k++)
            {
                var chain = columns[g][k];
                var v = model.NewBoolVar($"y{g}_{k}");
                vars.Add(v);
                y.Add((g, k, v));
                hint[v] = string.Join(';', chain.Select(c => $"{c.Host},{c.From},{c.Until}")) == bestKeys[g] ? 1 : 0;
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
                        var key = Occupancy.Key(c.Host, d, problem.Days);
                        if (!covering.TryGetValue(key, out var list))
                        {
                            covering[key] = list = [];
                        }

                        list.Add((g, v));
                    }
                }
            }

            model.AddExactlyOne(vars);
        }

        if (Left(deadline) <= TimeSpan.FromMilliseconds(50))
        {
            return null;
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

        var levels = levelTerms.Select(t => LinearExpr.WeightedSum(t.Vars, t.Coefficients)).ToArray();
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

            if (maximise)
            {
                model.Maximize(levels[level]);
            }
            else
            {
                model.Minimize(levels[level]);
            }

            model.ClearHints();
            foreach (var (variable, hinted) in hint)
            {
                model.AddHint(variable, hinted);
            }

            var share = Left(deadline) / (5 - level);
            if (share <= TimeSpan.FromMilliseconds(20))
            {
                break;
            }

            var solver = new CpSolver
            {
                StringParameters = "num_workers:1 random_seed:0 log_search_progress:false max_time_in_seconds:"
                    + share.TotalSeconds.ToString("0.###", CultureInfo.InvariantCulture),
            };
            var status = solver.Solve(model);
            var solved = status is CpSolverStatus.Optimal or CpSolverStatus.Feasible;
            var objective = solved ? (long)Math.Round(solver.ObjectiveValue) : value;
            if (solved && (maximise ? objective > value : objective < value))
            {
                value = objective;
                found = Enumerable.Range(0, problem.File.Guests.Count).Select(_ => new List<Candidate>()).ToArray();
                foreach (var (g, k, v) in y)
                {
                    hint[v] = solver.Value(v);
                    if (hint[v] == 1)
                    {
                        found[g] = columns[g][k];
                    }
                }

                current = Levels(found);
            }

            model.Add(status is CpSolverStatus.Optimal ? levels[level] == value : maximise ? levels[level] >= value : levels[level] <= value);
        }

        return found;
    }
}
