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
                var since = PlanFrom.PlusDays(-random.Next(1, 4));
                guest = WithCurrentStay(guest, since < needFrom ? needFrom : since, PlanFrom.PlusDays(random.Next(0, 5)), planUntil, hosts, usedForCurrent);
            }

            guests.Add(guest);
        }

        return new StaysFile(PlanFrom, planUntil, new StaysRules(minStay), hosts, guests);
    }

    /// <summary>
    /// Stays files unlike the tests' tiny ones: every parameter drawn over a wide range (1-60 guests, 1-80 hosts, 1-120 nights,
    /// minimum stays 1-10, households of 1-8, hosts with no availability or no beds, guests no host can take), current stays only
    /// where the rules allow them, as <see cref="Create"/> does.
    /// </summary>
    public static StaysFile Wide(int seed)
    {
        var random = new Random(seed);
        bool Chance(double p) => random.NextDouble() < p;
        var nights = random.Next(4) switch { 0 => random.Next(1, 8), 1 => random.Next(8, 30), _ => random.Next(30, 121) };
        var planUntil = PlanFrom.PlusDays(nights);
        var minStay = random.Next(1, 11);
        var regions = new[] { "nord", "bretagne", "ile-de-france", "indre-et-loire" }.Take(random.Next(1, 5)).ToArray();
        var categories = new[] { HouseholdCategory.Minor, HouseholdCategory.Family, HouseholdCategory.Women, HouseholdCategory.Men };
        var hosts = new List<StaysHost>();
        var hostCount = random.Next(4) == 0 ? random.Next(1, 5) : random.Next(1, 81);
        var gappy = random.NextDouble();
        for (var k = 0; k < hostCount; k++)
        {
            var available = new List<StayPeriod>();
            if (Chance(0.4))
            {
                // None or the whole horizon and beyond.
                if (!Chance(0.25))
                {
                    available.Add(new StayPeriod(PlanFrom.PlusDays(-random.Next(0, 30)), planUntil.PlusDays(random.Next(0, 30))));
                }
            }
            else
            {
                var day = random.Next(-5, Math.Max(1, nights / 2));
                while (day < nights + 3)
                {
                    var length = random.Next(1, Math.Max(2, (int)(nights * (1 - gappy)) + 2));
                    available.Add(new StayPeriod(PlanFrom.PlusDays(day), PlanFrom.PlusDays(day + length)));
                    day += length + random.Next(1, Math.Max(2, (int)(10 * gappy) + 1));
                }
            }

            var accepts = categories.Where(_ => Chance(0.6)).ToHashSet();
            var beds = Chance(0.05) ? 0 : random.Next(1, 11);
            hosts.Add(new StaysHost(
                $"k-{k}",
                regions[random.Next(regions.Length)],
                new GeoPoint(43 + random.NextDouble() * 7, -4 + random.NextDouble() * 11),
                beds,
                accepts,
                MinorsCertified: Chance(0.7),
                AgreementValidFrom: Chance(0.2) ? PlanFrom.PlusDays(random.Next(0, nights + 1)) : PlanFrom.PlusDays(-random.Next(1, 400)),
                AgreementValidUntil: Chance(0.2) ? PlanFrom.PlusDays(random.Next(-1, nights + 1)) : planUntil.PlusDays(random.Next(0, 400)),
                available,
                MaxHouseholds: random.Next(1, 5),
                MaxNightsPerGuest: Chance(0.3) ? random.Next(1, 6) : random.Next(1, 61),
                CertifiedUntil: Chance(0.3) ? PlanFrom.PlusDays(random.Next(-3, nights + 3)) : null,
                WheelchairAccessible: Chance(0.3)));
        }

        var guests = new List<StaysGuest>();
        var usedForCurrent = new HashSet<string>();
        var guestCount = random.Next(4) == 0 ? random.Next(1, 5) : random.Next(1, 61);
        for (var g = 0; g < guestCount; g++)
        {
            var size = Chance(0.5) ? 1 : random.Next(1, 9);
            var members = random.Next(5) switch
            {
                0 => Enumerable.Range(0, size).Select(_ => new Member(random.Next(12, 18), Sex.Male)).ToList(),
                1 => [new(35, Sex.Female), .. Enumerable.Range(1, size - 1).Select(_ => new Member(random.Next(0, 18), Chance(0.5) ? Sex.Male : Sex.Female))],
                2 => Enumerable.Range(0, size).Select(_ => new Member(random.Next(18, 80), Sex.Female)).ToList(),
                3 => Enumerable.Range(0, size).Select(_ => new Member(random.Next(18, 80), Sex.Male)).ToList(),
                _ => Enumerable.Range(0, size).Select(_ => new Member(random.Next(0, 90), Chance(0.5) ? Sex.Male : Sex.Female)).ToList(),
            };
            var needFrom = PlanFrom.PlusDays(Chance(0.5) ? -random.Next(0, 60) : random.Next(0, nights + 5));
            LocalDate? needUntil = Chance(0.4) ? needFrom.PlusDays(random.Next(1, nights + 10)) : null;
            var guest = new StaysGuest(
                $"g-{g}",
                members,
                needFrom,
                new GeoPoint(43 + random.NextDouble() * 7, -4 + random.NextDouble() * 11),
                needUntil,
                Chance(0.4) ? [] : regions.Where(_ => Chance(0.5)).DefaultIfEmpty(Chance(0.5) ? "nowhere" : regions[0]).ToList(),
                Vulnerable: Chance(0.2),
                NeedsWheelchairAccess: Chance(0.15));

            if (needFrom < PlanFrom && Chance(0.5))
            {
                var since = PlanFrom.PlusDays(-random.Next(1, 30));
                guest = WithCurrentStay(guest, since < needFrom ? needFrom : since, PlanFrom.PlusDays(random.Next(0, nights + 10)), planUntil, hosts, usedForCurrent);
            }

            guests.Add(guest);
        }

        return new StaysFile(PlanFrom, planUntil, new StaysRules(minStay), hosts, guests);
    }

    /// <summary>
    /// The guest with a current stay <c>[since, until)</c> that the rules allow, at the first host not yet holding one that takes
    /// the guest on every one of its nights in the horizon; the guest unchanged when no host does.
    /// </summary>
    private static StaysGuest WithCurrentStay(StaysGuest guest, LocalDate since, LocalDate until, LocalDate planUntil, List<StaysHost> hosts, HashSet<string> usedForCurrent)
    {
        var end = until < planUntil ? until : planUntil;
        var host = hosts.FirstOrDefault(h => !usedForCurrent.Contains(h.Id) && h.Beds >= guest.People
            && Period.DaysBetween(since, until) <= h.MaxNightsPerGuest
            && Enumerable.Range(0, Period.DaysBetween(PlanFrom, end)).All(d => StaysPlanChecker.Passes3To5(h, guest, PlanFrom.PlusDays(d)))
            && (end > PlanFrom || StaysPlanChecker.Passes3To5(h, guest, PlanFrom)));
        if (host is null || since >= PlanFrom)
        {
            return guest;
        }

        usedForCurrent.Add(host.Id);
        return guest with { Current = new CurrentStay(host.Id, since, until) };
    }
}
