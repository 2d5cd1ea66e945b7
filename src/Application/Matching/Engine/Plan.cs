using HostingMatch.Domain.Requests;
using NodaTime;

namespace HostingMatch.Application.Matching.Engine;

/// <summary>
/// Who sleeps where tonight (spec: matching.md, "The plan"). Every household of the night appears once,
/// in <see cref="Placements"/> or in <see cref="Unplaced"/>, both ordered by household id.
/// </summary>
/// <param name="Night">The night planned.</param>
/// <param name="Optimal">True only when the engine proved that no allowed plan is better.</param>
/// <param name="Gap">
/// Null when optimal. Otherwise the proved relative gap of the first objective level group the search
/// could not close: (bound - found) / max(1, |bound|) on that group's weighted value, in [0, 1].
/// </param>
/// <param name="Placements">Households placed, by household id.</param>
/// <param name="Unplaced">Households left unplaced, by household id, each with its reason.</param>
/// <param name="Summary">The objective levels.</param>
public sealed record Plan(
    LocalDate Night,
    bool Optimal,
    double? Gap,
    IReadOnlyList<Placement> Placements,
    IReadOnlyList<UnplacedHousehold> Unplaced,
    PlanSummary Summary);

/// <summary>One household placed at one host.</summary>
public sealed record Placement(string HouseholdId, string HostId, int People, int Tier, int TravelMinutes);

/// <summary>One household left without a host tonight, with the one reason and a sentence for the coordinator.</summary>
public sealed record UnplacedHousehold(string HouseholdId, int Tier, UnplacedReason Reason, string Detail);

/// <summary>The objective levels of the plan, and how long the solve took.</summary>
/// <param name="PeoplePlaced">People placed per tier: index 0 is tier 1.</param>
/// <param name="PeopleUnplaced">People left unplaced per tier: index 0 is tier 1.</param>
/// <param name="WaitingNightsPlaced">Sum of nightsWithoutShelter over placed households (level 4).</param>
/// <param name="ContinuityPlacements">Placed households at their last host (level 5).</param>
/// <param name="TravelMinutes">Sum of travel minutes over placements (level 7, minimised).</param>
/// <param name="SolveMilliseconds">Wall time of the solve, model building included.</param>
/// <param name="RecentHostNights">Sum, over the hosts used tonight (each once), of the nights they hosted in the 30 nights before tonight (level 6, minimised).</param>
public sealed record PlanSummary(
    IReadOnlyList<int> PeoplePlaced,
    IReadOnlyList<int> PeopleUnplaced,
    long WaitingNightsPlaced,
    int ContinuityPlacements,
    long TravelMinutes,
    long SolveMilliseconds,
    long RecentHostNights = 0)
{
    /// <summary>The seven levels in objective order; host load and travel are negated so that every level is "more is better".</summary>
    public IReadOnlyList<long> ObjectiveVector =>
        [PeoplePlaced[0], PeoplePlaced[1], PeoplePlaced[2], WaitingNightsPlaced, ContinuityPlacements, -RecentHostNights, -TravelMinutes];
}
