using HostingMatch.Bench;

// dotnet run -c Release --project src/Bench -- matching|vans|stays [options]
// Prints figures (wall time, peak memory, objective values) as Markdown tables for docs/benchmarks.md.
return args.FirstOrDefault() switch
{
    "matching" => await MatchingBenchmark.RunAsync(args[1..]),
    "vans" => await VanRunsBenchmark.RunAsync(args[1..]),
    "stays" => await StaysBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: HostingMatch.Bench matching|vans|stays [options]");
    return 2;
}
