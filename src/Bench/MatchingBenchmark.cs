using System.Diagnostics;
using System.Globalization;
using HostingMatch.Application.Demo;
using HostingMatch.Application.Matching;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.Bench;

/// <summary>
/// The matching engine on generated nights of three sizes, against the greedy baseline a coordinator
/// does by hand. Sizes run in increasing order so that the process's peak working set after each one is
/// that size's peak. Options: <c>--seed N</c> (default 1), <c>--runs N</c> for the 40 x 80 median (default 21),
/// <c>--city-seconds N</c> (time limit for 400 x 1,000, default 5), <c>--network-seconds N</c> (time budget of the whole
/// network, default 14: each base gets what is left divided by the bases left, so a base proved early leaves its time to the next).
/// </summary>
internal static class MatchingBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var seed = Option(args, "--seed", 1);
        var runs = Option(args, "--runs", 21);
        var cityLimit = TimeSpan.FromSeconds(Option(args, "--city-seconds", 5));
        var networkBudget = TimeSpan.FromSeconds(Option(args, "--network-seconds", 14));

        // Warm up the JIT and OR-Tools' native library on a different night: a nightly run pays that once.
        MatchingEngine.Solve(ParisNightGenerator.Generate(seed + 99, 80, 40).Night);

        var rows = new List<string>();
        var real = ParisNightGenerator.Generate(seed, hosts: 80, people: 40).Night;
        var times = new List<double>();
        Plan? plan = null;
        for (var r = 0; r < runs; r++)
        {
            var started = Stopwatch.GetTimestamp();
            plan = MatchingEngine.Solve(real);
            times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }

        times.Sort();
        Console.Error.WriteLine($"40 x 80 done, median {times[times.Count / 2]:0.0} ms");
        rows.Add(Row($"40 people x 80 hosts ({real.Households.Count} households), median of {runs}", times[times.Count / 2], [plan!], [GreedyMatcher.Solve(real)]));

        var city = ParisNightGenerator.Generate(seed, hosts: 1000, people: 400).Night;
        var cityStarted = Stopwatch.GetTimestamp();
        var cityPlan = MatchingEngine.Solve(city, new MatchingOptions(cityLimit));
        Console.Error.WriteLine($"400 x 1000 done in {Stopwatch.GetElapsedTime(cityStarted).TotalMilliseconds:0} ms, optimal {cityPlan.Optimal}");
        rows.Add(Row($"400 people x 1,000 hosts ({city.Households.Count} households), limit {cityLimit.TotalSeconds:0} s", Stopwatch.GetElapsedTime(cityStarted).TotalMilliseconds, [cityPlan], [GreedyMatcher.Solve(city)]));

        var network = ParisNightGenerator.GenerateNetwork(seed, bases: 20, hosts: 20_000, people: 5_000).Select(g => g.Night).ToList();
        var (networkPlans, networkMs) = SolveNetwork(network, networkBudget);
        rows.Add(Row($"5,000 people x 20,000 hosts, 20 bases ({network.Sum(n => n.Households.Count)} households), budget {networkBudget.TotalSeconds:0} s shared by the bases, total",
            networkMs, networkPlans, network.Select(n => GreedyMatcher.Solve(n)).ToList()));

        Console.WriteLine("| Night | Wall time | Peak working set | Proved optimal | Engine placed (tier 1 / 2 / 3) | Greedy placed (tier 1 / 2 / 3) | Slowest base |");
        Console.WriteLine("|---|---:|---:|---|---|---|---:|");
        foreach (var row in rows)
        {
            Console.WriteLine(row);
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Seed {seed}; {Environment.ProcessorCount} cores; .NET {Environment.Version}; engine single-threaded (one CP-SAT worker)."));

        var worse = rows.Count(r => r.Contains("FEWER", StringComparison.Ordinal));
        return Task.FromResult(worse == 0 ? 0 : 1);
    }

    /// <summary>
    /// The bases one after the other; each gets, when it starts, the budget left divided by the bases left, so the time
    /// a base proved early does not need goes to the next ones.
    /// </summary>
    private static (Plan[] Plans, double Milliseconds) SolveNetwork(List<NightFile> network, TimeSpan budget)
    {
        var started = Stopwatch.GetTimestamp();
        var plans = new Plan[network.Count];
        for (var i = 0; i < network.Count; i++)
        {
            var left = budget - Stopwatch.GetElapsedTime(started);
            var limit = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond, left.Ticks / (network.Count - i)));
            plans[i] = MatchingEngine.Solve(network[i], new MatchingOptions(limit));
            Console.Error.WriteLine($"base {network[i].Base.Name}: {plans[i].Summary.SolveMilliseconds} ms (limit {limit.TotalMilliseconds:0}), optimal {plans[i].Optimal}{(plans[i].Optimal ? "" : $", gap {plans[i].Gap:G2}")}");
        }

        return (plans, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }

    private static string Row(string name, double milliseconds, IReadOnlyList<Plan> plans, IReadOnlyList<Plan> greedy)
    {
        var peak = Process.GetCurrentProcess().PeakWorkingSet64 / (1024.0 * 1024.0);
        var proved = plans.Count(p => p.Optimal);
        var gaps = plans.Where(p => !p.Optimal).Select(p => p.Gap ?? 1).ToList();
        var optimality = plans.Count == 1
            ? (plans[0].Optimal ? "yes" : $"no, gap {gaps[0]:G2}")
            : proved == plans.Count ? $"yes, {proved}/{plans.Count} bases" : $"{proved}/{plans.Count} bases, worst gap {gaps.Max():G2}";
        var engine = Sum(plans);
        var baseline = Sum(greedy);
        var fewer = Enumerable.Range(0, plans.Count).Any(i => plans[i].Summary.PeoplePlaced[0] < greedy[i].Summary.PeoplePlaced[0]);
        var slowest = plans.Count == 1 ? "" : $"{plans.Max(p => p.Summary.SolveMilliseconds)} ms";
        return string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {milliseconds:0.0} ms | {peak:0} MiB | {optimality} | {engine} | {baseline}{(fewer ? " (engine places FEWER tier 1)" : "")} | {slowest} |");
    }

    private static string Sum(IReadOnlyList<Plan> plans) =>
        string.Join(" / ", Enumerable.Range(0, 3).Select(t => plans.Sum(p => p.Summary.PeoplePlaced[t])));

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
