using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.VanRuns.Planner;
using NodaTime;

namespace HostingMatch.Application.NightPlan.Engine;

/// <summary>
/// One night for the night plan (spec: transport.md, "Input"): the night file of matching.md, the evening's
/// transport, and per host its arrival window and whether it fetches its guests. Built by
/// the night plan file reader or by code (the database, the generator).
/// </summary>
/// <remarks><c>Night</c>: The matching's night: hosts, households, rules 1-8.</remarks>
/// <remarks><c>Transport</c>: The vehicles, the escorts and the evening's times.</remarks>
/// <remarks><c>HostArrivals</c>: Per host id, its arrival window and fetching; a host not listed takes the defaults.</remarks>
public sealed record NightPlanFile(NightFile Night, NightTransport Transport, IReadOnlyDictionary<string, HostArrival> HostArrivals)
{
    /// <summary>The arrival window and fetching of host <paramref name="hostId"/>, the defaults when it gave none.</summary>
    public HostArrival ArrivalOf(string hostId) => HostArrivals.TryGetValue(hostId, out var a) ? a : HostArrival.Default;
}

/// <summary>
/// When a host can receive its guests and whether it fetches them at the base (transport.md, hosts' optional fields).
/// Null times default to the evening's <c>firstDeparture</c> and <c>latestArrival</c>.
/// </summary>
public sealed record HostArrival(LocalTime? ArrivalFrom = null, LocalTime? ArrivalUntil = null, bool PicksUpAtBase = false)
{
    public static HostArrival Default { get; } = new();
}

/// <summary>The evening's transport (transport.md, <c>transport</c>): times as van-runs.md reads them (before noon is after midnight).</summary>
public sealed record NightTransport(
    LocalTime FirstDeparture,
    LocalTime LatestArrival,
    int LoadingMinutes,
    int StopMinutes,
    RunsRules Rules,
    IReadOnlyList<NightVehicle> Vehicles,
    PublicTransportRules PublicTransport);

/// <summary>The network's van or a volunteer's car, with its driver's shift: no trip leaves before <paramref name="AvailableFrom"/>, back by <paramref name="AvailableUntil"/>.</summary>
public sealed record NightVehicle(string Id, int Seats, LocalTime AvailableFrom, LocalTime AvailableUntil);

/// <summary>Public transport with a volunteer escort (transport.md, way 3), with the spec's defaults: off (0 escorts).</summary>
public sealed record PublicTransportRules(
    int Escorts = 0,
    double SpeedKmh = PublicTransportRules.DefaultSpeedKmh,
    double DetourFactor = PublicTransportRules.DefaultDetourFactor,
    int WalkMinutes = PublicTransportRules.DefaultWalkMinutes,
    int MaxMinutes = PublicTransportRules.DefaultMaxMinutes,
    LocalTime? LastArrival = null)
{
    public const double DefaultSpeedKmh = 15;
    public const double DefaultDetourFactor = 1.4;
    public const int DefaultWalkMinutes = 10;
    public const int DefaultMaxMinutes = 60;
    public static readonly LocalTime DefaultLastArrival = new(0, 30);

    public static PublicTransportRules Off { get; } = new();

    /// <summary>The latest arrival by public transport (default 00:30).</summary>
    public LocalTime LastArrivalOrDefault => LastArrival ?? DefaultLastArrival;
}

/// <summary>How to run one night plan.</summary>
/// <remarks><c>TimeLimit</c>: Wall-clock budget of the whole plan (matching, routing, re-matching). Null: 10 seconds.</remarks>
/// <remarks><c>ConfirmedPlacements</c>: Household id to host id, placements already confirmed: kept, like the matching's pins.</remarks>
/// <remarks><c>DepartedTrips</c>: 
/// Trips that have already left: kept as they are, their households brought; each vehicle's next trip boards
/// after its last departed trip is back, numbered after it. Their households must be in the night and at the
/// trip's stop host.
/// </remarks>
/// <remarks><c>Exclusions</c>: Household-host pairs forbidden tonight (as the matching's exclusions).</remarks>
public sealed record NightPlanOptions(
    TimeSpan? TimeLimit = null,
    IReadOnlyDictionary<string, string>? ConfirmedPlacements = null,
    IReadOnlyList<VanTrip>? DepartedTrips = null,
    IReadOnlySet<(string HouseholdId, string HostId)>? Exclusions = null)
{
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(10);

    public static NightPlanOptions Default { get; } = new();
}
