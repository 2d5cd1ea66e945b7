using System.Text.Json;
using HostingMatch.Application.Matching;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Domain.Requests;
using static HostingMatch.UnitTests.Matching.NightBuilder;

namespace HostingMatch.UnitTests.Matching;

/// <summary>Host load (docs/matching.md): the monthly limit of nights (rule 1) and level 6, the recent nights of the hosts used.</summary>
public sealed class HostLoadTests
{
    private static Plan SolveChecked(NightFile night)
    {
        var plan = MatchingEngine.Solve(night);
        Assert.True(plan.Optimal);
        Assert.Empty(PlanChecker.Problems(night, plan));
        Assert.Equal(BruteForce.BestVector(night), plan.Summary.ObjectiveVector);
        return plan;
    }

    [Fact]
    public void Solve_WhenTheOnlyHostIsAtItsMonthlyLimit_LeavesTheHouseholdOutAndSaysWhy()
    {
        var night = Night([AHost("h") with { MaxNightsPerMonth = 4, NightsHostedThisMonth = 4 }], [AFamily("family")]);

        var plan = SolveChecked(night);

        Assert.Empty(plan.Placements);
        var unplaced = Assert.Single(plan.Unplaced);
        Assert.Equal(UnplacedReason.NoCompatibleHost, unplaced.Reason);
        Assert.Contains("1 host(s) have already hosted their maximum of nights this month", unplaced.Detail);
    }

    [Fact]
    public void Solve_WhenAHostHasOneNightLeftThisMonth_MatchesIt()
    {
        var night = Night([AHost("h") with { MaxNightsPerMonth = 4, NightsHostedThisMonth = 3 }], [AFamily("family")]);

        Assert.Equal("h", Assert.Single(SolveChecked(night).Placements).HostId);
    }

    [Fact]
    public void Solve_AHostAtItsLimit_IsNotMatchedEvenWhenNearer()
    {
        var night = Night(
            [AHost("near", kmNorth: 1) with { MaxNightsPerMonth = 2, NightsHostedThisMonth = 2 }, AHost("far", kmNorth: 9)],
            [AFamily("family")]);

        Assert.Equal("far", Assert.Single(SolveChecked(night).Placements).HostId);
    }

    [Fact]
    public void Solve_OfTwoEqualHosts_ChoosesTheOneWhoHostedLessInTheLast30Nights()
    {
        // Listed first and otherwise identical, the busy host would win every tie.
        var night = Night([AHost("busy") with { NightsHostedLast30 = 5 }, AHost("rested") with { NightsHostedLast30 = 1 }], [AFamily("family")]);

        var plan = SolveChecked(night);

        Assert.Equal("rested", Assert.Single(plan.Placements).HostId);
        Assert.Equal(1, plan.Summary.RecentHostNights);
    }

    [Fact]
    public void Solve_HostLoadComesBeforeTravel()
    {
        var night = Night([AHost("near", kmNorth: 1) with { NightsHostedLast30 = 3 }, AHost("far", kmNorth: 9)], [AFamily("family")]);

        Assert.Equal("far", Assert.Single(SolveChecked(night).Placements).HostId);
    }

    [Fact]
    public void Solve_ContinuityComesBeforeHostLoad()
    {
        var night = Night([AHost("last") with { NightsHostedLast30 = 9 }, AHost("rested")], [AFamily("family", lastHostId: "last")]);

        Assert.Equal("last", Assert.Single(SolveChecked(night).Placements).HostId);
    }

    [Fact]
    public void Solve_CountsAHostsRecentNightsOncePerNight_SoTwoHouseholdsShareABusyHomeRatherThanOpenTwo()
    {
        // Two households at "busy" cost its 4 recent nights once; spreading them costs 4 + 3 (or 3 + 3 is impossible: one rested host).
        var night = Night(
            [AHost("busy", beds: 4, maxHouseholds: 2) with { NightsHostedLast30 = 4 }, AHost("other", beds: 2) with { NightsHostedLast30 = 3 }],
            [AMan("a", 2), AMan("b", 2)]);

        var plan = SolveChecked(night);

        Assert.All(plan.Placements, p => Assert.Equal("busy", p.HostId));
        Assert.Equal(4, plan.Summary.RecentHostNights);
    }

    [Fact]
    public void Solve_OnTheFlowRelaxationPath_KeepsHostLoadOncePerHost()
    {
        // Greedy places everyone (levels 1-4 proved), then the flow relaxation: it charges the shared host nothing, so its
        // answer (everyone at the near shared host, 10 recent nights) must not be taken as proved: three rested hosts
        // cost 2 + 2 + 2.
        var night = Night(
            [
                AHost("shared", beds: 6, maxHouseholds: 3, kmNorth: 2) with { NightsHostedLast30 = 10 },
                AHost("a", beds: 2, kmNorth: 8) with { NightsHostedLast30 = 2 },
                AHost("b", beds: 2, kmNorth: 8) with { NightsHostedLast30 = 2 },
                AHost("c", beds: 2, kmNorth: 8) with { NightsHostedLast30 = 2 },
            ],
            [AMan("m1", 2), AMan("m2", 2), AMan("m3", 2)]);

        var plan = SolveChecked(night);

        Assert.Equal(["a", "b", "c"], plan.Placements.Select(p => p.HostId).Order(StringComparer.Ordinal));
        Assert.Equal(6, plan.Summary.RecentHostNights);
    }

    [Theory]
    [InlineData("night-paris-sample")]
    [InlineData("night-tight-sample")]
    public void Solve_ANightFileWithoutHostLoad_GivesExactlyThePlanOfTheEngineBeforeHostLoad(string sample)
    {
        // The .before-host-load plans are the engine's own output at commit 66e1bbb, before host load existed.
        var folder = Path.Combine(AppContext.BaseDirectory, "Matching", "Samples");
        var night = NightFileReader.Read(File.ReadAllText(Path.Combine(folder, sample + ".json"))).Night!;
        using var before = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, sample + ".before-host-load.plan.json")));

        var plan = MatchingEngine.Solve(night);

        Assert.Equal(
            before.RootElement.GetProperty("placements").EnumerateArray().Select(p => (p.GetProperty("householdId").GetString(), p.GetProperty("hostId").GetString())),
            plan.Placements.Select(p => ((string?)p.HouseholdId, (string?)p.HostId)));
        Assert.Equal(
            before.RootElement.GetProperty("unplaced").EnumerateArray().Select(u => (u.GetProperty("householdId").GetString(), u.GetProperty("detail").GetString())),
            plan.Unplaced.Select(u => ((string?)u.HouseholdId, (string?)u.Detail)));
        Assert.Equal(0, plan.Summary.RecentHostNights);
    }

    [Fact]
    public void Read_HostLoadFields_AreOptionalAndChecked()
    {
        const string template = """
            { "night": "2026-11-26", "base": { "latitude": 48.8986, "longitude": 2.3592 },
              "hosts": [ { "id": "h", "latitude": 48.9, "longitude": 2.36, "beds": 2, "accepts": ["men"], "minorsCertified": false,
                           "availableTonight": true, "agreementValidFrom": "2026-01-01", "agreementValidUntil": "2027-01-01" HOSTLOAD } ],
              "households": [ { "id": "m", "members": [ { "age": 30, "sex": "male" } ] } ] }
            """;
        var plain = NightFileReader.Read(template.Replace("HOSTLOAD", "")).Night!.Hosts[0];
        Assert.Equal((null, 0, 0), (plain.MaxNightsPerMonth, plain.NightsHostedThisMonth, plain.NightsHostedLast30));

        var loaded = NightFileReader.Read(template.Replace("HOSTLOAD", ""","maxNightsPerMonth": 8, "nightsHostedThisMonth": 3, "nightsHostedLast30": 5""")).Night!.Hosts[0];
        Assert.Equal((8, 3, 5), (loaded.MaxNightsPerMonth, loaded.NightsHostedThisMonth, loaded.NightsHostedLast30));

        var bad = NightFileReader.Read(template.Replace("HOSTLOAD", ""","maxNightsPerMonth": 0, "nightsHostedThisMonth": -1, "nightsHostedLast30": 31"""));
        Assert.Null(bad.Night);
        Assert.Equal(
            ["$.hosts[0].maxNightsPerMonth", "$.hosts[0].nightsHostedLast30", "$.hosts[0].nightsHostedThisMonth"],
            bad.Errors.Select(e => e.Path).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void WriteThenRead_KeepsHostLoad()
    {
        var night = Night([AHost("h") with { MaxNightsPerMonth = 6, NightsHostedThisMonth = 2, NightsHostedLast30 = 4 }], [AMan("m")]);

        var again = NightFileReader.Read(NightFileJson.Write(night)).Night!;

        Assert.Equal((6, 2, 4), (again.Hosts[0].MaxNightsPerMonth, again.Hosts[0].NightsHostedThisMonth, again.Hosts[0].NightsHostedLast30));
    }
}
