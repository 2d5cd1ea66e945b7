using System.Text.Json;
using HostingMatch.Cli;
using HostingMatch.Cli.Commands;

namespace HostingMatch.UnitTests.Matching;

/// <summary>The <c>match</c> verb, invoked in process through System.CommandLine as the program does.</summary>
public sealed class MatchCommandTests
{
    private static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Matching", "Samples", "night-tight-sample.json");

    private static (int Exit, string Out, string Err) Invoke(params string[] args) => CliInvocation.Invoke(MatchCommand.Create(), args);

    [Fact]
    public void Match_ValidNight_PrintsOnlyThePlanJson()
    {
        var (exit, stdout, stderr) = Invoke("match", Sample);
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", stderr);
        using var plan = JsonDocument.Parse(stdout);
        Assert.True(plan.RootElement.GetProperty("optimal").GetBoolean());
        Assert.Equal("2026-11-15", plan.RootElement.GetProperty("night").GetString());
        Assert.Equal(
            ["night", "optimal", "placements", "unplaced", "summary"],
            plan.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(
            ["peoplePlaced", "peopleUnplaced", "waitingNightsPlaced", "continuityPlacements", "recentHostNights", "travelMinutes", "solveMilliseconds"],
            plan.RootElement.GetProperty("summary").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["householdId", "hostId", "people", "tier", "travelMinutes"],
            plan.RootElement.GetProperty("placements")[0].EnumerateObject().Select(p => p.Name));
        Assert.Equal(["householdId", "tier", "reason", "detail"],
            plan.RootElement.GetProperty("unplaced")[0].EnumerateObject().Select(p => p.Name));
    }

    [Fact]
    public void Match_WithTable_PrintsATable()
    {
        var (exit, stdout, _) = Invoke("match", Sample, "--table", "--time-limit", "10");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Contains("proved optimal", stdout, StringComparison.Ordinal);
        Assert.Contains("outranked", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_InvalidNight_PrintsOneLinePerProblemAndExits2()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, File.ReadAllText(Sample).Replace("\"beds\": 4", "\"beds\": -4", StringComparison.Ordinal)
            .Replace("\"sex\": \"male\"", "\"sex\": \"boy\"", StringComparison.Ordinal));
        var (exit, stdout, stderr) = Invoke("match", path);
        File.Delete(path);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 2);
        Assert.All(lines, l => Assert.StartsWith("$.", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("$.hosts[0].beds: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.Contains(".sex: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Match_MissingFile_Exits2()
    {
        var (exit, stdout, stderr) = Invoke("match", "/nonexistent/night.json");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        Assert.Contains("no such file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Match_OnAFileThatIsNotUtf8_SaysSoAndExits2()
    {
        // As for the other file verbs (found by the probe): a byte that is no UTF-8 was read as U+FFFD, an id nobody wrote.
        var (exit, stdout, stderr, path) = CliInvocation.InvokeOnFile(MatchCommand.Create(), CliInvocation.WithInvalidByte(Sample, "\"id\""u8, 7),
            path => ["match", path]);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        Assert.Equal($"{path}: is not UTF-8 text (an invalid byte)", stderr.Trim());
    }

    [Fact]
    public void Match_NegativeTimeLimit_Exits2() => Assert.Equal(ExitCodes.BadInput, Invoke("match", Sample, "--time-limit", "-1").Exit);
}
