using HostingMatch.Bench;

// dotnet run -c Release --project src/Bench -- matching|hard|vans|night-plan|stays|load [options] (load: scripts/load.sh starts the Api and runs it)
// Prints figures (wall time, peak memory, objective values) as Markdown tables for docs/benchmarks.md.
return args.FirstOrDefault() switch
{
    "matching" => await MatchingBenchmark.RunAsync(args[1..]),
    "hard" => await HardMatchingBenchmark.RunAsync(args[1..]),
    "vans" => await VanRunsBenchmark.RunAsync(args[1..]),
    "night-plan" => await NightPlanBenchmark.RunAsync(args[1..]),
    "load" => await LoadBenchmark.RunAsync(args[1..]),
    "stays" => await StaysBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: HostingMatch.Bench matching|hard|vans|night-plan|stays|load [options]");
    return 2;
}
