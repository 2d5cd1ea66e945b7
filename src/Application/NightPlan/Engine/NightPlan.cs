using HostingMatch.Application.VanRuns.Planner;
using NodaTime;

namespace HostingMatch.Application.NightPlan.Engine;

/// <summary>
/// Who sleeps where tonight and how each household gets there (spec: transport.md, "Output"). Only households
/// that a way brings are placed; every household of the night appears once, in <see cref="Placements"/> or in
/// <see cref="Unplaced"/>, both ordered by household id.
/// </summary>
/// <remarks><c>Optimal</c>: True only when every level of the objective was proved.</remarks>
/// <remarks><c>Trips</c>: The vehicles' trips (van-runs.md output), departed trips included.</remarks>
/// <remarks><c>PinnedWithoutRide</c>: Placements already agreed (<see cref="NightPlanOptions.ConfirmedPlacements"/>) that
/// no way brings with the evening's rides shared: kept at their host, beds taken, counted neither placed nor unplaced.</remarks>
public sealed record NightPlan(
    LocalDate Night,
    bool Optimal,
    IReadOnlyList<NightPlacement> Placements,
    IReadOnlyList<NightUnplaced> Unplaced,
    IReadOnlyList<VanTrip> Trips,
    IReadOnlyList<NightPinnedWithoutRide> PinnedWithoutRide,
    NightPlanSummary Summary);

/// <summary>An agreed placement the evening's rides cannot bring: the household stays promised to its host, for a coordinator to arrange the ride.</summary>
public sealed record NightPinnedWithoutRide(string HouseholdId, string HostId, int People, int Tier);

/// <summary>A household placed and brought: its host, and its one way there.</summary>
public sealed record NightPlacement(string HouseholdId, string HostId, int People, int Tier, int TravelMinutes, Ride Ride);

/// <summary>The ways to reach a host (transport.md, "Ways to reach a host").</summary>
public enum RideWay
{
    /// <summary>A vehicle's trip.</summary>
    Vehicle,

    /// <summary>The host fetches its guests at the base.</summary>
    HostFetches,

    /// <summary>Metro or bus with a volunteer escort.</summary>
    PublicTransport,
}

/// <summary>How one household reaches its host: <see cref="VehicleId"/> and <see cref="Trip"/> for a vehicle, <see cref="LeaveAt"/> for public transport.</summary>
public sealed record Ride(RideWay Way, OffsetDateTime ArriveAt, string? VehicleId = null, int? Trip = null, OffsetDateTime? LeaveAt = null);

/// <summary>Why a household is left out of the night plan (transport.md: matching.md's reasons, plus <c>no-ride</c>).</summary>
public enum NightPlanReason
{
    /// <summary>No host tonight passes rules 1-5 for it.</summary>
    NoCompatibleHost,

    /// <summary>Compatible hosts exist but none has enough beds for the whole household.</summary>
    TooLarge,

    /// <summary>Compatible hosts with enough beds exist, but no way could bring it to any of them tonight, even with everything free.</summary>
    NoRide,

    /// <summary>The beds or the rides it could have had went to other households.</summary>
    Outranked,
}

/// <summary>A household left out tonight, with its one reason and a sentence for the coordinator.</summary>
public sealed record NightUnplaced(string HouseholdId, int Tier, NightPlanReason Reason, string Detail);

/// <summary>The objective's levels as the plan reaches them, the proved bound and the sequential plan's figures.</summary>
/// <remarks><c>PeoplePlaced</c>: People placed and brought per tier (index 0 is tier 1).</remarks>
/// <remarks><c>PeopleUnplaced</c>: People left out per tier.</remarks>
/// <remarks><c>UpperBound</c>: 
/// People per tier that no plan can beat, read lexicographically: no plan brings more in tier 1, or as many in
/// tier 1 and more in tier 2, and so on. Never above the matching's optimum.
/// </remarks>
/// <remarks><c>SequentialPeoplePlaced</c>: What the sequential plan (the optimal matching, then the routing of its placements) brings per tier.</remarks>
/// <remarks><c>PersonArrivalMinutes</c>: Sum over people brought of their arrival minute, elapsed from <c>firstDeparture</c>.</remarks>
/// <remarks><c>DrivingMinutes</c>: All vehicles' driving, back to the base included (departed trips too).</remarks>
public sealed record NightPlanSummary(
    IReadOnlyList<int> PeoplePlaced,
    IReadOnlyList<int> PeopleUnplaced,
    long WaitingNightsPlaced,
    int ContinuityPlacements,
    long TravelMinutes,
    IReadOnlyList<int> UpperBound,
    IReadOnlyList<int> SequentialPeoplePlaced,
    long PersonArrivalMinutes,
    long DrivingMinutes,
    long SolveMilliseconds);

/// <summary>Wire names of the ways and reasons.</summary>
public static class NightPlanNames
{
    public static string ToWire(this RideWay way) => way switch
    {
        RideWay.Vehicle => "vehicle",
        RideWay.HostFetches => "host-fetches",
        RideWay.PublicTransport => "public-transport",
        _ => throw new ArgumentOutOfRangeException(nameof(way)),
    };

    public static string ToWire(this NightPlanReason reason) => reason switch
    {
        NightPlanReason.NoCompatibleHost => "no-compatible-host",
        NightPlanReason.TooLarge => "too-large",
        NightPlanReason.NoRide => "no-ride",
        NightPlanReason.Outranked => "outranked",
        _ => throw new ArgumentOutOfRangeException(nameof(reason)),
    };
}
