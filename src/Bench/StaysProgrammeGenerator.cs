using HostingMatch.Application.Stays.Planner;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.Bench;

/// <summary>
/// Realistic and hard stays programmes: regions around real cities, hosts with gaps in their availability (holidays,
/// a week off), mostly one or two beds, a quarter certified for minors with some certificates expiring mid-horizon,
/// agreements ending, teenagers (most guests, tier 1), families, women and men, a third with a current stay.
/// </summary>
internal static class StaysProgrammeGenerator
{
    private static readonly (string Name, double Latitude, double Longitude)[] Regions =
    [
        ("bretagne", 48.1173, -1.6778), ("ile-de-france", 48.8566, 2.3522), ("indre-et-loire", 47.3941, 0.6848), ("nord", 50.6292, 3.0573),
    ];

    public static StaysFile Create(int seed, int regions, int guests, int hosts, int nights)
    {
        var random = new Random(seed);
        var planFrom = new LocalDate(2027, 3, 1);
        var planUntil = planFrom.PlusDays(nights);
        var hostList = new List<StaysHost>();
        for (var k = 0; k < hosts; k++)
        {
            var region = Regions[k % regions];
            var available = new List<StayPeriod>();
            var day = random.Next(-7, 10);
            while (day < nights)
            {
                var length = random.Next(10, 45);
                available.Add(new StayPeriod(planFrom.PlusDays(day), planFrom.PlusDays(day + length)));
                day += length + random.Next(3, 15);
            }

            var certified = random.NextDouble() < 0.45;
            var accepts = new HashSet<HouseholdCategory>();
            if (certified)
            {
                accepts.Add(HouseholdCategory.Minor);
            }

            foreach (var c in new[] { HouseholdCategory.Family, HouseholdCategory.Women, HouseholdCategory.Men })
            {
                if (random.NextDouble() < 0.4)
                {
                    accepts.Add(c);
                }
            }

            if (accepts.Count == 0)
            {
                accepts.Add(HouseholdCategory.Women);
            }

            var beds = random.NextDouble() < 0.6 ? 1 : random.Next(2, 5);
            hostList.Add(new StaysHost(
                $"k-{k:0000}",
                region.Name,
                new GeoPoint(region.Latitude + (random.NextDouble() - 0.5) * 0.8, region.Longitude + (random.NextDouble() - 0.5) * 1.2),
                beds,
                accepts,
                certified,
                planFrom.PlusDays(-random.Next(30, 300)),
                random.NextDouble() < 0.15 ? planFrom.PlusDays(random.Next(20, nights)) : planUntil.PlusDays(100),
                available,
                MaxHouseholds: beds > 1 && random.NextDouble() < 0.5 ? 2 : 1,
                MaxNightsPerGuest: random.Next(3, 6) * 7,
                CertifiedUntil: certified && random.NextDouble() < 0.25 ? planFrom.PlusDays(random.Next(7, nights)) : null,
                WheelchairAccessible: random.NextDouble() < 0.1));
        }

        var guestList = new List<StaysGuest>();
        var load = new Dictionary<string, int>();
        for (var g = 0; g < guests; g++)
        {
            var members = random.Next(10) switch
            {
                < 6 => new List<Member> { new(random.Next(14, 18), random.NextDouble() < 0.8 ? Sex.Male : Sex.Female) },
                6 => [new(random.Next(25, 45), Sex.Female), new(random.Next(1, 12), Sex.Male)],
                7 => [new(random.Next(20, 60), Sex.Female)],
                _ => [new(random.Next(19, 50), Sex.Male)],
            };
            var home = Regions[random.Next(regions)];
            var allowed = random.NextDouble() < 0.7 ? new List<string> { home.Name } : [home.Name, Regions[random.Next(regions)].Name];
            var needFrom = planFrom.PlusDays(random.NextDouble() < 0.5 ? -random.Next(1, 60) : random.Next(0, nights - 7));
            LocalDate? needUntil = random.NextDouble() < 0.4 ? needFrom.PlusDays(random.Next(21, 90)) : null;
            if (needUntil <= planFrom)
            {
                needUntil = planFrom.PlusDays(14);
            }

            var guest = new StaysGuest($"g-{g:0000}", members, needFrom, new GeoPoint(48.8986, 2.3592), needUntil, allowed.Distinct().ToList(),
                Vulnerable: random.NextDouble() < 0.1, NeedsWheelchairAccess: random.NextDouble() < 0.03);
            if (needFrom < planFrom && random.NextDouble() < 0.6)
            {
                guest = WithCurrentStay(guest, hostList, planFrom, random, load);
            }

            guestList.Add(guest);
        }

        return new StaysFile(planFrom, planUntil, StaysRules.Default, hostList, guestList);
    }

    /// <summary>A current stay the rules allow: a host that takes the guest on every night of it inside the horizon, alone there.</summary>
    private static StaysGuest WithCurrentStay(StaysGuest guest, List<StaysHost> hosts, LocalDate planFrom, Random random, Dictionary<string, int> load)
    {
        var since = planFrom.PlusDays(-random.Next(1, 14));
        if (since < guest.NeedFrom)
        {
            since = guest.NeedFrom;
        }

        if (since >= planFrom)
        {
            return guest;
        }

        var until = planFrom.PlusDays(random.Next(0, 14));
        var start = random.Next(hosts.Count);
        for (var i = 0; i < hosts.Count; i++)
        {
            var host = hosts[(start + i) % hosts.Count];
            if (load.ContainsKey(host.Id) || Period.DaysBetween(since, until) > host.MaxNightsPerGuest || host.Beds < guest.People
                || !host.Accepts.Contains(guest.Category) || (guest.Category == HouseholdCategory.Minor && !host.MinorsCertified)
                || (guest.NeedsWheelchairAccess && !host.WheelchairAccessible) || !guest.MayStayIn(host.Region))
            {
                continue;
            }

            var ok = true;
            for (var night = planFrom; night < until && ok; night = night.PlusDays(1))
            {
                ok = host.Available.Any(p => p.Contains(night)) && host.AgreementValidFrom <= night && night <= host.AgreementValidUntil
                    && (guest.Category != HouseholdCategory.Minor || host.CertifiedUntil is null || night <= host.CertifiedUntil);
            }

            if (ok)
            {
                load[host.Id] = 1;
                return guest with { Current = new CurrentStay(host.Id, since, until) };
            }
        }

        return guest;
    }
}
