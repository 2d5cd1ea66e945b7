using HostingMatch.Application.NightPlan.Engine;
using HostingMatch.Domain.Requests;
using NodaTime;

namespace HostingMatch.Application.NightPlan;

/// <summary>The engine's ride of a placement as the request stores it: the vehicle by its label, and when the household leaves the base.</summary>
public static class NightPlanRides
{
    /// <remarks><c>labels</c>: The coordinators' label of each vehicle, by the engine's vehicle id.</remarks>
    public static PlannedRide ToPlanned(NightPlacement placement, IReadOnlyDictionary<string, string> labels)
    {
        ArgumentNullException.ThrowIfNull(placement);
        ArgumentNullException.ThrowIfNull(labels);
        var ride = placement.Ride;
        var arrive = ride.ArriveAt.ToInstant();
        return ride.Way switch
        {
            RideWay.Vehicle => new PlannedRide(PlannedRideWay.Vehicle, arrive, labels.TryGetValue(ride.VehicleId!, out var label) ? label : ride.VehicleId, ride.Trip),

            // The host leaves the base with its guests its driving time before they arrive (transport.md, way 2).
            RideWay.HostFetches => new PlannedRide(PlannedRideWay.HostFetches, arrive, leaveBaseAt: arrive - Duration.FromMinutes(placement.TravelMinutes)),
            _ => new PlannedRide(PlannedRideWay.PublicTransport, arrive, leaveBaseAt: ride.LeaveAt?.ToInstant()),
        };
    }
}
