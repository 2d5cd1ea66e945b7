using NodaTime;

namespace HostingMatch.Domain.Requests;

/// <summary>The ways a household reaches its host tonight (transport.md, "Ways to reach a host").</summary>
public enum PlannedRideWay
{
    /// <summary>A vehicle's trip: the network's van or a volunteer's car.</summary>
    Vehicle,

    /// <summary>The host fetches its guests at the base.</summary>
    HostFetches,

    /// <summary>Metro or bus with a volunteer escort.</summary>
    PublicTransport,
}

/// <summary>
/// How the night plan brings a household to its host: the way, the vehicle's label and trip for a vehicle, when it
/// arrives, and when it leaves the base (a fetching host's pick-up, the escort's departure; null for a vehicle, whose
/// trip says it).
/// </summary>
public sealed record PlannedRide
{
    public PlannedRide(PlannedRideWay way, Instant arriveAt, string? vehicleLabel = null, int? trip = null, Instant? leaveBaseAt = null)
    {
        Way = way;
        ArriveAt = arriveAt;
        VehicleLabel = vehicleLabel;
        Trip = trip;
        LeaveBaseAt = leaveBaseAt;
    }

    public PlannedRideWay Way { get; }
    public Instant ArriveAt { get; }

    /// <summary>The vehicle's label, for a vehicle's trip.</summary>
    public string? VehicleLabel { get; }

    public int? Trip { get; }

    /// <summary>When the household leaves the base: the fetching host's pick-up, the escort's departure; null for a vehicle.</summary>
    public Instant? LeaveBaseAt { get; }

    /// <summary>The same ride on the vehicle now labelled <paramref name="label"/> (the coordinators renamed it).</summary>
    public PlannedRide OnVehicle(string label) => new(Way, ArriveAt, label, Trip, LeaveBaseAt);

    /// <summary>Wire names: <c>vehicle</c>, <c>host-fetches</c>, <c>public-transport</c> (as the night plan writes them).</summary>
    public string WayName => Way switch
    {
        PlannedRideWay.Vehicle => "vehicle",
        PlannedRideWay.HostFetches => "host-fetches",
        _ => "public-transport",
    };
}
