namespace HostingMatch.Bench;

internal static class VanRunsBenchmark
{
    public static Task<int> RunAsync(string[] args)
    {
        Console.Error.WriteLine("The van-runs benchmark is not written yet.");
        return Task.FromResult(1);
    }
}
