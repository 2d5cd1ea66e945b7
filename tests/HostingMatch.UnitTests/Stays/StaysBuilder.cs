using HostingMatch.Application.Stays.Planner;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.UnitTests.Stays;

/// <summary>Small stays programmes for the rule tests: day numbers count from <see cref="PlanFrom"/>.</summary>
internal static class StaysBuilder
{
    public static readonly LocalDate PlanFrom = new(2027, 3, 1);

    public static readonly GeoPoint Base = new(48.8986, 2.3592);

    public static LocalDate Day(int day) => PlanFrom.PlusDays(day);

    public static StaysHost Host(string id, int from = 0, int until = 28, int beds = 1, int maxHouseholds = 1, int maxNights = 28,
        HouseholdCategory[]? accepts = null, string region = "nord", double latitude = 50.6, LocalDate? certifiedUntil = null, bool wheelchair = false) =>
        new(id, region, new GeoPoint(latitude, 3.0), beds,
            (accepts ?? [HouseholdCategory.Minor, HouseholdCategory.Family, HouseholdCategory.Women, HouseholdCategory.Men]).ToHashSet(),
            MinorsCertified: true, Day(-100), Day(400), [new StayPeriod(Day(from), Day(until))], maxHouseholds, maxNights, certifiedUntil, wheelchair);

    public static StaysGuest Minor(string id, int needFrom = 0, int? needUntil = null, CurrentStay? current = null, string[]? regions = null) =>
        new(id, [new Member(16, Sex.Male)], Day(needFrom), Base, needUntil is { } u ? Day(u) : null, regions ?? [], Current: current);

    public static StaysGuest Woman(string id, int needFrom = 0, int? needUntil = null, bool wheelchair = false) =>
        new(id, [new Member(30, Sex.Female)], Day(needFrom), Base, needUntil is { } u ? Day(u) : null, [], NeedsWheelchairAccess: wheelchair);

    public static StaysFile File(int nights, IEnumerable<StaysHost> hosts, IEnumerable<StaysGuest> guests, int minStay = 7) =>
        new(PlanFrom, Day(nights), new StaysRules(minStay), [.. hosts], [.. guests]);

    /// <summary>Solves and checks the plan against the spec before returning it.</summary>
    public static StaysPlan Solve(StaysFile file)
    {
        var plan = StaysPlanner.Solve(file);
        Assert.True(plan.Optimal);
        Assert.Empty(StaysPlanChecker.Problems(file, plan));
        return plan;
    }
}
