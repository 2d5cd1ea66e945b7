using System.Diagnostics;
using HostingMatch.Application.Stays.Planner;

namespace HostingMatch.Bench;

/// <summary>
/// <c>stays [--sizes region,four,national] [--time-limit S] [--long S] [--seed N] [--progress]</c>: the planner on generated
/// programmes beside the chronological first-fit baseline and the same planner given a longer budget; prints one
/// Markdown table for docs/benchmarks.md (with <c>--progress</c>, each step of the search on standard error).
/// </summary>
internal static class StaysBenchmark
{
    private static readonly Dictionary<string, (int Regions, int Guests, int Hosts, int Nights, double Target)> Sizes = new()
    {
        ["region"] = (1, 40, 80, 56, 10),
        ["four"] = (4, 150, 300, 84, 120),
        ["national"] = (4, 400, 1000, 84, 300),
    };

    public static Task<int> RunAsync(string[] args)
    {
        var sizes = Option(args, "--sizes", "region,four,national").Split(',');
        var seed = int.Parse(Option(args, "--seed", "1"), System.Globalization.CultureInfo.InvariantCulture);
        var longLimit = double.Parse(Option(args, "--long", "60"), System.Globalization.CultureInfo.InvariantCulture);
        var limitOverride = Option(args, "--time-limit", "");
        Action<string>? progress = args.Contains("--progress") ? Console.Error.WriteLine : null;
        Console.WriteLine("| programme | solver | limit s | time s | proved | gap | person-nights tier 1/2/3 | levels 1-3 at bound | moves (bound, % over) | journey min (bound) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
        foreach (var name in sizes)
        {
            var size = Sizes[name];
            var file = StaysProgrammeGenerator.Create(seed, size.Regions, size.Guests, size.Hosts, size.Nights);
            var label = $"{name} ({size.Guests} guests, {size.Hosts} hosts, {size.Nights} nights)";
            var bounds = StaysBounds.Compute(file);
            var started = Stopwatch.GetTimestamp();
            var baseline = FirstFitStays.Solve(file);
            Print(label, "first fit", "-", Stopwatch.GetElapsedTime(started), baseline, bounds, provedText: "-");
            var limit = limitOverride.Length > 0 ? double.Parse(limitOverride, System.Globalization.CultureInfo.InvariantCulture) : size.Target;
            foreach (var seconds in new[] { limit, longLimit }.Distinct())
            {
                started = Stopwatch.GetTimestamp();
                var (plan, proved) = StaysPlanner.SolveWithBounds(file, new StaysPlannerOptions(TimeSpan.FromSeconds(seconds), progress));
                Print(label, "planner", seconds.ToString(System.Globalization.CultureInfo.InvariantCulture), Stopwatch.GetElapsedTime(started), plan, proved,
                    plan.Optimal ? "yes" : "no");
            }
        }

        return Task.FromResult(0);
    }

    private static void Print(string label, string solver, string limit, TimeSpan elapsed, StaysPlan plan, StaysBounds bounds, string provedText)
    {
        var s = plan.Summary;
        Console.WriteLine(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"| {label} | {solver} | {limit} | {elapsed.TotalSeconds:0.0} | {provedText} | {(plan.Gap is { } g ? g.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture) : "-")} | {s.PersonNightsCovered[0]}/{s.PersonNightsCovered[1]}/{s.PersonNightsCovered[2]} (bound {bounds.PersonNights[0]}/{bounds.PersonNights[1]}/{bounds.PersonNights[2]}) | {(bounds.CoverageProved(s) ? "yes" : "no")} | {s.Moves} ({bounds.Moves}, {(s.Moves - bounds.Moves) * 100.0 / Math.Max(1, bounds.Moves):0.#} %) | {s.JourneyMinutes} ({bounds.JourneyMinutes}) |"));
    }

    private static string Option(string[] args, string name, string fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
    }
}
