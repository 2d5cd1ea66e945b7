using NodaTime;

namespace HostingMatch.Application.Stays.Planner;

/// <summary>
/// The chains of stays (spec: stays.md, "The plan"). Every night to plan of every guest lies in exactly one
/// stay or one uncovered period. Stays are maximal and sorted by guest id, then <c>From</c>; uncovered periods too.
/// </summary>
/// <remarks><c>Optimal</c>: True only when the planner proved that no allowed plan is better.<br/>
/// <c>Gap</c>: 
/// Null when optimal. Otherwise the proved relative gap of the first objective level the search could not close:
/// coverage (bound - found) / max(1, bound), moves and journeys (found - bound) / max(1, found), in [0, 1].
/// </remarks>
public sealed record StaysPlan(
    LocalDate PlanFrom,
    LocalDate PlanUntil,
    bool Optimal,
    double? Gap,
    IReadOnlyList<PlannedStay> Stays,
    IReadOnlyList<UncoveredPeriod> Uncovered,
    StaysSummary Summary);

/// <summary>One guest at one host for the nights <c>[From, Until)</c>.</summary>
/// <remarks><c>ContinuesCurrent</c>: The stay continues the guest's current stay (same host, from the horizon's start).<br/>
/// <c>JourneyMinutes</c>: The journey to this stay; 0 when it continues the current stay.</remarks>
public sealed record PlannedStay(
    string GuestId,
    string HostId,
    LocalDate From,
    LocalDate Until,
    int People,
    int Tier,
    bool ContinuesCurrent,
    int JourneyMinutes);

/// <summary>A maximal run of one guest's uncovered nights with one reason, and a sentence for the coordinator.</summary>
public sealed record UncoveredPeriod(string GuestId, LocalDate From, LocalDate Until, UncoveredReason Reason, string Detail);

/// <summary>Why a night to plan is left uncovered (spec: stays.md, the reasons table).</summary>
public enum UncoveredReason
{
    /// <summary>No host passes rules 3-5 for the guest that night with enough beds for its people, even with every bed free.</summary>
    NoCompatibleHost,

    /// <summary>Such a host exists, but the optimal plan uses its room for others, or rules 7-8 stop a stay there.</summary>
    Outranked,
}

/// <summary>Wire names of <see cref="UncoveredReason"/>.</summary>
public static class UncoveredReasonNames
{
    public static string ToWire(this UncoveredReason reason) => reason switch
    {
        UncoveredReason.NoCompatibleHost => "no-compatible-host",
        UncoveredReason.Outranked => "outranked",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}

/// <summary>The objective levels the plan achieves, and how long the solve took.</summary>
/// <remarks><c>PersonNightsCovered</c>: Person-nights covered per tier: index 0 is tier 1.<br/>
/// <c>PersonNightsUncovered</c>: Person-nights to plan left uncovered per tier.<br/>
/// <c>Moves</c>: Stays after the first of each chain (a current stay starts its guest's chain).<br/>
/// <c>JourneyMinutes</c>: Sum of the stays' journeys.<br/>
/// <c>SolveMilliseconds</c>: Wall time of the solve, model building included.</remarks>
public sealed record StaysSummary(
    IReadOnlyList<long> PersonNightsCovered,
    IReadOnlyList<long> PersonNightsUncovered,
    int Moves,
    long JourneyMinutes,
    long SolveMilliseconds)
{
    /// <summary>The five levels in objective order: [tier 1, tier 2, tier 3, moves, journey minutes].</summary>
    public IReadOnlyList<long> Levels => [PersonNightsCovered[0], PersonNightsCovered[1], PersonNightsCovered[2], Moves, JourneyMinutes];
}
