using System.Text.Json;
using HostingMatch.Application.Stays;
using HostingMatch.Application.Stays.Planner;

namespace HostingMatch.UnitTests.Stays;

/// <summary>The shared sample (6 guests, 10 hosts, 4 weeks) and its optimal plan.</summary>
public sealed class StaysSampleTests
{
    internal static readonly string Sample = Path.Combine(AppContext.BaseDirectory, "Stays", "Samples", "stays-sample.json");

    [Fact]
    public void Solve_Sample_ReachesTheOptimalLevelsAndPassesTheChecks()
    {
        var file = StaysFileReader.Read(File.ReadAllText(Sample)).File!;
        var plan = StaysPlanner.Solve(file);
        Assert.True(plan.Optimal);
        Assert.Null(plan.Gap);
        Assert.Equal([121L, 0, 0, 2, 1359], plan.Summary.Levels);
        Assert.Empty(StaysPlanChecker.Problems(file, plan));
    }

    [Fact]
    public void Solve_Sample_GivesTheReferenceReasons()
    {
        var file = StaysFileReader.Read(File.ReadAllText(Sample)).File!;
        var plan = StaysPlanner.Solve(file);
        using var reference = JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Stays", "Samples", "stays-sample.plan.json")));
        var expected = reference.RootElement.GetProperty("uncovered").EnumerateArray()
            .Select(u => $"{u.GetProperty("guestId").GetString()} {u.GetProperty("from").GetString()} {u.GetProperty("until").GetString()} {u.GetProperty("reason").GetString()}");
        Assert.Equal(expected, plan.Uncovered.Select(u => $"{u.GuestId} {u.From:yyyy-MM-dd} {u.Until:yyyy-MM-dd} {u.Reason.ToWire()}"));
        Assert.Contains(plan.Uncovered, u => u.Detail == "No host accepting women alone in Bretagne has a bed from 28 March 2027 to 5 April 2027 (8 nights).");
    }
}
