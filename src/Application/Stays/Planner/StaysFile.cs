using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.Application.Stays.Planner;

/// <summary>
/// A stays programme to plan (spec: stays.md, "The stays file"): the planner's whole input. Built by
/// StaysFileReader from JSON or by code (the database, the benchmark's generator).
/// </summary>
/// <remarks><c>PlanFrom</c>: First night of the horizon.<br/>
/// <c>PlanUntil</c>: The morning the horizon ends: the horizon is <c>[PlanFrom, PlanUntil)</c>.</remarks>
public sealed record StaysFile(
    LocalDate PlanFrom,
    LocalDate PlanUntil,
    StaysRules Rules,
    IReadOnlyList<StaysHost> Hosts,
    IReadOnlyList<StaysGuest> Guests);

/// <summary>The tunable numbers of the stays rules, with the spec's defaults (7 nights, 70 km/h, 1.3).</summary>
public sealed record StaysRules(
    int MinStayNights = StaysRules.DefaultMinStayNights,
    double AverageSpeedKmh = StaysRules.DefaultAverageSpeedKmh,
    double DetourFactor = StaysRules.DefaultDetourFactor)
{
    public const int DefaultMinStayNights = 7;
    public const double DefaultAverageSpeedKmh = 70;
    public const double DefaultDetourFactor = 1.3;

    /// <summary>The spec's defaults.</summary>
    public static StaysRules Default { get; } = new();
}

/// <summary>Nights <c>[From, Until)</c>: from the evening of <see cref="From"/> to the morning of <see cref="Until"/>.</summary>
public readonly record struct StayPeriod(LocalDate From, LocalDate Until)
{
    /// <summary>Number of nights.</summary>
    public int Nights => Period.DaysBetween(From, Until);

    /// <summary>True when <paramref name="night"/> is one of the period's nights.</summary>
    public bool Contains(LocalDate night) => night >= From && night < Until;
}

/// <summary>A citizen host offering stays in one region.</summary>
/// <remarks><c>CertifiedUntil</c>: Last night the minors' certification covers; null: no expiry.<br/>
/// <c>Available</c>: The periods the host offers, not overlapping.</remarks>
public sealed record StaysHost(
    string Id,
    string Region,
    GeoPoint Location,
    int Beds,
    IReadOnlySet<HouseholdCategory> Accepts,
    bool MinorsCertified,
    LocalDate AgreementValidFrom,
    LocalDate AgreementValidUntil,
    IReadOnlyList<StayPeriod> Available,
    int MaxHouseholds = 1,
    int MaxNightsPerGuest = StaysHost.DefaultMaxNightsPerGuest,
    LocalDate? CertifiedUntil = null,
    bool WheelchairAccessible = false)
{
    public const int DefaultMaxNightsPerGuest = 28;
}

/// <summary>
/// A household needing a stay (never split). Category and tier are derived by <see cref="Priority"/>, as for one night.
/// </summary>
/// <remarks><c>NeedUntil</c>: The morning the need ends; null: open-ended.<br/>
/// <c>Regions</c>: Regions it may stay in; empty: any region.<br/>
/// <c>Location</c>: Where it waits now (usually the base): its first journey starts there.<br/>
/// <c>Current</c>: Where it sleeps now, agreed before this plan; null: nowhere.</remarks>
public sealed record StaysGuest(
    string Id,
    IReadOnlyList<Member> Members,
    LocalDate NeedFrom,
    GeoPoint Location,
    LocalDate? NeedUntil = null,
    IReadOnlyList<string>? Regions = null,
    bool Vulnerable = false,
    bool NeedsWheelchairAccess = false,
    CurrentStay? Current = null,
    IReadOnlySet<string>? RefusedBy = null)
{
    /// <summary>
    /// True when host <paramref name="hostId"/> said no to this guest (or let its proposal expire): from the database only,
    /// never in a stays file; such a host is not compatible with the guest (docs/stays.md, "The conversation with hosts").
    /// </summary>
    public bool WasRefusedBy(string hostId) => RefusedBy is not null && RefusedBy.Contains(hostId);

    public HouseholdCategory Category => Priority.Categorize(Members);

    public int Tier => Priority.Tier(Category, Vulnerable);

    public int People => Members.Count;

    /// <summary>True when the guest may stay in <paramref name="region"/> (exact comparison, as written).</summary>
    public bool MayStayIn(string region) => Regions is null || Regions.Count == 0 || Regions.Contains(region, StringComparer.Ordinal);
}

/// <summary>Where a guest sleeps now: at <paramref name="HostId"/> since the night <paramref name="Since"/> (before the horizon), leaving on the morning <paramref name="Until"/>.</summary>
public sealed record CurrentStay(string HostId, LocalDate Since, LocalDate Until);
