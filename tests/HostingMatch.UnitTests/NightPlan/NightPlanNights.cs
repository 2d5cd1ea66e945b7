using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.NightPlan.Engine;
using HostingMatch.Application.VanRuns.Planner;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.UnitTests.NightPlan;

/// <summary>Random nights with transport, small (for the exhaustive search) or of any size, clock-change nights included.</summary>
internal static class NightPlanNights
{
    public static readonly GeoPoint Base = new(48.8986, 2.3592);

    /// <summary>The last Saturdays of October 2026 and March 2027: the nights of the clock changes.</summary>
    public static readonly LocalDate Autumn = new(2026, 10, 24), Spring = new(2027, 3, 27);

    /// <summary>A point <paramref name="km"/> kilometres due north of the base (south when negative).</summary>
    public static GeoPoint North(double km) => new(Base.Latitude + (km / 111.19), Base.Longitude);

    /// <remarks><c>clockChange</c>: 0: an ordinary night; 1: autumn; 2: spring, with an evening late enough to cross the change.</remarks>
    public static NightPlanFile Create(int seed, int households, int hosts, int cars, int escorts, int clockChange = 0, double spreadKm = 9)
    {
        var random = new Random(seed);
        var night = clockChange switch { 1 => Autumn, 2 => Spring, _ => new LocalDate(2026, 11, 26) };
        var late = clockChange != 0;
        var first = late ? new LocalTime(1, 0) : new LocalTime(20, 30);
        var latest = late ? new LocalTime(4, 0) : new LocalTime(23, 59);

        var hostList = new List<NightHost>();
        var arrivals = new Dictionary<string, HostArrival>();
        for (var k = 0; k < hosts; k++)
        {
            var accepts = new[] { HouseholdCategory.Minor, HouseholdCategory.Family, HouseholdCategory.Women, HouseholdCategory.Men }
                .Where(_ => random.NextDouble() < 0.7).ToHashSet();
            var id = $"h-{k:000}";
            hostList.Add(new NightHost(id, Around(random, spreadKm), random.Next(1, 6), random.Next(1, 3), accepts,
                random.NextDouble() < 0.5, random.NextDouble() < 0.3, random.NextDouble() < 0.95, night.PlusDays(-30), night.PlusDays(30)));
            var fetches = random.NextDouble() < 0.15;
            LocalTime? from = null, until = null;
            if (random.NextDouble() < 0.3)
            {
                var start = first.PlusMinutes(random.Next(0, 90));
                from = start;
                until = start.PlusMinutes(random.Next(30, 150));
            }

            if (fetches || from is not null)
            {
                arrivals[id] = new HostArrival(from, until, fetches);
            }
        }

        var householdList = new List<NightHousehold>();
        for (var i = 0; i < households; i++)
        {
            var members = Members(random, random.Next(1, 5));
            householdList.Add(new NightHousehold($"hh-{i:000}", members, random.NextDouble() < 0.1, random.NextDouble() < 0.1,
                random.Next(0, 6), random.NextDouble() < 0.2 ? hostList[random.Next(hostList.Count)].Id : null));
        }

        var vehicles = new List<NightVehicle> { new("van-1", 8, first, late ? new LocalTime(5, 0) : new LocalTime(0, 30)) };
        for (var c = 0; c < cars; c++)
        {
            vehicles.Add(new NightVehicle($"car-{c + 1}", 3, first.PlusMinutes(random.Next(0, 60)), latest.PlusMinutes(-random.Next(0, 60))));
        }

        var transport = new NightTransport(first, latest, 10, 5, RunsRules.Default, vehicles,
            new PublicTransportRules(escorts, LastArrival: late ? new LocalTime(4, 30) : null));
        var file = new NightFile(night, new NightBase("Porte de la Chapelle", Base), MatchingRules.Default, hostList, householdList);
        return new NightPlanFile(file, transport, arrivals);
    }

    /// <summary>
    /// A night with every parameter drawn at random over a wide range, beyond the network's usual evening: several vans
    /// of 5-9 seats or none, cars of 2-5 seats with shifts that may start late or be too short for any trip, loading and
    /// stop minutes from 0, households of up to 8 people, hosts of up to 9 beds and 3 households, arrival windows that
    /// may open before the first departure or close after the latest arrival, both clock-change nights.
    /// </summary>
    public static NightPlanFile Wide(int seed)
    {
        var random = new Random(seed);
        var clockChange = random.Next(5) switch { 0 => 1, 1 => 2, _ => 0 };
        var night = clockChange switch { 1 => Autumn, 2 => Spring, _ => new LocalDate(2026, 11, 26) };
        var late = clockChange != 0;
        var first = late ? new LocalTime(1, 0) : new LocalTime(19, 0).PlusMinutes(random.Next(0, 150));
        var latest = late ? new LocalTime(4, 0) : first.PlusMinutes(random.Next(60, 300));
        var spread = 2 + (random.NextDouble() * 23);

        var hostList = new List<NightHost>();
        var arrivals = new Dictionary<string, HostArrival>();
        var hosts = random.Next(1, 121);
        for (var k = 0; k < hosts; k++)
        {
            var accepts = new[] { HouseholdCategory.Minor, HouseholdCategory.Family, HouseholdCategory.Women, HouseholdCategory.Men }
                .Where(_ => random.NextDouble() < 0.6).ToHashSet();
            var id = $"w-{k:000}";
            hostList.Add(new NightHost(id, Around(random, spread), random.Next(1, 10), random.Next(1, 4), accepts,
                random.NextDouble() < 0.5, random.NextDouble() < 0.3, random.NextDouble() < 0.9, night.PlusDays(-30), night.PlusDays(30)));
            var fetches = random.NextDouble() < 0.2;
            LocalTime? from = null, until = null;
            if (random.NextDouble() < 0.4)
            {
                from = first.PlusMinutes(random.Next(-60, 180));
                until = from.Value.PlusMinutes(random.Next(0, 200));
            }

            if (fetches || from is not null)
            {
                arrivals[id] = new HostArrival(from, until, fetches);
            }
        }

        var householdList = new List<NightHousehold>();
        var households = random.Next(1, 46);
        for (var i = 0; i < households; i++)
        {
            var members = Members(random, random.Next(1, 9));
            householdList.Add(new NightHousehold($"wh-{i:000}", members, random.NextDouble() < 0.15, random.NextDouble() < 0.1,
                random.Next(0, 9), random.NextDouble() < 0.2 ? hostList[random.Next(hostList.Count)].Id : null));
        }

        var vehicles = new List<NightVehicle>();
        var vans = random.Next(0, 4);
        var cars = random.Next(0, 6);
        for (var v = 0; v < vans + cars; v++)
        {
            var from = first.PlusMinutes(random.Next(-30, 120));
            var until = from.PlusMinutes(random.Next(10, 360));
            vehicles.Add(new NightVehicle(v < vans ? $"van-{v + 1}" : $"car-{v - vans + 1}", v < vans ? random.Next(5, 10) : random.Next(2, 6), from, until));
        }

        var transport = new NightTransport(first, latest, random.Next(0, 21), random.Next(0, 11), RunsRules.Default, vehicles,
            new PublicTransportRules(random.Next(0, 5), LastArrival: random.NextDouble() < 0.5 ? null : latest.PlusMinutes(random.Next(-60, 60))));
        var file = new NightFile(night, new NightBase("Porte de la Chapelle", Base), MatchingRules.Default, hostList, householdList);
        return new NightPlanFile(file, transport, arrivals);
    }

    /// <summary>A household of <paramref name="size"/>: minors, a mother and her children, women, or adults (mostly men), at random.</summary>
    private static List<Member> Members(Random random, int size)
    {
        var kind = random.Next(4);
        return Enumerable.Range(0, size).Select(j => kind switch
        {
            0 => new Member(random.Next(10, 18), random.NextDouble() < 0.5 ? Sex.Female : Sex.Male),
            1 => new Member(j == 0 ? random.Next(18, 50) : random.Next(0, 18), j == 0 ? Sex.Female : Sex.Male),
            2 => new Member(random.Next(18, 70), Sex.Female),
            _ => new Member(random.Next(18, 70), random.NextDouble() < 0.3 ? Sex.Female : Sex.Male),
        }).ToList();
    }

    private static GeoPoint Around(Random random, double km)
    {
        var north = (random.NextDouble() * 2 - 1) * km;
        var east = (random.NextDouble() * 2 - 1) * km;
        return new GeoPoint(Base.Latitude + north / 111.19, Base.Longitude + east / (111.19 * Math.Cos(Base.Latitude * Math.PI / 180)));
    }
}
