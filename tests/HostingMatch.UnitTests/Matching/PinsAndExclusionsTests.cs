using HostingMatch.Application.Matching;
using static HostingMatch.UnitTests.Matching.NightBuilder;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Domain.Requests;

namespace HostingMatch.UnitTests.Matching;

/// <summary>What the SMS re-matching needs: declined pairs stay apart, accepted placements stay put.</summary>
public sealed class PinsAndExclusionsTests
{
    [Fact]
    public void Solve_WithExclusion_NeverUsesTheDeclinedPair()
    {
        var night = Night([AHost("near", kmNorth: 1), AHost("far", kmNorth: 10)], [AMan("m")]);
        var options = new MatchingOptions(Exclusions: new HashSet<(string, string)> { ("m", "near") });
        Assert.Equal("far", MatchingEngine.Solve(night, options).Placements.Single().HostId);
    }

    [Fact]
    public void Solve_WithPin_KeepsTheAcceptedPlacementEvenIfWorse()
    {
        // Without the pin the family would take the only host; the accepted man keeps it.
        var night = Night([AHost("h", beds: 3)], [AMan("m"), AFamily("f")]);
        var options = new MatchingOptions(Pins: new Dictionary<string, string> { ["m"] = "h" });
        var plan = MatchingEngine.Solve(night, options);
        Assert.Equal("m", plan.Placements.Single().HouseholdId);
        Assert.Equal(UnplacedReason.Outranked, plan.Unplaced.Single().Reason);
        Assert.Empty(PlanChecker.Problems(night, plan, options));
    }

    [Fact]
    public void Solve_WithPinBreakingARule_Throws()
    {
        var night = Night([AHost("h", availableTonight: false)], [AMan("m")]);
        Assert.Throws<ArgumentException>(() => MatchingEngine.Solve(night, new MatchingOptions(Pins: new Dictionary<string, string> { ["m"] = "h" })));
    }

    [Fact]
    public void Solve_WithPinsThatCannotHoldTogether_Throws()
    {
        var night = Night([AHost("h", beds: 4, maxHouseholds: 2)], [AMan("a"), AWoman("b")]);
        var pins = new Dictionary<string, string> { ["a"] = "h", ["b"] = "h" };
        Assert.Throws<ArgumentException>(() => MatchingEngine.Solve(night, new MatchingOptions(Pins: pins)));
    }

    [Fact]
    public void Solve_WithPinOfUnknownHousehold_Throws() =>
        Assert.Throws<ArgumentException>(() => MatchingEngine.Solve(Night([AHost("h")], [AMan("m")]),
            new MatchingOptions(Pins: new Dictionary<string, string> { ["nobody"] = "h" })));
}

public sealed class EdgeNightTests
{
    [Fact]
    public void Solve_EmptyNight_ReturnsAnEmptyOptimalPlan()
    {
        var plan = MatchingEngine.Solve(NightBuilder.Night([], []));
        Assert.True(plan.Optimal);
        Assert.Empty(plan.Placements);
        Assert.Empty(plan.Unplaced);
        Assert.Equal([0, 0, 0], plan.Summary.PeoplePlaced);
    }

    [Fact]
    public void Solve_NoHosts_LeavesEveryoneWithNoCompatibleHost()
    {
        var plan = MatchingEngine.Solve(NightBuilder.Night([], [NightBuilder.AMan("m"), NightBuilder.AFamily("f")]));
        Assert.True(plan.Optimal);
        Assert.All(plan.Unplaced, u => Assert.Equal(UnplacedReason.NoCompatibleHost, u.Reason));
        Assert.Equal([2, 0, 1], plan.Summary.PeopleUnplaced);
    }

    [Fact]
    public void Solve_HostWithZeroBeds_TakesNobody()
    {
        var plan = MatchingEngine.Solve(NightBuilder.Night([NightBuilder.AHost("h", beds: 0)], [NightBuilder.AMan("m")]));
        Assert.Equal(UnplacedReason.TooLarge, plan.Unplaced.Single().Reason);
    }
}
