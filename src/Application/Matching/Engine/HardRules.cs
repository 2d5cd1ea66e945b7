using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.Application.Matching.Engine;

/// <summary>
/// The hard rules of matching.md, one named check each, shared by the engine, the greedy baseline and
/// the reasons and the hand placement so that they can never disagree. Rules 1-5 concern one household and one host
/// (<see cref="FirstBroken"/>, <see cref="Allows"/>); rules 6-8 concern a whole plan and live in the solvers' models
/// (<see cref="FitsTogether"/> states 6 and 7 for a group of households at one host).
/// </summary>
public static class HardRules
{
    /// <summary>
    /// Rule 1: available tonight, the agreement covers the night (both ends inclusive), and the host is under its monthly
    /// limit of nights (<see cref="WithinMonthlyLimit"/>).
    /// </summary>
    public static bool IsAvailable(NightHost host, LocalDate night) =>
        host.AvailableTonight && host.AgreementValidFrom <= night && night <= host.AgreementValidUntil && WithinMonthlyLimit(host);

    /// <summary>
    /// Rule 1, host load (docs/matching.md): hosting tonight keeps the host within <see cref="NightHost.MaxNightsPerMonth"/>
    /// nights this calendar month. <see cref="NightHost.NightsHostedThisMonth"/> counts the nights before tonight, so tonight
    /// is one more night whether the host already has a confirmed household tonight or not: a second household the same
    /// night adds no night and is allowed exactly when the first was.
    /// </summary>
    public static bool WithinMonthlyLimit(NightHost host) =>
        host.MaxNightsPerMonth is not { } max || host.NightsHostedThisMonth < max;

    /// <summary>Rule 2: the host accepts the household's category.</summary>
    public static bool AcceptsCategory(NightHost host, HouseholdCategory category) => host.Accepts.Contains(category);

    /// <summary>
    /// Rule 3: unaccompanied minors go only to hosts certified for minors whose certificate, when it has an expiry
    /// (<see cref="NightHost.CertifiedUntil"/>), still covers the night.
    /// </summary>
    public static bool MinorsNeedCertifiedHost(NightHost host, HouseholdCategory category, LocalDate night) =>
        category != HouseholdCategory.Minor
        || (host.MinorsCertified && (host.CertifiedUntil is not { } until || night <= until));

    /// <summary>Rule 4: a household needing wheelchair access goes only to an accessible home.</summary>
    public static bool WheelchairAccess(NightHost host, bool needsWheelchairAccess) =>
        !needsWheelchairAccess || host.WheelchairAccessible;

    /// <summary>Rule 5: the host is at most <see cref="MatchingRules.MaxTravelMinutes"/> from the base.</summary>
    public static bool WithinTravelLimit(int travelMinutes, MatchingRules rules) => travelMinutes <= rules.MaxTravelMinutes;

    /// <summary>Travel time base to host per the spec's formula.</summary>
    public static int TravelMinutes(NightBase nightBase, NightHost host, MatchingRules rules) =>
        TravelTime.Minutes(nightBase.Location, host.Location, rules.DetourFactor, rules.AverageSpeedKmh);

    /// <summary>Rules 1 to 5 for one household at one host, "even with every bed free".</summary>
    public static bool Allows(NightFile night, NightHost host, NightHousehold household, int travelMinutes) =>
        FirstBroken(night.Night, night.Rules, host, household, travelMinutes) is null;

    /// <summary>
    /// The first of rules 1 to 5, in the spec's order, that one household at one host breaks "even with every bed
    /// free"; null when the pair passes all five. The engine (<see cref="Allows"/>), the reasons and the hand placement
    /// all ask this one question, so they can never disagree on a rule or on its order.
    /// </summary>
    public static HardRule? FirstBroken(LocalDate night, MatchingRules rules, NightHost host, NightHousehold household, int travelMinutes)
    {
        var category = household.Category;
        if (!IsAvailable(host, night))
        {
            return HardRule.Available;
        }

        if (!AcceptsCategory(host, category))
        {
            return HardRule.AcceptsCategory;
        }

        if (!MinorsNeedCertifiedHost(host, category, night))
        {
            return HardRule.MinorsNeedCertifiedHost;
        }

        if (!WheelchairAccess(host, household.NeedsWheelchairAccess))
        {
            return HardRule.WheelchairAccess;
        }

        return WithinTravelLimit(travelMinutes, rules) ? null : HardRule.WithinTravelLimit;
    }

    /// <summary>Rule 6 (beds) for one household alone: the host has enough beds for the whole household.</summary>
    public static bool HasBedsFor(NightHost host, int people) => people <= host.Beds;

    /// <summary>
    /// Rules 6 and 7 for the households placed at one host: total people within the beds, their number
    /// within <see cref="NightHost.MaxHouseholds"/>, and all of one category.
    /// </summary>
    public static bool FitsTogether(NightHost host, IReadOnlyCollection<NightHousehold> households) =>
        HasBedsFor(host, households.Sum(h => h.People))
        && WithinHouseholdLimit(host, households.Count)
        && OneCategory(households.Select(h => h.Category));

    /// <summary>Rule 6 (households): at most <see cref="NightHost.MaxHouseholds"/> households at the host.</summary>
    public static bool WithinHouseholdLimit(NightHost host, int households) => households <= host.MaxHouseholds;

    /// <summary>Rule 7: the households at one host are all of one category.</summary>
    public static bool OneCategory(IEnumerable<HouseholdCategory> categories) => categories.Distinct().Count() <= 1;
}

/// <summary>The hard rules 1 to 5 of matching.md that concern one household and one host, numbered as the spec numbers them.</summary>
public enum HardRule
{
    /// <summary>Rule 1: available tonight, with an agreement covering the night.</summary>
    Available = 1,

    /// <summary>Rule 2: the host accepts the household's category.</summary>
    AcceptsCategory = 2,

    /// <summary>Rule 3: unaccompanied minors only with a host certified for minors.</summary>
    MinorsNeedCertifiedHost = 3,

    /// <summary>Rule 4: wheelchair access when the household needs it.</summary>
    WheelchairAccess = 4,

    /// <summary>Rule 5: within the travel limit from the base.</summary>
    WithinTravelLimit = 5,
}
