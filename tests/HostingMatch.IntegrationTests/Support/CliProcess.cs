using System.Diagnostics;

namespace HostingMatch.IntegrationTests.Support;

/// <summary>The real command line (the built <c>HostingMatch.Cli.dll</c>), as a process, on a given database.</summary>
public static class CliProcess
{
    public static async Task<(int Exit, string Stdout, string Stderr)> RunAsync(string connectionString, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            Environment = { ["ConnectionStrings__Default"] = connectionString },
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "HostingMatch.Cli.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }
}
