namespace HostingMatch.IntegrationTests.Support;

public static class Paths
{
    /// <summary>The checkout's root (where HostingMatch.sln is).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>
    /// The read-only shared folder beside the checkout, specs and sample nights: the nearest <c>shared/samples</c> above it
    /// (beside the main checkout, or beside the folder of a git worktree).
    /// </summary>
    public static string SharedSamples { get; } = FindSharedSamples();

    private static string FindSharedSamples()
    {
        for (var dir = new DirectoryInfo(RepoRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var samples = Path.Combine(dir.FullName, "shared", "samples");
            if (Directory.Exists(samples))
            {
                return samples;
            }
        }

        return Path.Combine(RepoRoot, "..", "shared", "samples");
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "HostingMatch.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("HostingMatch.sln not found above the test binaries.");
    }
}
