using System.Text.Json.Nodes;
using HostingMatch.Application.VanRuns;
using NodaTime;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.UnitTests.VanRuns;

public sealed class VanPlannerTests
{
    private static readonly VanPlannerOptions Quick = new() { TimeLimit = TimeSpan.FromMilliseconds(400) };

    private static VanPlan PlanValid(RunsFile input, VanPlannerOptions? options = null)
    {
        options ??= Quick;
        var plan = VanPlanner.Plan(input, options);
        Assert.Empty(VanPlanChecker.Check(input, plan, options));
        return plan;
    }

    public static TheoryData<int, int, int> Generated() => new()
    {
        { 1, 10, 1 }, { 2, 10, 2 }, { 3, 20, 1 }, { 4, 20, 2 }, { 5, 30, 1 }, { 6, 30, 2 }, { 7, 40, 1 }, { 8, 40, 2 },
    };

    [Theory]
    [MemberData(nameof(Generated))]
    public void Plan_OnGeneratedEvenings_KeepsEveryHardRule(int seed, int stops, int vans)
    {
        var input = RunsFiles.Generate(seed, stops, vans);

        var plan = PlanValid(input);

        var baseline = NearestNeighbourVanPlanner.Plan(input);
        Assert.Empty(VanPlanChecker.Check(input, baseline));
        Assert.True(plan.Summary.PeopleDelivered >= baseline.Summary.PeopleDelivered);
        if (plan.Summary.PeopleDelivered == baseline.Summary.PeopleDelivered)
        {
            Assert.True(plan.Summary.PersonArrivalMinutes <= baseline.Summary.PersonArrivalMinutes);
        }
    }

    [Fact]
    public void Plan_WhenStopTooLargeForVan_ReportsTooLarge()
    {
        var input = RunsFiles.Evening([RunsFiles.Stop("h-big", 2, 0, people: 9), RunsFiles.Stop("h-ok", 1, 1)]);

        var plan = PlanValid(input);

        var unserved = Assert.Single(plan.Unserved);
        Assert.Equal(("h-big", UnservedReason.TooLargeForVan), (unserved.HostId, unserved.Reason));
        Assert.Equal(2, plan.Summary.PeopleDelivered);
    }

    [Fact]
    public void Plan_WhenWindowClosesBeforeAnyVanCanArrive_ReportsNoTime()
    {
        // 8 km away is about 32 minutes: the first trip leaves at 20:40 and cannot be there by 20:50.
        var input = RunsFiles.Evening([RunsFiles.Stop("h-far", 8, 0, until: "20:50"), RunsFiles.Stop("h-ok", 1, 1)]);

        var plan = PlanValid(input);

        var unserved = Assert.Single(plan.Unserved);
        Assert.Equal(("h-far", UnservedReason.NoTime), (unserved.HostId, unserved.Reason));
        Assert.Contains("20:50", unserved.Detail);
    }

    [Fact]
    public void Plan_WhenVansAreFullForTheEvening_ReportsTheRestAsNoTime()
    {
        var stops = Enumerable.Range(0, 12).Select(i => RunsFiles.Stop($"h-{i}", 6, i - 6, people: 4)).ToList();
        var input = RunsFiles.Evening(stops, latestArrival: "22:00");

        var plan = PlanValid(input);

        Assert.NotEmpty(plan.Trips);
        Assert.NotEmpty(plan.Unserved);
        Assert.All(plan.Unserved, u => Assert.Equal(UnservedReason.NoTime, u.Reason));
        Assert.Equal(48, plan.Summary.PeopleDelivered + (plan.Unserved.Count * 4));
        Assert.All(plan.Unserved, u => Assert.StartsWith("4 people: the vans are full for the evening", u.Detail));
    }

    [Fact]
    public void Plan_WhenAStopIsUnserved_ItsDetailSaysHowManyPeopleAreLeft()
    {
        var input = RunsFiles.Evening([RunsFiles.Stop("h-far", 8, 0, people: 1, until: "20:50"), RunsFiles.Stop("h-ok", 1, 1)]);

        var plan = PlanValid(input);

        Assert.StartsWith("1 person: ", Assert.Single(plan.Unserved).Detail);
    }

    [Fact]
    public void Plan_WhenTheVanIsEarly_ArrivesAsTheWindowOpensAndLeavesLaterInstead()
    {
        var input = RunsFiles.Evening([RunsFiles.Stop("h-1", 2, 0, people: 3, from: "21:30", until: "22:30")]);

        var plan = PlanValid(input);

        var trip = Assert.Single(plan.Trips);
        var stop = Assert.Single(trip.Stops);
        Assert.Equal(new LocalTime(21, 30), stop.ArriveAt.TimeOfDay);
        var drive = RunsRules.Default.Minutes(RunsFiles.Base, input.Stops[0].Location);
        Assert.Equal(new LocalTime(21, 30).PlusMinutes(-drive), trip.DepartAt.TimeOfDay);
    }

    [Fact]
    public void Plan_WithTheSlowestAcceptedRulesAndAStopAcrossTheWorld_ReportsNoTimeWithoutOverflow()
    {
        // 1 km/h and detour 5 (the reader's bounds) to the antipode: about six million minutes, far inside an int.
        var antipode = new HostingMatch.Domain.Geography.GeoPoint(-RunsFiles.Base.Latitude, RunsFiles.Base.Longitude - 180);
        var input = RunsFiles.Evening([RunsFiles.Stop("h-far", 0, 0) with { Location = antipode }, RunsFiles.Stop("h-ok", 0.1, 0)])
            with { Rules = new RunsRules(1, 5) };

        var plan = PlanValid(input);

        Assert.Equal(("h-far", UnservedReason.NoTime), (Assert.Single(plan.Unserved).HostId, plan.Unserved[0].Reason));
        Assert.Equal(["h-ok"], plan.Trips.SelectMany(t => t.Stops).Select(s => s.HostId));
    }

    [Fact]
    public void Plan_WhenTransportIsOther_LeavesTheStopOutOfTripsAndUnserved()
    {
        var input = RunsFiles.Evening([RunsFiles.Stop("h-own", 1, 0, transport: StopTransport.Other), RunsFiles.Stop("h-van", 1, 1)]);

        var plan = PlanValid(input);

        Assert.DoesNotContain(plan.Trips.SelectMany(t => t.Stops), s => s.HostId == "h-own");
        Assert.Empty(plan.Unserved);
        Assert.Equal("h-van", Assert.Single(Assert.Single(plan.Trips).Stops).HostId);
    }

    [Fact]
    public void Plan_WhenAStopHasSeveralHouseholds_TheyRideTogether()
    {
        var stop = RunsFiles.Stop("h-1", 2, 0) with { Households = [new("hh-a", 3), new("hh-b", 4)] };
        var input = RunsFiles.Evening([stop, RunsFiles.Stop("h-2", 2, 1, people: 3)]);

        var plan = PlanValid(input);

        var served = plan.Trips.SelectMany(t => t.Stops).Single(s => s.HostId == "h-1");
        Assert.Equal(["hh-a", "hh-b"], served.HouseholdIds);
        Assert.Equal(2, plan.Trips.Count);
    }

    [Fact]
    public void Plan_WhenAVanIsStillOutOnADepartedTrip_PlansItsNextTripsAfterItsReturn()
    {
        var input = RunsFiles.Generate(11, 14, 2);
        var back = input.At(new LocalTime(21, 40));
        var options = Quick with { VanAvailability = new Dictionary<string, VanAvailability> { ["van-1"] = new(back, TripsDone: 1) } };

        var plan = PlanValid(input, options);

        var van1 = plan.Trips.Where(t => t.VanId == "van-1").ToList();
        Assert.NotEmpty(van1);
        Assert.Equal(2, van1.Min(t => t.Trip));
        Assert.All(van1, t => Assert.True(t.DepartAt.ToInstant() >= back + Duration.FromMinutes(10)));
        Assert.Contains(plan.Trips, t => t.VanId == "van-2" && t.Trip == 1);
    }

    [Fact]
    public void Plan_OnTheSpringClockChangeNight_CountsElapsedMinutesAndOffsets()
    {
        // Night of 2026-03-28: at 02:00 on the 29th the clocks jump to 03:00.
        var input = RunsFiles.Evening([RunsFiles.Stop("h-1", -12, 0, people: 3, from: "01:30", until: "04:00")], night: "2026-03-28", firstDeparture: "01:30", latestArrival: "04:00");

        var plan = PlanValid(input);

        var trip = Assert.Single(plan.Trips);
        var stop = Assert.Single(trip.Stops);
        Assert.Equal("2026-03-29T01:40:00+01:00", VanPlanJson.Format(trip.DepartAt));
        Assert.Equal(Offset.FromHours(2), stop.ArriveAt.Offset);
        var drive = (int)(stop.ArriveAt.ToInstant() - trip.DepartAt.ToInstant()).TotalMinutes;
        Assert.InRange(drive, 40, 60);
        Assert.Equal(new LocalTime(2, 40).PlusMinutes(drive), stop.ArriveAt.TimeOfDay);
        Assert.Equal(3 * (10 + drive), plan.Summary.PersonArrivalMinutes);
    }

    [Fact]
    public void Plan_OnTheAutumnClockChangeNight_CountsElapsedMinutesAndOffsets()
    {
        // Night of 2026-10-24: at 03:00 on the 25th the clocks go back to 02:00; 02:20 is its first occurrence.
        var input = RunsFiles.Evening([RunsFiles.Stop("h-1", -12, 0, people: 3, from: "02:20", until: "04:00")], night: "2026-10-24", firstDeparture: "02:20", latestArrival: "04:00");

        var plan = PlanValid(input);

        var trip = Assert.Single(plan.Trips);
        var stop = Assert.Single(trip.Stops);
        Assert.Equal("2026-10-25T02:30:00+02:00", VanPlanJson.Format(trip.DepartAt));
        Assert.Equal(Offset.FromHours(1), stop.ArriveAt.Offset);
        var drive = (int)(stop.ArriveAt.ToInstant() - trip.DepartAt.ToInstant()).TotalMinutes;
        Assert.Equal(new LocalTime(1, 30).PlusMinutes(drive), stop.ArriveAt.TimeOfDay);
        Assert.Equal(3 * (10 + drive), plan.Summary.PersonArrivalMinutes);
        Assert.Equal(Offset.FromHours(1), trip.ReturnAt.Offset);
    }

    [Fact]
    public void Plan_OnClockChangeNights_GeneratedTripsPastMidnightKeepEveryRule()
    {
        foreach (var night in new[] { "2026-03-28", "2026-10-24" })
        {
            var generated = RunsFiles.Generate(21, 16, 2);
            var stops = generated.Stops.Select(s => s with { ArrivalFrom = new LocalTime(23, 0), ArrivalUntil = new LocalTime(4, 0) }).ToList();
            var input = RunsFiles.Evening(stops, vans: 2, night: night, firstDeparture: "23:00", latestArrival: "04:00");

            var plan = PlanValid(input);

            Assert.Contains(plan.Trips.SelectMany(t => t.Stops), s => s.ArriveAt.Hour is >= 2 and < 12);
        }
    }

    [Fact]
    public void Plan_OnTheSharedSample_DeliversAtLeastAsManyPeopleAsTheSamplePlan()
    {
        var input = RunsFileReader.Read(File.ReadAllText(Samples.Path("vans-sample.json"))).File!;
        var sample = JsonNode.Parse(File.ReadAllText(Samples.Path("vans-sample.plan.json")))!["summary"]!;
        var samplePeople = sample["peopleDelivered"]!.GetValue<int>();
        var sampleArrival = sample["personArrivalMinutes"]!.GetValue<int>();

        var plan = PlanValid(input, new VanPlannerOptions { TimeLimit = TimeSpan.FromSeconds(2) });

        // The sample plan is good, not optimal: more people delivered is better whatever the later levels say.
        Assert.True(plan.Summary.PeopleDelivered >= samplePeople, $"{plan.Summary.PeopleDelivered} < {samplePeople}");
        if (plan.Summary.PeopleDelivered == samplePeople)
        {
            Assert.True(plan.Summary.PersonArrivalMinutes <= sampleArrival * 1.03, $"{plan.Summary.PersonArrivalMinutes} vs {sampleArrival}");
        }
    }

    [Fact]
    public void Plan_WithASolutionLimit_IsTheSameEveryTime()
    {
        var input = RunsFiles.Generate(31, 25, 2);
        var options = new VanPlannerOptions { TimeLimit = TimeSpan.FromSeconds(30), SolutionLimit = 60 };

        var first = VanPlanner.Plan(input, options);
        var second = VanPlanner.Plan(input, options);

        Assert.Equal(Comparable(first), Comparable(second));
    }

    private static string Comparable(VanPlan plan) =>
        VanPlanJson.Serialize(plan with { Summary = plan.Summary with { SolveMilliseconds = 0 } });
}
