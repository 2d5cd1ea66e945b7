using HostingMatch.Domain.Requests;
using System.Text.Json;
using HostingMatch.Application.Demo;
using HostingMatch.Application.Matching;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.UnitTests.Matching;

/// <summary>The shared samples, determinism, and the engine against the greedy baseline on generated nights.</summary>
public sealed class SampleNightTests
{
    public static TheoryData<string> Samples() => new() { "night-paris-sample", "night-tight-sample" };

    private static string SamplePath(string name) => Path.Combine(AppContext.BaseDirectory, "Matching", "Samples", name);

    [Theory]
    [MemberData(nameof(Samples))]
    public void Solve_Sample_MatchesTheSamplePlansObjectiveAndReasons(string sample)
    {
        var night = NightFileReader.Read(File.ReadAllText(SamplePath(sample + ".json"))).Night!;
        using var expected = JsonDocument.Parse(File.ReadAllText(SamplePath(sample + ".plan.json")));
        var summary = expected.RootElement.GetProperty("summary");

        var plan = MatchingEngine.Solve(night);

        Assert.True(plan.Optimal);
        Assert.Empty(PlanChecker.Problems(night, plan));
        Assert.Equal(summary.GetProperty("peoplePlaced").EnumerateArray().Select(e => e.GetInt32()), plan.Summary.PeoplePlaced);
        Assert.Equal(summary.GetProperty("peopleUnplaced").EnumerateArray().Select(e => e.GetInt32()), plan.Summary.PeopleUnplaced);
        Assert.Equal(summary.GetProperty("waitingNightsPlaced").GetInt64(), plan.Summary.WaitingNightsPlaced);
        Assert.Equal(summary.GetProperty("continuityPlacements").GetInt32(), plan.Summary.ContinuityPlacements);
        Assert.Equal(summary.GetProperty("travelMinutes").GetInt64(), plan.Summary.TravelMinutes);
        var expectedReasons = expected.RootElement.GetProperty("unplaced").EnumerateArray()
            .ToDictionary(u => u.GetProperty("householdId").GetString()!, u => u.GetProperty("reason").GetString()!);
        Assert.Equal(expectedReasons, plan.Unplaced.ToDictionary(u => u.HouseholdId, u => u.Reason.ToWire()));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Solve_SameNightTwice_GivesTheSamePlan(string sample)
    {
        var night = NightFileReader.Read(File.ReadAllText(SamplePath(sample + ".json"))).Night!;
        var first = MatchingEngine.Solve(night);
        var second = MatchingEngine.Solve(night);
        Assert.Equal(first.Placements, second.Placements);
        Assert.Equal(first.Unplaced, second.Unplaced);
    }

    [Fact]
    public void Solve_GeneratedNightTwice_GivesTheSamePlan()
    {
        var night = ParisNightGenerator.Generate(seed: 7, hosts: 120, people: 60).Night;
        Assert.Equal(MatchingEngine.Solve(night).Placements, MatchingEngine.Solve(night).Placements);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Solve_GeneratedParisNight_IsValidOptimalAndNeverBehindGreedy(int seed)
    {
        var night = ParisNightGenerator.Generate(seed, hosts: 80, people: 40).Night;
        var plan = MatchingEngine.Solve(night);
        var greedy = GreedyMatcher.Solve(night);
        Assert.True(plan.Optimal);
        Assert.Empty(PlanChecker.Problems(night, plan));
        Assert.Empty(PlanChecker.Problems(night, greedy));
        Assert.True(BruteForce.Compare(plan.Summary.ObjectiveVector.ToArray(), greedy.Summary.ObjectiveVector) >= 0);
        Assert.True(plan.Summary.PeoplePlaced[0] >= greedy.Summary.PeoplePlaced[0]);
    }

    [Fact]
    public void Solve_WithAVeryShortTimeLimit_StillReturnsAValidPlanAtLeastAsGoodAsGreedy()
    {
        var night = ParisNightGenerator.Generate(seed: 3, hosts: 600, people: 300).Night;
        var plan = MatchingEngine.Solve(night, new MatchingOptions(TimeSpan.FromMilliseconds(50)));
        Assert.Empty(PlanChecker.Problems(night, plan));
        Assert.True(BruteForce.Compare(plan.Summary.ObjectiveVector.ToArray(), GreedyMatcher.Solve(night).Summary.ObjectiveVector) >= 0);
        if (!plan.Optimal)
        {
            Assert.NotNull(plan.Gap);
        }
    }
}
