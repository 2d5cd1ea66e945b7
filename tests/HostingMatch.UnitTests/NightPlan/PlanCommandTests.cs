using System.Text;
using System.Text.Json.Nodes;
using HostingMatch.Cli;
using HostingMatch.Cli.Commands;
using HostingMatch.UnitTests.VanRuns;

namespace HostingMatch.UnitTests.NightPlan;

/// <summary>The <c>plan</c> verb on files a tired or hostile caller could give it: exit 2 with one line per problem, never a crash.</summary>
public sealed class PlanCommandTests
{
    private static readonly string Sample = Samples.Path("night-plan-sample.json");

    private static (int Exit, string Out, string Err) Invoke(params string[] args) => CliInvocation.Invoke(PlanCommand.Create(), args);

    private static (int Exit, string Out, string Err) InvokeOn(string text, params string[] args)
    {
        var (exit, stdout, stderr, _) = CliInvocation.InvokeOnFile(PlanCommand.Create(), Encoding.UTF8.GetBytes(text), path => ["plan", path, .. args]);
        return (exit, stdout, stderr);
    }

    [Fact]
    public void Plan_WithATimeLimitThatIsNoNumber_SaysSoInWordsWithoutATypeNameAndExits2()
    {
        // Found by the probe: "as expected type 'System.Nullable`1[System.Double]'".
        var (exit, stdout, stderr) = Invoke("plan", Sample, "--time-limit", "abc");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        Assert.Equal("--time-limit needs a number: 'abc' is not one.", stderr.Trim());
    }

    [Fact]
    public void Plan_OnTheCalendarsLastDay_SaysTheNightIsOutOfRangeAndExits2()
    {
        // Its morning (the times after midnight) would be in the year 10000, which no calendar here holds.
        var night = JsonNode.Parse(File.ReadAllText(Sample))!;
        night["night"] = "9999-12-31";

        var (exit, stdout, stderr) = InvokeOn(night.ToJsonString());

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        Assert.StartsWith("$.night: ", stderr);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Plan_WithAnEmptyOrBlankVehicleId_SaysSoOnceOnTheFieldAndExits2(string id)
    {
        var night = JsonNode.Parse(File.ReadAllText(Sample))!;
        night["transport"]!["vehicles"]![0]!["id"] = id;

        var (exit, stdout, stderr) = InvokeOn(night.ToJsonString());

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        Assert.Equal("$.transport.vehicles[0].id: must not be empty or blank", stderr.Trim());
    }

    [Fact]
    public void Plan_WithALineBreakInADuplicateVehicleId_PrintsOneProblemOnOneLine()
    {
        // Found by the audit: the duplicate's message quoted the id raw, and its second line read as a problem of its own.
        var night = JsonNode.Parse(File.ReadAllText(Sample))!;
        var vehicles = night["transport"]!["vehicles"]!.AsArray();
        vehicles.Add(vehicles[0]!.DeepClone());
        vehicles[0]!["id"] = "a\n$.transport.fake: injected";
        vehicles[^1]!["id"] = "a\n$.transport.fake: injected";

        var (exit, stdout, stderr) = InvokeOn(night.ToJsonString());

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.All(lines, line => Assert.Matches(@"^\$\.transport\.vehicles\[\d+\]\.id: must be one line", line));
        Assert.DoesNotContain(lines, line => line.StartsWith("$.transport.fake", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_WithMoreVehiclesThanANightHas_SaysSoOnceAndExits2()
    {
        // 100,000 vehicles kept the planner (and the Api's only solver slot) busy for two minutes past its time limit.
        var night = JsonNode.Parse(File.ReadAllText(Sample))!;
        night["transport"]!["vehicles"] = new JsonArray(Enumerable.Range(0, 101).Select(i => (JsonNode)new JsonObject { ["id"] = $"v-{i}" }).ToArray());

        var (exit, stdout, stderr) = InvokeOn(night.ToJsonString());

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        Assert.Equal("$.transport.vehicles: must list at most 100 vehicles", stderr.Trim());
    }

    [Fact]
    public void Plan_OnAFileThatIsNotUtf8_SaysSoAndExits2()
    {
        // A byte that is no UTF-8 was read as U+FFFD: a vehicle id the caller never wrote, and a plan for it.
        var (exit, stdout, stderr, path) = CliInvocation.InvokeOnFile(PlanCommand.Create(), CliInvocation.WithInvalidByte(Sample, "\"van-1\""u8, 4),
            path => ["plan", path]);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        Assert.Equal($"{path}: is not UTF-8 text (an invalid byte)", stderr.Trim());
    }

    [Fact]
    public void Plan_OnAnEndlessFile_RefusesItInsteadOfRunningOutOfMemory()
    {
        var (exit, stdout, stderr) = Invoke("plan", "/dev/zero");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        Assert.Equal("/dev/zero: is larger than 64 MB", stderr.Trim());
    }
}
