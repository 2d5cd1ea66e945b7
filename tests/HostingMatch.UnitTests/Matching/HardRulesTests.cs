using HostingMatch.Application.Matching;
using HostingMatch.Domain.Households;
using static HostingMatch.UnitTests.Matching.NightBuilder;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Domain.Requests;

namespace HostingMatch.UnitTests.Matching;

/// <summary>Each hard rule with a night built for it: the rule alone decides whether the household is placed.</summary>
public sealed class HardRulesTests
{
    private static Plan Solve(NightFile night)
    {
        var plan = MatchingEngine.Solve(night);
        Assert.Empty(PlanChecker.Problems(night, plan));
        Assert.True(plan.Optimal);
        return plan;
    }

    private static bool Placed(Plan plan, string householdId) => plan.Placements.Any(p => p.HouseholdId == householdId);

    [Fact]
    public void Solve_WhenHostIsNotAvailableTonight_LeavesHouseholdUnplaced() =>
        Assert.False(Placed(Solve(Night([AHost("h", availableTonight: false)], [AMan("m")])), "m"));

    [Theory]
    [InlineData(-10, -1, false)] // expired yesterday
    [InlineData(1, 10, false)] // starts tomorrow
    [InlineData(0, 0, true)] // both ends inclusive
    [InlineData(-5, 0, true)] // last night of the agreement
    [InlineData(5, -5, false)] // inverted: never valid
    public void Solve_PlacesOnlyWhenAgreementCoversTheNight(int fromDays, int untilDays, bool placed) =>
        Assert.Equal(placed, Placed(Solve(Night([AHost("h", validFrom: Tonight.PlusDays(fromDays), validUntil: Tonight.PlusDays(untilDays))], [AMan("m")])), "m"));

    [Fact]
    public void Solve_WhenHostDoesNotAcceptCategory_LeavesHouseholdUnplaced()
    {
        var plan = Solve(Night([AHost("h", accepts: [HouseholdCategory.Women, HouseholdCategory.Family])], [AMan("m"), AWoman("w")]));
        Assert.False(Placed(plan, "m"));
        Assert.True(Placed(plan, "w"));
    }

    [Fact]
    public void Solve_WhenMinorAndUncertifiedHost_LeavesMinorUnplaced()
    {
        var plan = Solve(Night([AHost("h", minorsCertified: false)], [AMinor("minor")]));
        Assert.False(Placed(plan, "minor"));
        Assert.Equal(UnplacedReason.NoCompatibleHost, plan.Unplaced.Single().Reason);
        Assert.Contains("certified", plan.Unplaced.Single().Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(-1, false)] // the certificate ended last night
    [InlineData(0, true)] // tonight is its last night: inclusive
    [InlineData(30, true)]
    public void Solve_PlacesAMinorOnlyWhileTheHostsCertificateCoversTheNight(int certifiedUntilDays, bool placed) =>
        Assert.Equal(placed, Placed(Solve(Night([AHost("h", minorsCertified: true) with { CertifiedUntil = Tonight.PlusDays(certifiedUntilDays) }],
            [AMinor("minor")])), "minor"));

    [Fact]
    public void MinorsNeedCertifiedHost_WithoutExpiry_IsNeutral_AndAnExpiryNeverConcernsAdults()
    {
        var certified = AHost("h", minorsCertified: true, accepts: [HouseholdCategory.Minor, HouseholdCategory.Men]);
        Assert.True(HardRules.MinorsNeedCertifiedHost(certified, HouseholdCategory.Minor, Tonight.PlusDays(3650)));
        var expired = certified with { CertifiedUntil = Tonight.PlusDays(-1) };
        Assert.False(HardRules.MinorsNeedCertifiedHost(expired, HouseholdCategory.Minor, Tonight));
        Assert.True(HardRules.MinorsNeedCertifiedHost(expired, HouseholdCategory.Men, Tonight));
        Assert.False(HardRules.MinorsNeedCertifiedHost(certified with { MinorsCertified = false }, HouseholdCategory.Minor, Tonight));
    }

    [Fact]
    public void ReadingANightFile_TakesTheOptionalCertifiedUntil()
    {
        const string json = """
            { "night": "2026-11-26", "base": { "latitude": 48.8986, "longitude": 2.3592 },
              "hosts": [ { "id": "h", "latitude": 48.9, "longitude": 2.36, "beds": 1, "accepts": ["minor"], "minorsCertified": true,
                           "certifiedUntil": "2026-11-25", "availableTonight": true,
                           "agreementValidFrom": "2026-01-01", "agreementValidUntil": "2026-12-31" },
                         { "id": "k", "latitude": 48.9, "longitude": 2.36, "beds": 1, "accepts": ["minor"], "minorsCertified": true,
                           "availableTonight": true, "agreementValidFrom": "2026-01-01", "agreementValidUntil": "2026-12-31" } ],
              "households": [] }
            """;
        var night = NightFileReader.Read(json).Night!;
        Assert.Equal(Tonight.PlusDays(-1), night.Hosts[0].CertifiedUntil);
        Assert.Null(night.Hosts[1].CertifiedUntil);
        Assert.Contains("\"certifiedUntil\": \"2026-11-25\"", NightFileJson.Write(night));
    }

    [Fact]
    public void Solve_WhenMinorAndCertifiedHost_PlacesMinor() =>
        Assert.True(Placed(Solve(Night([AHost("h", minorsCertified: true)], [AMinor("minor")])), "minor"));

    [Fact]
    public void Solve_WhenWheelchairNeededAndHostNotAccessible_LeavesHouseholdUnplaced()
    {
        var plan = Solve(Night([AHost("stairs", wheelchairAccessible: false), AHost("ramp", wheelchairAccessible: true, kmNorth: 10)],
            [AFamily("f", wheelchair: true)]));
        Assert.Equal("ramp", plan.Placements.Single().HostId);
    }

    [Fact]
    public void Solve_WhenHostBeyondTravelLimit_LeavesHouseholdUnplaced()
    {
        var far = AHost("far", kmNorth: 30);
        var minutes = PlanChecker.Travel(Night([], []), far);
        Assert.True(minutes > 60);
        Assert.False(Placed(Solve(Night([far], [AMan("m")])), "m"));
        Assert.True(Placed(Solve(Night([far], [AMan("m")], new MatchingRules(MaxTravelMinutes: minutes))), "m"));
        Assert.False(Placed(Solve(Night([far], [AMan("m")], new MatchingRules(MaxTravelMinutes: minutes - 1))), "m"));
    }

    [Fact]
    public void Solve_NeverPutsMorePeopleThanBeds()
    {
        var plan = Solve(Night([AHost("h", beds: 3, maxHouseholds: 2)], [AMan("a", 2), AMan("b", 2)]));
        Assert.Single(plan.Placements);
    }

    [Fact]
    public void Solve_NeverPutsMoreHouseholdsThanMaxHouseholds()
    {
        var plan = Solve(Night([AHost("h", beds: 6, maxHouseholds: 2)], [AMan("a"), AMan("b"), AMan("c")]));
        Assert.Equal(2, plan.Placements.Count);
    }

    [Fact]
    public void Solve_NeverMixesCategoriesAtOneHost()
    {
        var plan = Solve(Night([AHost("h", beds: 6, maxHouseholds: 2)], [AWoman("w"), AMan("m")]));
        Assert.Equal("w", plan.Placements.Single().HouseholdId);
    }

    [Fact]
    public void Solve_PutsTwoHouseholdsOfOneCategoryTogether()
    {
        var plan = Solve(Night([AHost("h", beds: 6, maxHouseholds: 2)], [AMan("a", 2), AMan("b", 3)]));
        Assert.Equal(2, plan.Placements.Count);
    }

    [Fact]
    public void Solve_NeverSplitsAHousehold()
    {
        var plan = Solve(Night([AHost("a", beds: 2), AHost("b", beds: 2)], [AFamily("f", children: 2)]));
        Assert.Empty(plan.Placements);
        Assert.Equal(UnplacedReason.TooLarge, plan.Unplaced.Single().Reason);
    }

    [Fact]
    public void IsAvailable_IsInclusiveAtBothEnds()
    {
        var host = AHost("h", validFrom: Tonight, validUntil: Tonight);
        Assert.True(HardRules.IsAvailable(host, Tonight));
        Assert.False(HardRules.IsAvailable(host, Tonight.PlusDays(1)));
        Assert.False(HardRules.IsAvailable(host, Tonight.PlusDays(-1)));
    }

    private static readonly NightHost TwoHouseholdsFourBeds = AHost("h", beds: 4, maxHouseholds: 2);

    [Fact]
    public void FitsTogether_WhenBedsCountAndCategoryAllow_IsTrue() =>
        Assert.True(HardRules.FitsTogether(TwoHouseholdsFourBeds, [AMan("a", 2), AMan("b", 2)]));

    [Fact]
    public void FitsTogether_WhenPeopleOutnumberTheBeds_IsFalse() =>
        Assert.False(HardRules.FitsTogether(TwoHouseholdsFourBeds, [AMan("a", 2), AMan("b", 3)]));

    [Fact]
    public void FitsTogether_WhenCategoriesMix_IsFalse() =>
        Assert.False(HardRules.FitsTogether(TwoHouseholdsFourBeds, [AMan("a"), AWoman("b")]));

    [Fact]
    public void FitsTogether_WhenHouseholdsOutnumberMaxHouseholds_IsFalse() =>
        Assert.False(HardRules.FitsTogether(TwoHouseholdsFourBeds, [AMan("a"), AMan("b"), AMan("c")]));

    public static TheoryData<string, HardRule?> FirstBrokenCases() => new()
    {
        { "none", null },
        { "unavailable", HardRule.Available },
        { "women-only", HardRule.AcceptsCategory },
        { "uncertified", HardRule.MinorsNeedCertifiedHost },
        { "stairs", HardRule.WheelchairAccess },
        { "far", HardRule.WithinTravelLimit },
        // Breaking several, the first in the spec's order is named.
        { "unavailable-far-women-only", HardRule.Available },
    };

    [Theory]
    [MemberData(nameof(FirstBrokenCases))]
    public void FirstBroken_NamesTheFirstRuleInTheSpecsOrder(string hostKind, HardRule? expected)
    {
        var host = hostKind switch
        {
            "unavailable" => AHost("h", availableTonight: false),
            "women-only" => AHost("h", accepts: [HouseholdCategory.Women]),
            "uncertified" => AHost("h", minorsCertified: false),
            "stairs" => AHost("h", wheelchairAccessible: false),
            "far" => AHost("h", kmNorth: 30, wheelchairAccessible: true),
            "unavailable-far-women-only" => AHost("h", availableTonight: false, kmNorth: 30, accepts: [HouseholdCategory.Women]),
            _ => AHost("h", wheelchairAccessible: true),
        };
        var minor = AHousehold("m", [new Member(16, Sex.Male)], wheelchair: hostKind is "stairs" or "none" or "far");
        var travel = HardRules.TravelMinutes(Night([], []).Base, host, MatchingRules.Default);
        Assert.Equal(expected, HardRules.FirstBroken(Tonight, MatchingRules.Default, host, minor, travel));
        Assert.Equal(expected is null, HardRules.Allows(Night([host], [minor]), host, minor, travel));
    }

    [Fact]
    public void WithinHouseholdLimit_CountsUpToMaxHouseholdsInclusive()
    {
        var host = AHost("h", maxHouseholds: 2);
        Assert.True(HardRules.WithinHouseholdLimit(host, 2));
        Assert.False(HardRules.WithinHouseholdLimit(host, 3));
    }

    [Fact]
    public void OneCategory_HoldsForNoneOrOneCategoryOnly()
    {
        Assert.True(HardRules.OneCategory([]));
        Assert.True(HardRules.OneCategory([HouseholdCategory.Family, HouseholdCategory.Family]));
        Assert.False(HardRules.OneCategory([HouseholdCategory.Family, HouseholdCategory.Women]));
    }
}
