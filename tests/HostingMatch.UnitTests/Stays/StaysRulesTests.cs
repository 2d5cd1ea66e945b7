using HostingMatch.Application.Stays.Planner;
using HostingMatch.Domain.Households;
using static HostingMatch.UnitTests.Stays.StaysBuilder;

namespace HostingMatch.UnitTests.Stays;

/// <summary>Each hard rule and objective level of stays.md on a programme built to hit it.</summary>
public sealed class StaysRulesTests
{
    [Fact]
    public void Solve_HostOpenShorterThanMinStay_LeavesTheNightsOutranked()
    {
        var plan = Solve(File(14, [Host("k-1", from: 0, until: 5)], [Minor("g-1")]));
        Assert.Empty(plan.Stays);
        Assert.Equal(new UncoveredPeriod("g-1", Day(0), Day(5), UncoveredReason.Outranked, plan.Uncovered[0].Detail), plan.Uncovered[0]);
        Assert.Equal(new UncoveredPeriod("g-1", Day(5), Day(14), UncoveredReason.NoCompatibleHost, plan.Uncovered[1].Detail), plan.Uncovered[1]);
        Assert.Contains("at least 7 nights", plan.Uncovered[0].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_StayEndingWithTheNeed_MayBeShorterThanMinStay()
    {
        var plan = Solve(File(14, [Host("k-1")], [Minor("g-1", needUntil: 3)]));
        Assert.Equal([3L, 0, 0, 0, plan.Summary.JourneyMinutes], plan.Summary.Levels);
        Assert.Empty(plan.Uncovered);
    }

    [Fact]
    public void Solve_RotationLimitWithOneHost_ReturnsAfterANightAwayWithOneMove()
    {
        // 7 nights, one night uncovered (touching again would make one stay of 14), then the last 6 nights: the stay
        // ending with the horizon is exempt from the minimum.
        var plan = Solve(File(14, [Host("k-1", maxNights: 7)], [Minor("g-1")]));
        Assert.Equal(13, plan.Summary.PersonNightsCovered[0]);
        Assert.Equal(1, plan.Summary.Moves);
        Assert.Equal(UncoveredReason.Outranked, Assert.Single(plan.Uncovered).Reason);
    }

    [Fact]
    public void Solve_TwoHostsWithRotationLimit_ChainsThemWithOneMove()
    {
        var plan = Solve(File(14, [Host("k-1", maxNights: 7), Host("k-2", maxNights: 7, latitude: 50.7)], [Minor("g-1")]));
        Assert.Equal([14L, 0, 0, 1], plan.Summary.Levels.Take(4));
        Assert.Equal(2, plan.Stays.Count);
    }

    [Fact]
    public void Solve_CertificateExpiring_StopsTheMinorsStayThere()
    {
        var plan = Solve(File(14, [Host("k-1", certifiedUntil: Day(9))], [Minor("g-1")]));
        var stay = Assert.Single(plan.Stays);
        Assert.Equal(Day(10), stay.Until);
        var after = Assert.Single(plan.Uncovered);
        Assert.Equal(UncoveredReason.NoCompatibleHost, after.Reason);
        Assert.StartsWith("No host certified for minors in any region has a bed from 11 March 2027 to 15 March 2027 (4 nights)", after.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Solve_CategoriesNeverShareAHost_TierOneGetsIt()
    {
        var plan = Solve(File(7, [Host("k-1", beds: 2, maxHouseholds: 2)], [Woman("g-1"), Minor("g-2")]));
        Assert.Equal([7L, 0, 0], plan.Summary.PersonNightsCovered);
        Assert.Equal("g-2", Assert.Single(plan.Stays).GuestId);
        Assert.Equal(UncoveredReason.Outranked, Assert.Single(plan.Uncovered).Reason);
    }

    [Fact]
    public void Solve_SameCategoryShares_UpToBedsAndHouseholds()
    {
        var plan = Solve(File(7, [Host("k-1", beds: 2, maxHouseholds: 2)], [Minor("g-1"), Minor("g-2"), Minor("g-3")]));
        Assert.Equal(14, plan.Summary.PersonNightsCovered[0]);
    }

    [Fact]
    public void Solve_RegionsAndWheelchair_AreHardRules()
    {
        var plan = Solve(File(7, [Host("k-1", region: "nord")], [Minor("g-1", regions: ["bretagne"]), Woman("g-2", wheelchair: true)]));
        Assert.Empty(plan.Stays);
        Assert.All(plan.Uncovered, u => Assert.Equal(UncoveredReason.NoCompatibleHost, u.Reason));
        Assert.Contains(plan.Uncovered, u => u.Detail.StartsWith("No wheelchair-accessible host accepting women alone", StringComparison.Ordinal));
        Assert.Contains(plan.Uncovered, u => u.Detail.Contains("in Bretagne", StringComparison.Ordinal));
    }

    [Fact]
    public void Solve_CurrentStay_GoesOnUntilItsMorningAndCountsFromSince()
    {
        // Current since 10 days before the plan, host limit 14: at most 4 more nights there, then a move to k-2.
        var current = new CurrentStay("k-1", Day(-10), Day(2));
        var plan = Solve(File(14, [Host("k-1", from: -20, maxNights: 14), Host("k-2", latitude: 50.0)], [Minor("g-1", needFrom: -10, current: current)]));
        var first = plan.Stays[0];
        Assert.True(first.ContinuesCurrent);
        Assert.Equal(0, first.JourneyMinutes);
        Assert.True(first.Until >= Day(2) && first.Until <= Day(4));
        Assert.Equal([14L, 0, 0, 1], plan.Summary.Levels.Take(4));
    }

    [Fact]
    public void Solve_CurrentStayAtAFullHost_KeepsItsBedAgainstAHigherTier()
    {
        // The woman's current stay holds the only bed until day 3 although the minor ranks higher.
        var woman = Woman("g-1", needFrom: -5) with { Current = new CurrentStay("k-1", Day(-5), Day(3)) };
        var plan = Solve(File(10, [Host("k-1", from: -10)], [woman, Minor("g-2")], minStay: 2));
        Assert.Contains(plan.Stays, s => s.GuestId == "g-1" && s.ContinuesCurrent && s.Until >= Day(3));
        Assert.Equal(7, plan.Summary.PersonNightsCovered[0]);
    }

    [Fact]
    public void Solve_TiesOnMoves_TakeTheShorterJourney()
    {
        var plan = Solve(File(7, [Host("k-far", latitude: 43.3), Host("k-near", latitude: 48.95)], [Minor("g-1")]));
        Assert.Equal("k-near", Assert.Single(plan.Stays).HostId);
        Assert.Equal(plan.Stays[0].JourneyMinutes, plan.Summary.JourneyMinutes);
    }

    [Fact]
    public void Solve_FewerMovesBeforeShorterJourneys()
    {
        // One far host for the whole fortnight beats two near ones a week each (one move).
        var plan = Solve(File(14, [Host("k-far", latitude: 45.0), Host("k-a", until: 7, latitude: 48.95), Host("k-b", from: 7, latitude: 48.96)], [Minor("g-1")]));
        Assert.Equal("k-far", Assert.Single(plan.Stays).HostId);
        Assert.Equal(0, plan.Summary.Moves);
    }

    [Fact]
    public void Solve_NoNightsToPlan_GivesNothing()
    {
        var plan = Solve(File(7, [Host("k-1")], [Minor("g-1", needFrom: -10, needUntil: -2)]));
        Assert.Empty(plan.Stays);
        Assert.Empty(plan.Uncovered);
    }

    [Fact]
    public void Solve_TimeLimitTiny_ReturnsAnAllowedPlan()
    {
        var file = RandomStays.Create(3);
        var plan = StaysPlanner.Solve(file, new StaysPlannerOptions(TimeSpan.FromTicks(1)));
        Assert.Empty(StaysPlanChecker.Problems(file, plan));
        if (!plan.Optimal)
        {
            Assert.InRange(plan.Gap!.Value, 0, 1);
        }
    }
}
