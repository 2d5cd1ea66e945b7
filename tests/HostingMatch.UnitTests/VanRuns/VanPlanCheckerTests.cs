using HostingMatch.Application.VanRuns;
using NodaTime;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.UnitTests.VanRuns;

/// <summary>The checker must catch broken plans, or the generated-evening tests prove nothing.</summary>
public sealed class VanPlanCheckerTests
{
    private static readonly RunsFile Input = RunsFiles.Evening(
        [RunsFiles.Stop("h-1", 2, 0, people: 3), RunsFiles.Stop("h-2", 2, 1, people: 4, from: "21:00", until: "22:00")]);

    private static readonly VanPlan Valid = VanPlanner.Plan(Input, new VanPlannerOptions { TimeLimit = TimeSpan.FromMilliseconds(300) });

    [Fact]
    public void Check_WhenPlanKeepsTheRules_FindsNothing() => Assert.Empty(VanPlanChecker.Check(Input, Valid));

    [Theory]
    [InlineData("leaves before boarding ends", "rule 4")]
    [InlineData("arrives too soon", "rule 5")]
    [InlineData("arrives outside window", "rule 3")]
    [InlineData("arrives later than the van does", "earliest")]
    [InlineData("returns later than the van does", "earliest")]
    [InlineData("too few seats", "rule 1")]
    [InlineData("stop forgotten", "neither served nor reported")]
    [InlineData("household left behind", "rule 2")]
    [InlineData("wrong summary", "does not add up")]
    public void Check_WhenPlanBreaksARule_ReportsIt(string breakage, string expected)
    {
        var trip = Valid.Trips[0];
        var stop = trip.Stops[0];
        var input = Input;
        var plan = breakage switch
        {
            "leaves before boarding ends" => Replace(trip with { DepartAt = trip.DepartAt.PlusMinutes(-30) }),
            "arrives too soon" => Replace(trip with { Stops = [stop with { ArriveAt = trip.DepartAt }, .. trip.Stops.Skip(1)] }),
            "arrives outside window" => Replace(trip with { Stops = [stop with { ArriveAt = stop.ArriveAt.PlusMinutes(240) }, .. trip.Stops.Skip(1)] }),
            "arrives later than the van does" => Replace(trip with { Stops = [stop with { ArriveAt = stop.ArriveAt.PlusMinutes(3) }, .. trip.Stops.Skip(1)] }),
            "returns later than the van does" => Replace(trip with { ReturnAt = trip.ReturnAt.PlusMinutes(3) }),
            "stop forgotten" => Valid with { Trips = [.. Valid.Trips.Skip(1)] },
            "household left behind" => Replace(trip with { Stops = [stop with { HouseholdIds = [] }, .. trip.Stops.Skip(1)] }),
            "wrong summary" => Valid with { Summary = Valid.Summary with { PersonArrivalMinutes = Valid.Summary.PersonArrivalMinutes - 1 } },
            _ => Valid,
        };
        if (breakage == "too few seats")
        {
            input = Input with { Vans = [new RunsVan("van-1", 2)] };
        }

        var problems = VanPlanChecker.Check(input, plan);

        Assert.Contains(problems, p => p.Contains(expected, StringComparison.Ordinal));
    }

    private static VanPlan Replace(VanTrip trip) => Valid with { Trips = [trip, .. Valid.Trips.Skip(1)] };
}

file static class OffsetDateTimeExtensions
{
    public static OffsetDateTime PlusMinutes(this OffsetDateTime time, int minutes) =>
        time.ToInstant().Plus(Duration.FromMinutes(minutes)).InZone(HostingMatch.Domain.Night.Zone).ToOffsetDateTime();
}
