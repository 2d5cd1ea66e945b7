namespace HostingMatch.IntegrationTests.Support;

public static class Paths
{
    /// <summary>The checkout's root (where HostingMatch.sln is).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>
    /// The read-only shared folder above the checkout: specs and sample nights. Beside the main checkout, or two levels
    /// up from a worktree under <c>wt/</c>: the nearest ancestor that has it.
    /// </summary>
    public static string SharedSamples { get; } = FindShared();

    private static string FindShared()
    {
        for (var dir = new DirectoryInfo(RepoRoot).Parent; dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "samples");
            if (Directory.Exists(candidate))
            {
                return candidate;
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
