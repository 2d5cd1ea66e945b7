using System.Text.Json;
using HostingMatch.Cli;
using HostingMatch.Cli.Commands;

namespace HostingMatch.UnitTests.Stays;

/// <summary>The <c>stays</c> verb, invoked in process through System.CommandLine as the program does.</summary>
public sealed class StaysCommandTests
{
    private static (int Exit, string Out, string Err) Invoke(params string[] args) => CliInvocation.Invoke(StaysCommand.Create(), args);

    [Fact]
    public void Stays_Sample_PrintsOnlyThePlanJson()
    {
        var (exit, stdout, stderr) = Invoke("stays", StaysSampleTests.Sample, "--time-limit", "60");
        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", stderr);
        using var plan = JsonDocument.Parse(stdout);
        Assert.True(plan.RootElement.GetProperty("optimal").GetBoolean());
        Assert.Equal(["planFrom", "planUntil", "optimal", "stays", "uncovered", "summary"], plan.RootElement.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["personNightsCovered", "personNightsUncovered", "moves", "journeyMinutes", "solveMilliseconds"],
            plan.RootElement.GetProperty("summary").EnumerateObject().Select(p => p.Name));
        Assert.Equal(2, plan.RootElement.GetProperty("summary").GetProperty("moves").GetInt32());
    }

    [Fact]
    public void Stays_InvalidFile_PrintsOneLinePerProblemAndExits2()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, File.ReadAllText(StaysSampleTests.Sample).Replace("\"beds\": 2", "\"beds\": -2", StringComparison.Ordinal)
            .Replace("\"sex\": \"male\"", "\"sex\": \"boy\"", StringComparison.Ordinal));
        var (exit, stdout, stderr) = Invoke("stays", path);
        File.Delete(path);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 2);
        Assert.All(lines, l => Assert.StartsWith("$.", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("$.hosts[0].beds: ", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("4000")]
    public void Stays_BadTimeLimit_Exits2(string seconds)
    {
        var (exit, _, stderr) = Invoke("stays", StaysSampleTests.Sample, "--time-limit", seconds);
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("--time-limit", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Stays_MissingFile_Exits2()
    {
        var (exit, _, stderr) = Invoke("stays", "/nonexistent/stays.json");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("no such file", stderr, StringComparison.Ordinal);
    }
}
