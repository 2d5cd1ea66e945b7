namespace HostingMatch.UnitTests.VanRuns;

/// <summary>The shared sample files (<c>shared/samples</c> beside the worktrees), found by walking up from the test binaries.</summary>
internal static class Samples
{
    public static string Path(string name)
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = System.IO.Path.Combine(directory.FullName, "shared", "samples", name);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"shared/samples/{name} is not above {AppContext.BaseDirectory}");
    }
}
