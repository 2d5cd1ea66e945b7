using System.Diagnostics;
using System.Globalization;
using HostingMatch.Application.VanRuns;
using HostingMatch.Domain.Geography;
using NodaTime;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.Bench;

/// <summary>
/// <c>vans [--reference-seconds 60] [--time-limit SECONDS] [--solution-limit N] [--seed 1] [--stops N] [--show]</c>: the van planner on
/// generated Paris evenings (10, 20, 40 stops; 1 and 2 vans), beside the nearest-neighbour baseline and the same
/// solver given a long search as the reference. Prints a Markdown table for docs/benchmarks.md.
/// </summary>
internal static class VanRunsBenchmark
{
    private static readonly GeoPoint Base = new(48.8986, 2.3592);

    public static Task<int> RunAsync(string[] args)
    {
        var referenceSeconds = Option(args, "--reference-seconds", 60);
        var seed = (int)Option(args, "--seed", 1);
        var options = VanPlannerOptions.Default;
        if (args.Contains("--time-limit"))
        {
            options = options with { TimeLimit = TimeSpan.FromSeconds(Option(args, "--time-limit", 2)) };
        }

        if (args.Contains("--solution-limit"))
        {
            options = options with { SolutionLimit = (long)Option(args, "--solution-limit", 0) };
        }

        var reference = new VanPlannerOptions { TimeLimit = TimeSpan.FromSeconds(referenceSeconds) };
        Console.WriteLine($"Planner: time limit {options.TimeLimit.TotalSeconds:0.##} s, solution limit {options.SolutionLimit?.ToString(CultureInfo.InvariantCulture) ?? "none"}; reference: {referenceSeconds:0.##} s; seed {seed}; {Environment.ProcessorCount} cores.");
        Console.WriteLine();

        // Warm up once so that the first row does not pay for loading OR-Tools and compiling the planner.
        VanPlanner.Plan(Generate(0, 10, 1), options with { TimeLimit = TimeSpan.FromMilliseconds(100) });
        Console.WriteLine("| stops | vans | people | baseline: delivered / arrival / driving / ms | planner: delivered / arrival / driving / ms | reference: delivered / arrival / driving / ms | arrival vs reference | arrival vs baseline |");
        Console.WriteLine("|---:|---:|---:|---|---|---|---:|---:|");
        var sizes = args.Contains("--stops") ? [(int)Option(args, "--stops", 40)] : new[] { 10, 20, 40 };
        foreach (var stops in sizes)
        {
            foreach (var vans in new[] { 1, 2 })
            {
                var input = Generate(seed * 1000 + stops * 10 + vans, stops, vans);
                var baseline = NearestNeighbourVanPlanner.Plan(input);
                var clock = Stopwatch.StartNew();
                var plan = VanPlanner.Plan(input, options);
                var planMs = clock.ElapsedMilliseconds;
                var best = referenceSeconds > 0 ? VanPlanner.Plan(input, reference) : plan;
                if (args.Contains("--show"))
                {
                    Show("planner", plan);
                    Show("reference", best);
                }

                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {stops} | {vans} | {input.Stops.Sum(s => s.People)} | {Cells(baseline.Summary, baseline.Summary.SolveMilliseconds)} | {Cells(plan.Summary, planMs)} | {Cells(best.Summary, best.Summary.SolveMilliseconds)} | {Gap(plan.Summary, best.Summary)} | {Gap(plan.Summary, baseline.Summary)} |"));
            }
        }

        return Task.FromResult(0);
    }

    /// <summary><c>--show</c>: a plan's trips, one line each, to see where two plans differ.</summary>
    private static void Show(string name, VanPlan plan)
    {
        Console.WriteLine(name);
        foreach (var t in plan.Trips)
        {
            var stops = t.Stops.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.HostId}({s.People})@{s.ArriveAt:HH:mm}"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"  {t.VanId} trip {t.Trip} {t.DepartAt:HH:mm}-{t.ReturnAt:HH:mm}, {t.Passengers} seated: {string.Join(' ', stops)}"));
        }

        Console.WriteLine($"  unserved: {string.Join(' ', plan.Unserved.Select(u => u.HostId))}");
    }

    private static string Cells(VanPlanSummary s, long ms) =>
        string.Create(CultureInfo.InvariantCulture, $"{s.PeopleDelivered} / {s.PersonArrivalMinutes} / {s.DrivingMinutes} / {ms}");

    /// <summary>The person-arrival gap in percent, meaningful when the same number of people are delivered.</summary>
    private static string Gap(VanPlanSummary plan, VanPlanSummary other) =>
        plan.PeopleDelivered != other.PeopleDelivered
            ? string.Create(CultureInfo.InvariantCulture, $"{plan.PeopleDelivered - other.PeopleDelivered:+0;-0} people")
            : string.Create(CultureInfo.InvariantCulture, $"{100.0 * (plan.PersonArrivalMinutes - other.PersonArrivalMinutes) / Math.Max(1, other.PersonArrivalMinutes):+0.00;-0.00;0.00} %");

    private static double Option(string[] args, string name, double fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? double.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    /// <summary>
    /// A Paris evening: hosts within about 8 km of Porte de la Chapelle, households of 1 to 6 people (one stop in
    /// seven has a second household), a third of the hosts with an arrival window, the usual 20:30 to 23:59.
    /// </summary>
    private static RunsFile Generate(int seed, int stopCount, int vanCount)
    {
        var random = new Random(seed);
        var stops = new List<RunStop>();
        for (var i = 0; i < stopCount; i++)
        {
            var households = new List<RunHousehold> { new($"hh-{i}-a", random.Next(1, 7)) };
            if (random.NextDouble() < 1.0 / 7)
            {
                households.Add(new RunHousehold($"hh-{i}-b", random.Next(1, 3)));
            }

            var from = new LocalTime(20, 30);
            var until = new LocalTime(23, 59);
            if (random.NextDouble() < 1.0 / 3)
            {
                from = new LocalTime(20 + random.Next(0, 3), 15 * random.Next(0, 4));
                until = from.PlusMinutes(60 + (15 * random.Next(0, 9)));
                if (until < from)
                {
                    until = new LocalTime(23, 59);
                }
            }

            var angle = random.NextDouble() * 2 * Math.PI;
            var km = 8 * Math.Sqrt(random.NextDouble());
            stops.Add(new RunStop($"h-{i:000}",
                new GeoPoint(Base.Latitude + (km * Math.Sin(angle) / 111.2), Base.Longitude + (km * Math.Cos(angle) / 73.1)),
                from, until, households));
        }

        return new RunsFile(new LocalDate(2026, 11, 26), RunsFile.SupportedTimeZone, new RunsBase("Porte de la Chapelle", Base),
            RunsRules.Default, Enumerable.Range(1, vanCount).Select(v => new RunsVan($"van-{v}", 8)).ToList(),
            new LocalTime(20, 30), new LocalTime(23, 59), 10, 5, stops);
    }
}
