using HostingMatch.Application.Matching;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.UnitTests.Matching;

/// <summary>Small nights built in code for one rule or level at a time.</summary>
internal static class NightBuilder
{
    public static readonly LocalDate Tonight = new(2026, 11, 26);
    public static readonly GeoPoint BaseLocation = new(48.8986, 2.3592);
    public static readonly HouseholdCategory[] AllCategories =
        [HouseholdCategory.Minor, HouseholdCategory.Family, HouseholdCategory.Women, HouseholdCategory.Men];

    public static NightFile Night(IEnumerable<NightHost> hosts, IEnumerable<NightHousehold> households, MatchingRules? rules = null) =>
        new(Tonight, new NightBase("Porte de la Chapelle", BaseLocation), rules ?? MatchingRules.Default, hosts.ToList(), households.ToList());

    /// <summary>A host <paramref name="kmNorth"/> km north of the base (5 km is 16 minutes with the defaults).</summary>
    public static NightHost AHost(
        string id,
        int beds = 4,
        int maxHouseholds = 1,
        HouseholdCategory[]? accepts = null,
        bool minorsCertified = true,
        bool wheelchairAccessible = false,
        bool availableTonight = true,
        LocalDate? validFrom = null,
        LocalDate? validUntil = null,
        double kmNorth = 5) =>
        new(id,
            new GeoPoint(BaseLocation.Latitude + (kmNorth / 111.19), BaseLocation.Longitude),
            beds,
            maxHouseholds,
            (accepts ?? AllCategories).ToHashSet(),
            minorsCertified,
            wheelchairAccessible,
            availableTonight,
            validFrom ?? Tonight.PlusDays(-30),
            validUntil ?? Tonight.PlusDays(300));

    public static NightHousehold AHousehold(string id, IEnumerable<Member> members, bool vulnerable = false,
        bool wheelchair = false, int nights = 0, string? lastHostId = null) =>
        new(id, members.ToList(), vulnerable, wheelchair, nights, lastHostId);

    /// <summary>A mother with <paramref name="children"/> young children: tier 1, category family.</summary>
    public static NightHousehold AFamily(string id, int children = 1, int nights = 0, string? lastHostId = null, bool wheelchair = false) =>
        AHousehold(id, [new Member(32, Sex.Female), .. Enumerable.Range(0, children).Select(i => new Member(3 + i, Sex.Male))],
            nights: nights, lastHostId: lastHostId, wheelchair: wheelchair);

    /// <summary>Unaccompanied minors: tier 1, category minor.</summary>
    public static NightHousehold AMinor(string id, int count = 1, int nights = 0) =>
        AHousehold(id, Enumerable.Range(0, count).Select(_ => new Member(16, Sex.Male)), nights: nights);

    /// <summary>Women alone: tier 2 (tier 1 when vulnerable).</summary>
    public static NightHousehold AWoman(string id, int count = 1, int nights = 0, bool vulnerable = false, string? lastHostId = null) =>
        AHousehold(id, Enumerable.Range(0, count).Select(_ => new Member(28, Sex.Female)), vulnerable, nights: nights, lastHostId: lastHostId);

    /// <summary>Men: tier 3 (tier 1 when vulnerable).</summary>
    public static NightHousehold AMan(string id, int count = 1, int nights = 0, bool vulnerable = false, string? lastHostId = null) =>
        AHousehold(id, Enumerable.Range(0, count).Select(_ => new Member(35, Sex.Male)), vulnerable, nights: nights, lastHostId: lastHostId);
}
