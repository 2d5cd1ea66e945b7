namespace HostingMatch.IntegrationTests.Support;

public static class Paths
{
    /// <summary>The checkout's root (where HostingMatch.sln is).</summary>
    public static string RepoRoot { get; } = FindRoot();

    /// <summary>The read-only shared folder beside the checkout: specs and sample nights.</summary>
    public static string SharedSamples => Path.Combine(RepoRoot, "..", "shared", "samples");

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
