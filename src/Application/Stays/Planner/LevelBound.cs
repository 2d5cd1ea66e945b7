using System.Globalization;
using Google.OrTools.LinearSolver;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.Application.Stays.Planner;

/// <summary>
/// A bound on one level of the objective over the plans that reach given values on the levels above it: the linear
/// relaxation of "one chain per guest under beds and households" (categories left out, each level above as an equality),
/// solved by column generation, the pricing being <see cref="ChainSearch"/> with the duals as prices per night covered,
/// per move, per journey minute and per host-night taken. Every round's duals give a Lagrangian bound that holds for every
/// such plan, so a round cut short by the clock keeps the best bound so far.
/// </summary>
internal static class LevelBound
{
    /// <summary>Prices are integers in the chain search: duals times this, rounded down (the bound only gets weaker).</summary>
    private const double Scale = 1_000_000;

    /// <summary>An artificial column's cost per guest left without a chain or per unit of a level row missed.</summary>
    private const double Penalty = 100_000;

    /// <summary>
    /// A bound on level <paramref name="level"/> (0-2: person-nights of that tier, an upper bound; 3 moves, 4 journey
    /// minutes, lower bounds) over plans whose levels above equal <paramref name="above"/>, or null if none was found
    /// in time; the chains the pricing found (good columns for plans); the prices of the best bound; and whether the
    /// relaxation was solved to the end (else a later call, starting from those columns, can raise the bound further).
    /// </summary>
    public static (double? Bound, List<List<Candidate>> Columns, Duals? Duals, bool Converged) Compute(StaysProblem problem, ChainSearch search, int[] guests,
        IEnumerable<List<Candidate>> start, int level, long[] above, Deadline deadline, Action<string>? progress = null, Duals? resume = null)
    {
        // Resuming: the best bound so far and its prices still hold (same level, same levels above) and centre the smoothing.
        var bestDuals = resume;
        var agreed = Occupancy.Agreed(problem, guests);

        var columns = new List<(int Guest, List<Candidate> Chain, double[] Levels)>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var found = new List<List<Candidate>>();
        foreach (var chain in start)
        {
            if (chain.Count > 0)
            {
                Add(chain[0].Guest, chain);
            }
        }

        foreach (var g in guests)
        {
            Add(g, []);
        }

        double? best = resume?.Lagrangian;
        var center = resume?.Center;
        var mispriced = false;
        var engine = "GLOP";
        var converged = false;
        while (Left(deadline) > TimeSpan.FromMilliseconds(100))
        {
            using var lp = Solver.CreateSolver(engine);
            var objective = lp.Objective();
            objective.SetMinimization();
            var convexity = new Dictionary<int, Constraint>();
            foreach (var g in guests)
            {
                convexity[g] = lp.MakeConstraint(1, 1);
                var artificial = lp.MakeNumVar(0, double.PositiveInfinity, "");
                objective.SetCoefficient(artificial, Penalty);
                convexity[g].SetCoefficient(artificial, 1);
            }

            var rows = new Constraint[level];
            for (var j = 0; j < level; j++)
            {
                rows[j] = lp.MakeConstraint(above[j], above[j]);
                var over = lp.MakeNumVar(0, double.PositiveInfinity, "");
                var under = lp.MakeNumVar(0, double.PositiveInfinity, "");
                objective.SetCoefficient(over, Penalty);
                objective.SetCoefficient(under, Penalty);
                rows[j].SetCoefficient(over, -1);
                rows[j].SetCoefficient(under, 1);
            }

            var covering = new Dictionary<int, List<int>>();
            var y = new List<Variable>();
            for (var i = 0; i < columns.Count; i++)
            {
                var v = lp.MakeNumVar(0, double.PositiveInfinity, "");
                y.Add(v);
                objective.SetCoefficient(v, Sign(level) * columns[i].Levels[level]);
                convexity[columns[i].Guest].SetCoefficient(v, 1);
                for (var j = 0; j < level; j++)
                {
                    rows[j].SetCoefficient(v, columns[i].Levels[j]);
                }

                foreach (var c in columns[i].Chain)
                {
                    for (var d = c.From; d < c.Until; d++)
                    {
                        var key = Occupancy.Key(c.Host, d, problem.Days);
                        if (!covering.TryGetValue(key, out var list))
                        {
                            covering[key] = list = [];
                        }

                        list.Add(i);
                    }
                }
            }

            var beds = new Dictionary<int, Constraint>();
            var households = new Dictionary<int, Constraint>();
            foreach (var (key, list) in covering)
            {
                var host = problem.File.Hosts[key / problem.Days];
                var there = list.Select(i => columns[i].Guest).Distinct().ToArray();
                if (there.Sum(g => problem.People[g]) > host.Beds)
                {
                    var ct = lp.MakeConstraint(double.NegativeInfinity, host.Beds);
                    list.ForEach(i => ct.SetCoefficient(y[i], problem.People[columns[i].Guest]));
                    beds[key] = ct;
                }

                if (there.Length > host.MaxHouseholds)
                {
                    var ct = lp.MakeConstraint(double.NegativeInfinity, host.MaxHouseholds);
                    list.ForEach(i => ct.SetCoefficient(y[i], 1));
                    households[key] = ct;
                }
            }

            var status = lp.Solve();
            if (status == Solver.ResultStatus.ABNORMAL && engine == "GLOP")
            {
                // GLOP sometimes gives up on these degenerate masters (four regions, after a dozen rounds): CLP from then on.
                engine = "CLP";
                continue;
            }

            if (status != Solver.ResultStatus.OPTIMAL)
            {
                progress?.Invoke($"  level {level + 1} relaxation: the LP ended {status}");
                break;
            }

            // The LP's duals, and the prices the chains are sought at: smoothed towards those of the best bound so far
            // (Wentges), which shortens column generation's long tail; any prices give a valid bound.
            var lpPrices = new Prices(
                beds.ToDictionary(e => e.Key, e => Math.Max(0, -e.Value.DualValue())),
                households.ToDictionary(e => e.Key, e => Math.Max(0, -e.Value.DualValue())),
                [.. rows.Select(r => r.DualValue())]);
            // Smoothing towards a centre far from the LP (the first rounds' level prices can be the artificial columns'
            // penalty) only drags the bound along for rounds: price at the LP's duals until the bound is within half of it.
            var lpValue = objective.Value();
            var near = best is { } sofar && lpValue - sofar <= 0.5 * Math.Max(1, Math.Abs(lpValue));
            var weight = center is null || mispriced || !near ? 0 : Smoothing;
            var prices = center is null ? lpPrices : Prices.Between(center, lpPrices, weight);
            var lagrangian = -prices.Beds.Sum(e => e.Value * problem.File.Hosts[e.Key / problem.Days].Beds)
                - prices.Households.Sum(e => e.Value * problem.File.Hosts[e.Key / problem.Days].MaxHouseholds)
                + Enumerable.Range(0, level).Sum(j => prices.Levels[j] * above[j]);
            var added = 0;
            var complete = true;
            var roundPricing = new Dictionary<int, ChainPricing>();
            foreach (var g in guests)
            {
                if (Left(deadline) <= TimeSpan.FromMilliseconds(50))
                {
                    complete = false;
                    break;
                }

                var pricing = prices.For(problem, g, level);
                agreed.Remove(problem.Agreed(g));
                var priced = search.Best(g, agreed, pricing: pricing);
                agreed.Add(problem.Agreed(g));
                if (priced is not { } p)
                {
                    complete = false;
                    break;
                }

                roundPricing[g] = pricing;
                lagrangian += p.Value.Minutes / Scale;

                // A column only if the LP can use it: its reduced cost at the LP's own duals is negative.
                var atLp = weight == 0 ? p.Value.Minutes : search.Cost(g, p.Chain, lpPrices.For(problem, g, level));
                if (atLp / Scale - convexity[g].DualValue() < -1e-6 && Add(g, p.Chain))
                {
                    added++;
                    found.Add(p.Chain);
                }
            }

            if (!complete)
            {
                progress?.Invoke($"  level {level + 1} relaxation: cut short after {roundPricing.Count} of {guests.Length} guests");
                break;
            }

            if (best is not { } previous || lagrangian > previous)
            {
                best = lagrangian;
                center = prices;
                bestDuals = new Duals(level, lagrangian, roundPricing, prices);
            }

            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"  level {level + 1} relaxation: restricted LP {objective.Value() * Sign(level):0.###}, Lagrangian bound {lagrangian * Sign(level):0.###}, {added} columns added"));

            // Nothing new at the LP's duals: the LP is optimal. At smoothed prices: price at the LP's next.
            if (added == 0 && weight == 0)
            {
                converged = true;
                break;
            }

            mispriced = added == 0;
        }

        return (best is { } bound ? Sign(level) * bound : null, found, bestDuals, converged);

        bool Add(int g, List<Candidate> chain)
        {
            var key = g + ":" + ChainSearch.Key(chain);
            if (!seen.Add(key))
            {
                return false;
            }

            var value = search.Value(g, chain);
            var levels = new double[5];
            levels[problem.Tier[g] - 1] = value.Nights * problem.People[g];
            levels[3] = value.Moves;
            levels[4] = value.Minutes;
            columns.Add((g, chain, levels));
            return true;
        }
    }

    /// <summary>How far the prices chains are sought at lean towards those of the best bound so far.</summary>
    private const double Smoothing = 0.5;

    /// <summary>Prices of the relaxation's rows: a bed and a household place per host-night (never negative), each level above.</summary>
    internal sealed record Prices(Dictionary<int, double> Beds, Dictionary<int, double> Households, double[] Levels)
    {
        /// <summary><paramref name="weight"/> of <paramref name="a"/>'s prices and the rest of <paramref name="b"/>'s.</summary>
        public static Prices Between(Prices a, Prices b, double weight)
        {
            Dictionary<int, double> Mix(Dictionary<int, double> x, Dictionary<int, double> y) =>
                x.Keys.Union(y.Keys).ToDictionary(k => k, k => (weight * x.GetValueOrDefault(k)) + ((1 - weight) * y.GetValueOrDefault(k)));
            return new(Mix(a.Beds, b.Beds), Mix(a.Households, b.Households), [.. a.Levels.Zip(b.Levels, (x, y) => (weight * x) + ((1 - weight) * y))]);
        }

        /// <summary>
        /// A chain's price for guest <paramref name="g"/> at level <paramref name="level"/>: per night, per move, per minute,
        /// per host-night taken; integers (times <see cref="Scale"/>, rounded down: the bound only gets weaker).
        /// </summary>
        public ChainPricing For(StaysProblem problem, int g, int level)
        {
            double Coefficient(int j) => (j == level ? Sign(level) : 0) - (j < level ? Levels[j] : 0);
            var perNight = Coefficient(problem.Tier[g] - 1) * problem.People[g];
            var hostNights = new Dictionary<int, long>();
            foreach (var (key, price) in Beds)
            {
                hostNights[key] = (long)Math.Floor(price * problem.People[g] * Scale);
            }

            foreach (var (key, price) in Households)
            {
                hostNights[key] = hostNights.GetValueOrDefault(key) + (long)Math.Floor(price * Scale);
            }

            return new ChainPricing((long)Math.Floor(Coefficient(3) * Scale), hostNights, (long)Math.Floor(perNight * Scale),
                (long)Math.Floor(Coefficient(4) * Scale));
        }
    }

    /// <summary>Coverage levels are maximised: the relaxation minimises their opposite.</summary>
    public static double Sign(int level) => level < 3 ? -1 : 1;

    /// <summary>
    /// Every chain that a plan better than <paramref name="incumbent"/> (level <see cref="Duals.Level"/>'s value of the best
    /// plan, the levels above being fixed) could use, per guest; null when some guest has more than
    /// <paramref name="limit"/>, all together more than <paramref name="totalLimit"/>, or time runs out. For any such
    /// plan, its value (as minimised, in <see cref="Sign"/>) is at least the Lagrangian bound plus, over its guests, how
    /// much dearer each guest's chain is than its cheapest at these prices; so no chain dearer than that by more than
    /// <c>incumbent - 1 - bound</c> can be in it (levels are integers).
    /// </summary>
    public static List<List<Candidate>>[]? Enumerate(StaysProblem problem, ChainSearch search, int[] guests, Duals duals, long incumbent,
        int limit, int totalLimit, Deadline deadline)
    {
        var slack = (Sign(duals.Level) * incumbent) - 1 - duals.Lagrangian;
        if (slack < -1e-6)
        {
            return null;
        }

        // A thousandth of a unit over: prices are rounded, and a chain too many only costs time.
        var scaled = (long)Math.Floor((slack + 1e-3) * Scale);
        var agreed = Occupancy.Agreed(problem, guests);

        var sets = Enumerable.Range(0, problem.File.Guests.Count).Select(_ => new List<List<Candidate>>()).ToArray();
        var listed = 0;
        foreach (var g in guests)
        {
            if (deadline.IsSpent)
            {
                return null;
            }

            agreed.Remove(problem.Agreed(g));
            var within = search.Within(g, agreed, duals.Pricing[g], scaled, Math.Min(limit, totalLimit - listed));
            agreed.Add(problem.Agreed(g));
            if (within is null)
            {
                return null;
            }

            sets[g] = [.. within.Select(w => w.Chain)];
            listed += within.Count;
        }

        return sets;
    }

    /// <summary>The round that gave the best Lagrangian bound (as minimised): its bound, each guest's prices, and the prices it smoothed towards.</summary>
    internal sealed record Duals(int Level, double Lagrangian, IReadOnlyDictionary<int, ChainPricing> Pricing, Prices Center);

    private static TimeSpan Left(Deadline deadline) => deadline.Remaining() ?? TimeSpan.MaxValue;
}
