using System.Text.Json;
using System.Text.Json.Nodes;
using HostingMatch.Application.VanRuns;
using HostingMatch.Cli;
using HostingMatch.Cli.Commands;
using NodaTime.Text;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.UnitTests.VanRuns;

/// <summary>The <c>vans</c> verb, invoked in process through System.CommandLine as the program does.</summary>
public sealed class VansCommandTests
{
    private static readonly string Sample = Samples.Path("vans-sample.json");

    private static (int Exit, string Out, string Err) Invoke(params string[] args) => CliInvocation.Invoke(VansCommand.Create(), args);

    [Fact]
    public void Vans_OnTheSharedSample_PrintsOnlyTheSpecsJsonForAValidPlan()
    {
        var (exit, stdout, stderr) = Invoke("vans", Sample, "--time-limit", "0.5");

        Assert.Equal(ExitCodes.Success, exit);
        Assert.Equal("", stderr);
        using var json = JsonDocument.Parse(stdout);
        var root = json.RootElement;
        Assert.Equal(["night", "trips", "unserved", "summary"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("2026-11-26", root.GetProperty("night").GetString());
        Assert.Equal(["peopleDelivered", "personArrivalMinutes", "drivingMinutes", "solveMilliseconds"],
            root.GetProperty("summary").EnumerateObject().Select(p => p.Name));
        var trip = root.GetProperty("trips")[0];
        Assert.Equal(["vanId", "trip", "departAt", "returnAt", "passengers", "stops"], trip.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["hostId", "householdIds", "people", "arriveAt"], trip.GetProperty("stops")[0].EnumerateObject().Select(p => p.Name));
        Assert.Matches(@"^2026-11-2[67]T\d\d:\d\d:00\+01:00$", trip.GetProperty("departAt").GetString());
        Assert.All(root.GetProperty("unserved").EnumerateArray(), u =>
        {
            Assert.Equal(["hostId", "reason", "detail"], u.EnumerateObject().Select(p => p.Name));
            Assert.Contains(u.GetProperty("reason").GetString(), new[] { "no-time", "too-large-for-van" });
        });

        // Read back, the printed plan keeps every hard rule and its summary adds up (the independent checker).
        var input = RunsFileReader.Read(File.ReadAllText(Sample)).File!;
        Assert.Empty(VanPlanChecker.Check(input, ReadPlan(JsonNode.Parse(stdout)!)));
        Assert.True(root.GetProperty("summary").GetProperty("peopleDelivered").GetInt32() > 0);
    }

    [Fact]
    public void Vans_InvalidRunsFile_PrintsOneLinePerProblemAndExits2()
    {
        var runs = JsonNode.Parse(File.ReadAllText(Sample))!;
        runs["vans"]![0]!["seats"] = 0;
        runs["stops"]![0]!["households"]![0]!["people"] = 0;
        runs["stops"]![1]!["hostId"] = runs["stops"]![0]!["hostId"]!.GetValue<string>();
        runs["firstDeparture"] = "8pm";
        var path = Path.GetTempFileName();
        File.WriteAllText(path, runs.ToJsonString());
        var (exit, stdout, stderr) = Invoke("vans", path);
        File.Delete(path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        var lines = stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("$.", l, StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("$.vans[0].seats: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("$.stops[0].households[0].people: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("$.firstDeparture: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("$.stops[1].hostId: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Vans_NotJson_PrintsOneLineAndExits2()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "{ \"night\": ");
        var (exit, stdout, stderr) = Invoke("vans", path);
        File.Delete(path);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact]
    public void Vans_MissingFile_Exits2()
    {
        var (exit, stdout, stderr) = Invoke("vans", "/nonexistent/runs.json");
        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("", stdout);
        Assert.Contains("no such file", stderr, StringComparison.Ordinal);
    }

    [Fact]
    public void Vans_NegativeTimeLimit_Exits2() => Assert.Equal(ExitCodes.BadInput, Invoke("vans", Sample, "--time-limit", "-1").Exit);

    /// <summary>The printed JSON back into a plan, by hand, so that the check does not trust the writer it tests.</summary>
    private static VanPlan ReadPlan(JsonNode json)
    {
        var time = OffsetDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'sso<+HH:mm>");
        var trips = json["trips"]!.AsArray().Select(t => new VanTrip(
            t!["vanId"]!.GetValue<string>(),
            t["trip"]!.GetValue<int>(),
            time.Parse(t["departAt"]!.GetValue<string>()).Value,
            time.Parse(t["returnAt"]!.GetValue<string>()).Value,
            t["passengers"]!.GetValue<int>(),
            t["stops"]!.AsArray().Select(s => new TripStop(
                s!["hostId"]!.GetValue<string>(),
                s["householdIds"]!.AsArray().Select(h => h!.GetValue<string>()).ToList(),
                s["people"]!.GetValue<int>(),
                time.Parse(s["arriveAt"]!.GetValue<string>()).Value)).ToList())).ToList();
        var unserved = json["unserved"]!.AsArray().Select(u => new UnservedStop(
            u!["hostId"]!.GetValue<string>(),
            u["reason"]!.GetValue<string>() == "too-large-for-van" ? UnservedReason.TooLargeForVan : UnservedReason.NoTime,
            u["detail"]!.GetValue<string>())).ToList();
        var summary = json["summary"]!;
        return new VanPlan(
            LocalDatePattern.Iso.Parse(json["night"]!.GetValue<string>()).Value,
            trips,
            unserved,
            new VanPlanSummary(
                summary["peopleDelivered"]!.GetValue<int>(),
                summary["personArrivalMinutes"]!.GetValue<int>(),
                summary["drivingMinutes"]!.GetValue<int>(),
                summary["solveMilliseconds"]!.GetValue<long>()));
    }
}
