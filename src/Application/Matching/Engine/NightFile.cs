using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.Application.Matching.Engine;

/// <summary>
/// One night of matching, as the night file describes it (spec: matching.md, "The night file"):
/// the engine's whole input. Built by <see cref="NightFileReader"/> or by code (the database, the generator).
/// </summary>
public sealed record NightFile(
    LocalDate Night,
    NightBase Base,
    MatchingRules Rules,
    IReadOnlyList<NightHost> Hosts,
    IReadOnlyList<NightHousehold> Households);

/// <summary>Where the van leaves from tonight; travel times are measured from here.</summary>
public sealed record NightBase(string? Name, GeoPoint Location);

/// <summary>The tunable numbers of the rules, with the spec's defaults.</summary>
public sealed record MatchingRules(
    double MaxTravelMinutes = MatchingRules.DefaultMaxTravelMinutes,
    double AverageSpeedKmh = MatchingRules.DefaultAverageSpeedKmh,
    double DetourFactor = MatchingRules.DefaultDetourFactor)
{
    public const double DefaultMaxTravelMinutes = 60;
    public const double DefaultAverageSpeedKmh = 25;
    public const double DefaultDetourFactor = 1.3;

    /// <summary>The spec's defaults: 60 minutes, 25 km/h, detour factor 1.3.</summary>
    public static MatchingRules Default { get; } = new();
}

/// <summary>
/// A citizen host under a signed agreement, as the matching sees them tonight (the domain's aggregate is <see cref="Domain.Hosts.Host"/>).
/// <paramref name="CertifiedUntil"/> is the last night of the safeguarding check for minors; null: no expiry.
/// <paramref name="MaxNightsPerMonth"/> is the most nights the host takes people in per calendar month (null: no limit);
/// <paramref name="NightsHostedThisMonth"/> the nights they hosted in tonight's calendar month before tonight, and
/// <paramref name="NightsHostedLast30"/> in the 30 nights before tonight (host load, docs/matching.md).
/// </summary>
public sealed record NightHost(
    string Id,
    GeoPoint Location,
    int Beds,
    int MaxHouseholds,
    IReadOnlySet<HouseholdCategory> Accepts,
    bool MinorsCertified,
    bool WheelchairAccessible,
    bool AvailableTonight,
    LocalDate AgreementValidFrom,
    LocalDate AgreementValidUntil,
    LocalDate? CertifiedUntil = null,
    int? MaxNightsPerMonth = null,
    int NightsHostedThisMonth = 0,
    int NightsHostedLast30 = 0);

/// <summary>
/// People who must stay together tonight, as the matching sees them (the domain's aggregate is <see cref="Domain.Households.Household"/>).
/// Category and tier are derived by <see cref="Priority"/>.
/// </summary>
public sealed record NightHousehold(
    string Id,
    IReadOnlyList<Member> Members,
    bool Vulnerable = false,
    bool NeedsWheelchairAccess = false,
    int NightsWithoutShelter = 0,
    string? LastHostId = null)
{
    public HouseholdCategory Category => Priority.Categorize(Members);

    public int Tier => Priority.Tier(Category, Vulnerable);

    public int People => Members.Count;
}
