using HostingMatch.Domain;
using HostingMatch.Domain.Requests;
using NodaTime;

namespace HostingMatch.Application.Requests;

/// <summary>
/// How the household reaches its host tonight, as the night plan decided: <paramref name="Way"/> <c>vehicle</c> (with the
/// vehicle's label and trip), <c>host-fetches</c> or <c>public-transport</c>; <paramref name="LeaveBaseAt"/> when it leaves
/// the base (the fetching host's pick-up, the escort's departure).
/// </summary>
public sealed record RideResponse(string Way, OffsetDateTime ArriveAt, string? Vehicle, int? Trip, OffsetDateTime? LeaveBaseAt)
{
    public static RideResponse? Of(PlannedRide? ride) => ride is null
        ? null
        : new RideResponse(ride.WayName, ride.ArriveAt.InZone(Night.Zone).ToOffsetDateTime(), ride.VehicleLabel, ride.Trip,
            ride.LeaveBaseAt?.InZone(Night.Zone).ToOffsetDateTime());
}
