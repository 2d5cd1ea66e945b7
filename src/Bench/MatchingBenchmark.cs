namespace HostingMatch.Bench;

internal static class MatchingBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("The matching benchmark is not written yet.");
        return Task.FromResult(1);
    }
}
