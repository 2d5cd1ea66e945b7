using HostingMatch.Application.Stays.Planner;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.UnitTests.Stays;

/// <summary>
/// Tiny random stays files (2-3 guests, 2-3 hosts, 8-12 nights) that hit every rule often: short minimum and
/// maximum stays, gaps in availability, certificates expiring, mixed categories, regions, current stays.
/// </summary>
internal static class RandomStays
{
    public static readonly LocalDate PlanFrom = new(2027, 3, 1);

    public static StaysFile Create(int seed)
    {
        var random = new Random(seed);
        var nights = random.Next(8, 13);
        var planUntil = PlanFrom.PlusDays(nights);
        var minStay = random.Next(2, 5);
        var regions = new[] { "nord", "bretagne" };
        var hosts = new List<StaysHost>();
        var hostCount = random.Next(2, 4);
        for (var k = 0; k < hostCount; k++)
        {
            var available = new List<StayPeriod>();
            var day = random.Next(0, 3);
            while (day < nights)
            {
                var length = random.Next(3, nights + 1);
                available.Add(new StayPeriod(PlanFrom.PlusDays(day), PlanFrom.PlusDays(Math.Min(nights + 2, day + length))));
                day += length + random.Next(1, 4);
            }

            var accepts = new[] { HouseholdCategory.Minor, HouseholdCategory.Family, HouseholdCategory.Women, HouseholdCategory.Men }
                .Where(_ => random.NextDouble() < 0.6).ToHashSet();
            if (accepts.Count == 0)
            {
                accepts.Add(HouseholdCategory.Minor);
            }

            hosts.Add(new StaysHost(
                $"k-{k}",
                regions[random.Next(2)],
                new GeoPoint(48 + random.NextDouble(), 2 + random.NextDouble()),
                Beds: random.Next(1, 4),
                accepts,
                MinorsCertified: random.NextDouble() < 0.7,
                AgreementValidFrom: PlanFrom.PlusDays(random.NextDouble() < 0.15 ? random.Next(1, 4) : -30),
                AgreementValidUntil: planUntil.PlusDays(random.NextDouble() < 0.15 ? -random.Next(1, 5) : 30),
                available,
                MaxHouseholds: random.Next(1, 3),
                MaxNightsPerGuest: random.Next(minStay, minStay + 4),
                CertifiedUntil: random.NextDouble() < 0.3 ? PlanFrom.PlusDays(random.Next(0, nights)) : null,
                WheelchairAccessible: random.NextDouble() < 0.5));
        }

        var guests = new List<StaysGuest>();
        var usedForCurrent = new HashSet<string>();
        var guestCount = random.Next(2, 4);
        for (var g = 0; g < guestCount; g++)
        {
            var members = random.Next(4) switch
            {
                0 => new List<Member> { new(16, Sex.Male) },
                1 => [new(35, Sex.Female), new(4, Sex.Male)],
                2 => [new(30, Sex.Female)],
                _ => [new(40, Sex.Male)],
            };
            var needFrom = PlanFrom.PlusDays(random.NextDouble() < 0.6 ? -random.Next(0, 20) : random.Next(0, 4));
            LocalDate? needUntil = random.NextDouble() < 0.3 ? PlanFrom.PlusDays(random.Next(4, nights + 2)) : null;
            var guest = new StaysGuest(
                $"g-{g}",
                members,
                needFrom,
                new GeoPoint(48.85 + random.NextDouble() * 0.2, 2.35),
                needUntil,
                random.NextDouble() < 0.5 ? [] : [regions[random.Next(2)]],
                Vulnerable: random.NextDouble() < 0.2,
                NeedsWheelchairAccess: random.NextDouble() < 0.15);

            if (needFrom < PlanFrom && random.NextDouble() < 0.5)
            {
                // A current stay that the rules allow: a host taking the guest on every one of its nights in the horizon.
                var since = PlanFrom.PlusDays(-random.Next(1, 4));
                if (since < needFrom)
                {
                    since = needFrom;
                }

                var until = PlanFrom.PlusDays(random.Next(0, 5));
                var end = until < planUntil ? until : planUntil;
                var host = hosts.FirstOrDefault(h => !usedForCurrent.Contains(h.Id) && h.Beds >= guest.People
                    && Period.DaysBetween(since, until) <= h.MaxNightsPerGuest
                    && Enumerable.Range(0, Period.DaysBetween(PlanFrom, end)).All(d => StaysPlanChecker.Passes3To5(h, guest, PlanFrom.PlusDays(d)))
                    && (end > PlanFrom || StaysPlanChecker.Passes3To5(h, guest, PlanFrom)));
                if (host is not null && since < PlanFrom)
                {
                    usedForCurrent.Add(host.Id);
                    guest = guest with { Current = new CurrentStay(host.Id, since, until) };
                }
            }

            guests.Add(guest);
        }

        return new StaysFile(PlanFrom, planUntil, new StaysRules(minStay), hosts, guests);
    }
}
