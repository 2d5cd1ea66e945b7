using HostingMatch.Application.Matching;
using HostingMatch.Domain.Households;
using static HostingMatch.UnitTests.Matching.NightBuilder;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Domain.Requests;

namespace HostingMatch.UnitTests.Matching;

/// <summary>The reasons table: exactly one reason per unplaced household, and a sentence.</summary>
public sealed class ReasonsTests
{
    private static UnplacedHousehold Unplaced(NightFile night, string id, MatchingOptions? options = null)
    {
        var plan = MatchingEngine.Solve(night, options);
        Assert.Empty(PlanChecker.Problems(night, plan, options));
        return plan.Unplaced.Single(u => u.HouseholdId == id);
    }

    [Fact]
    public void Explain_WhenNoHostPassesRulesOneToFive_SaysNoCompatibleHost()
    {
        var u = Unplaced(Night([AHost("h", accepts: [HouseholdCategory.Women])], [AMan("m")]), "m");
        Assert.Equal(UnplacedReason.NoCompatibleHost, u.Reason);
        Assert.Equal("No host available tonight accepts men.", u.Detail);
    }

    [Fact]
    public void Explain_WhenMinorAndNoCertifiedHostInReach_NamesTheTravelLimit()
    {
        var u = Unplaced(Night([AHost("h", minorsCertified: true, kmNorth: 40), AHost("near", minorsCertified: false)], [AMinor("minor")]), "minor");
        Assert.Equal(UnplacedReason.NoCompatibleHost, u.Reason);
        Assert.StartsWith("No certified host for unaccompanied minors within 60 minutes of the base tonight", u.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WhenOnlyCompatibleHostDeclined_SaysNoCompatibleHost()
    {
        var options = new MatchingOptions(Exclusions: new HashSet<(string, string)> { ("m", "h") });
        var u = Unplaced(Night([AHost("h")], [AMan("m")]), "m", options);
        Assert.Equal(UnplacedReason.NoCompatibleHost, u.Reason);
        Assert.EndsWith("has said no tonight, let an offer go unanswered, or had this household's offer cancelled.", u.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WhenCompatibleHostsAreAllTooSmall_SaysTooLarge()
    {
        var u = Unplaced(Night([AHost("a", beds: 3), AHost("b", beds: 2)], [AFamily("f", children: 3)]), "f");
        Assert.Equal(UnplacedReason.TooLarge, u.Reason);
        Assert.Equal("Compatible hosts exist tonight but none has 4 beds (the largest has 3); the household cannot be split.", u.Detail);
    }

    [Fact]
    public void Explain_WhenTheOnlyHostBigEnoughRefused_SaysTooLargeAndThatItRefused()
    {
        var options = new MatchingOptions(Exclusions: new HashSet<(string, string)> { ("f", "big") });
        var u = Unplaced(Night([AHost("big", beds: 6), AHost("b", beds: 2)], [AFamily("f", children: 3)]), "f", options);
        Assert.Equal(UnplacedReason.TooLarge, u.Reason);
        Assert.Equal("Compatible hosts exist tonight but none has 4 beds (the largest has 2); the household cannot be split. " +
                     "1 host(s) with enough beds said no tonight or let an offer go unanswered.", u.Detail);
    }

    [Fact]
    public void Explain_WhenTheHostWentToAHigherTier_SaysOutranked()
    {
        var u = Unplaced(Night([AHost("h", beds: 2)], [AMan("m"), AFamily("f")]), "m");
        Assert.Equal(UnplacedReason.Outranked, u.Reason);
        Assert.StartsWith("1 compatible host(s) with enough beds", u.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_WhenTheHostWentToTheSameTier_SaysOutranked() =>
        Assert.Equal(UnplacedReason.Outranked, Unplaced(Night([AHost("h", beds: 2)], [AMan("a", nights: 1), AMan("b", nights: 4)]), "a").Reason);

    [Fact]
    public void Explain_WhenHostIsTooSmallAndOtherIsIncompatible_SaysTooLarge() =>
        Assert.Equal(UnplacedReason.TooLarge,
            Unplaced(Night([AHost("small", beds: 1), AHost("big", beds: 6, availableTonight: false)], [AMan("m", 2)]), "m").Reason);
}
