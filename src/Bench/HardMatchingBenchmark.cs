using System.Diagnostics;
using System.Globalization;
using HostingMatch.Application.Demo;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Domain.Requests;

namespace HostingMatch.Bench;

/// <summary>
/// The matching engine on the hard generated nights (<see cref="HardNightGenerator"/>): per size and kind, several seeds,
/// the median and slowest solve (wall time, and the process's CPU time, which the other users of a shared machine disturb
/// less), how many were proved, and whether greedy ever placed more tier-1 people.
/// Options: <c>--seeds N</c> (default 10), <c>--seconds N</c> (time limit per night, default 60), <c>--only 40x80</c> (one size), <c>--kind Tight</c> (one kind).
/// </summary>
internal static class HardMatchingBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        var seeds = Option(args, "--seeds", 10);
        var limit = TimeSpan.FromSeconds(Option(args, "--seconds", 60));
        var only = args.SkipWhile(a => a != "--only").Skip(1).FirstOrDefault();
        var onlyKind = args.SkipWhile(a => a != "--kind").Skip(1).FirstOrDefault();
        MatchingEngine.Solve(HardNightGenerator.Generate(999, 80, 40, HardNightKind.Tight));
        var failed = false;
        Console.WriteLine("| Night | Kind | Nights | Median | Slowest | Median CPU | Slowest CPU | Proved | Greedy left someone placeable out | Engine vs greedy tier 1 |");
        Console.WriteLine("|---|---|---:|---:|---:|---:|---:|---|---:|---|");
        // 850 people make about 400 households: the issue's "400 households x 1,000 hosts" night, beside 400 people.
        foreach (var (people, hosts) in new[] { (40, 80), (40, 400), (400, 1000), (850, 1000) })
        {
            if (only is not null && only != $"{people}x{hosts}")
            {
                continue;
            }

            // Paris: the existing generator (ParisNightGenerator), the nights of the matching benchmark, at the same sizes.
            foreach (var kind in Enum.GetNames<HardNightKind>().Append(Paris).Where(k => onlyKind is null || k == onlyKind))
            {
                var times = new List<double>();
                var cpu = new List<double>();
                var proved = 0;
                var greedyShort = 0;
                var fewer = 0;
                var more = 0;
                for (var seed = 1; seed <= seeds; seed++)
                {
                    var night = kind == Paris
                        ? ParisNightGenerator.Generate(seed, hosts, people).Night
                        : HardNightGenerator.Generate(seed, hosts, people, Enum.Parse<HardNightKind>(kind));
                    var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
                    var started = Stopwatch.GetTimestamp();
                    var plan = MatchingEngine.Solve(night, new MatchingOptions(limit));
                    var ms = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                    var cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMilliseconds;
                    var greedy = GreedyMatcher.Solve(night);
                    times.Add(ms);
                    cpu.Add(cpuMs);
                    proved += plan.Optimal ? 1 : 0;
                    greedyShort += greedy.Unplaced.Count(u => u.Reason == UnplacedReason.Outranked) > plan.Unplaced.Count(u => u.Reason == UnplacedReason.Outranked) ? 1 : 0;
                    fewer += plan.Summary.PeoplePlaced[0] < greedy.Summary.PeoplePlaced[0] ? 1 : 0;
                    more += plan.Summary.PeoplePlaced[0] > greedy.Summary.PeoplePlaced[0] ? 1 : 0;
                    Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{people}x{hosts} {kind} seed {seed}: {night.Households.Count} households, {ms:0.0} ms (CPU {cpuMs:0} ms), optimal {plan.Optimal}, engine [{string.Join(",", plan.Summary.ObjectiveVector)}] greedy [{string.Join(",", greedy.Summary.ObjectiveVector)}]"));
                }

                times.Sort();
                cpu.Sort();
                failed |= fewer > 0 || proved < seeds;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {people} people x {hosts} hosts | {kind} | {seeds} | {times[times.Count / 2]:0.0} ms | {times[^1]:0.0} ms | {cpu[cpu.Count / 2]:0} ms | {cpu[^1]:0} ms | {proved}/{seeds} | {greedyShort} | {(fewer > 0 ? $"FEWER on {fewer}" : $"never fewer, more on {more}")} |"));
            }
        }

        return Task.FromResult(failed ? 1 : 0);
    }

    private const string Paris = "Paris";

    private static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value) ? value : fallback;
    }
}
