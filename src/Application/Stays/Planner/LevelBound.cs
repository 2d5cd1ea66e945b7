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
    /// in time; and the chains the pricing found (good columns for plans).
    /// </summary>
    public static (double? Bound, List<List<Candidate>> Columns, Duals? Duals) Compute(StaysProblem problem, ChainSearch search, int[] guests,
        IEnumerable<List<Candidate>> start, int level, long[] above, Deadline deadline, Action<string>? progress = null)
    {
        Duals? bestDuals = null;
        var agreed = new Occupancy(problem);
        foreach (var g in guests)
        {
            agreed.Add(problem.Agreed(g));
        }

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

        double? best = null;
        while (Left(deadline) > TimeSpan.FromMilliseconds(100))
        {
            using var lp = Solver.CreateSolver("GLOP");
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

            if (lp.Solve() != Solver.ResultStatus.OPTIMAL)
            {
                break;
            }

            // Lagrangian bound: each guest's cheapest chain at the duals' prices, plus the priced right-hand sides.
            var bedPrice = beds.ToDictionary(e => e.Key, e => Math.Max(0, -e.Value.DualValue()));
            var householdPrice = households.ToDictionary(e => e.Key, e => Math.Max(0, -e.Value.DualValue()));
            var alpha = rows.Select(r => r.DualValue()).ToArray();
            var lagrangian = -bedPrice.Sum(e => e.Value * problem.File.Hosts[e.Key / problem.Days].Beds)
                - householdPrice.Sum(e => e.Value * problem.File.Hosts[e.Key / problem.Days].MaxHouseholds)
                + Enumerable.Range(0, level).Sum(j => alpha[j] * above[j]);
            var added = 0;
            var complete = true;
            var roundPricing = new Dictionary<int, ChainPricing>();
            var roundCheapest = new Dictionary<int, long>();
            foreach (var g in guests)
            {
                if (Left(deadline) <= TimeSpan.FromMilliseconds(50))
                {
                    complete = false;
                    break;
                }

                // A chain's reduced cost: per night, per move, per minute, per host-night taken.
                double Coefficient(int j) => (j == level ? Sign(level) : 0) - (j < level ? alpha[j] : 0);
                var tier = problem.Tier[g] - 1;
                var perNight = Coefficient(tier) * problem.People[g];
                var prices = new Dictionary<int, long>();
                foreach (var (key, price) in bedPrice)
                {
                    prices[key] = (long)Math.Floor(price * problem.People[g] * Scale);
                }

                foreach (var (key, price) in householdPrice)
                {
                    prices[key] = prices.GetValueOrDefault(key) + (long)Math.Floor(price * Scale);
                }

                var pricing = new ChainPricing((long)Math.Floor(Coefficient(3) * Scale), prices, (long)Math.Floor(perNight * Scale),
                    (long)Math.Floor(Coefficient(4) * Scale));
                agreed.Remove(problem.Agreed(g));
                var priced = search.Best(g, agreed, pricing: pricing);
                agreed.Add(problem.Agreed(g));
                if (priced is not { } p)
                {
                    complete = false;
                    break;
                }

                var cost = p.Value.Minutes / Scale;
                roundPricing[g] = pricing;
                roundCheapest[g] = p.Value.Minutes;
                lagrangian += cost;
                if (cost - convexity[g].DualValue() < -1e-6 && Add(g, p.Chain))
                {
                    added++;
                    found.Add(p.Chain);
                }
            }

            if (!complete)
            {
                break;
            }

            if (best is not { } previous || lagrangian > previous)
            {
                best = lagrangian;
                bestDuals = new Duals(level, lagrangian, roundPricing, roundCheapest);
            }

            progress?.Invoke(string.Create(CultureInfo.InvariantCulture,
                $"  level {level + 1} relaxation: restricted LP {objective.Value() * Sign(level):0.###}, Lagrangian bound {lagrangian * Sign(level):0.###}, {added} columns added"));

            if (added == 0)
            {
                break;
            }
        }

        return (best is { } bound ? Sign(level) * bound : null, found, bestDuals);

        bool Add(int g, List<Candidate> chain)
        {
            var key = g + ":" + string.Join(';', chain.Select(c => $"{c.Host},{c.From},{c.Until}"));
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

    /// <summary>Coverage levels are maximised: the relaxation minimises their opposite.</summary>
    public static double Sign(int level) => level < 3 ? -1 : 1;

    /// <summary>
    /// Every chain that a plan better than <paramref name="incumbent"/> (level <see cref="Duals.Level"/>'s value of the best
    /// plan, the levels above being fixed) could use, per guest; null when some guest has more than
    /// <paramref name="limit"/> or time runs out. For any such plan, its value (as minimised, in <see cref="Sign"/>) is at
    /// least the Lagrangian bound plus, over its guests, how much dearer each guest's chain is than its cheapest at these
    /// prices; so no chain dearer than that by more than <c>incumbent - 1 - bound</c> can be in it (levels are integers).
    /// </summary>
    public static List<List<Candidate>>[]? Enumerate(StaysProblem problem, ChainSearch search, int[] guests, Duals duals, long incumbent,
        int limit, Deadline deadline)
    {
        var slack = (Sign(duals.Level) * incumbent) - 1 - duals.Lagrangian;
        if (slack < -1e-6)
        {
            return null;
        }

        // A thousandth of a unit over: prices are rounded, and a chain too many only costs time.
        var scaled = (long)Math.Floor((slack + 1e-3) * Scale);
        var agreed = new Occupancy(problem);
        foreach (var g in guests)
        {
            agreed.Add(problem.Agreed(g));
        }

        var sets = Enumerable.Range(0, problem.File.Guests.Count).Select(_ => new List<List<Candidate>>()).ToArray();
        foreach (var g in guests)
        {
            if (deadline.IsSpent)
            {
                return null;
            }

            agreed.Remove(problem.Agreed(g));
            var within = search.Within(g, agreed, duals.Pricing[g], scaled, limit);
            agreed.Add(problem.Agreed(g));
            if (within is null)
            {
                return null;
            }

            sets[g] = [.. within.Select(w => w.Chain)];
        }

        return sets;
    }

    /// <summary>The prices of the round that gave the best Lagrangian bound (as minimised), each guest's and its cheapest chain's cost.</summary>
    internal sealed record Duals(int Level, double Lagrangian, IReadOnlyDictionary<int, ChainPricing> Pricing, IReadOnlyDictionary<int, long> Cheapest);

    private static TimeSpan Left(Deadline deadline) => deadline.Remaining() ?? TimeSpan.MaxValue;
}
