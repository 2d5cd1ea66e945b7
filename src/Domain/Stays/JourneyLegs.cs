using HostingMatch.Domain.Geography;

namespace HostingMatch.Domain.Stays;

/// <summary>
/// The journeys a guest's chain of agreed stays needs (stays.md, "Travel between homes"): one to every confirmed or
/// ongoing stay that is a first stay or a move. The guest leaves the previous stay's host when that stay ends on the
/// stay's first night; otherwise (its first stay, or after uncovered nights spent with the one-night network) it leaves
/// the place it waits at. A stay that follows one at the same host without a break continues it: no journey.
/// </summary>
public static class JourneyLegs
{
    /// <summary>
    /// The legs of one guest's chain. <paramref name="stays"/> are the guest's stays in any status (proposed and cancelled
    /// ones are left out); <paramref name="hostLocation"/> gives a host's point.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">When the detour factor or the speed is not above 0.</exception>
    public static IReadOnlyList<JourneyLeg> Of(StayGuest guest, IEnumerable<Stay> stays, Func<Guid, GeoPoint> hostLocation,
        double detourFactor, double averageSpeedKmh)
    {
        ArgumentNullException.ThrowIfNull(guest);
        ArgumentNullException.ThrowIfNull(hostLocation);
        var chain = stays.Where(s => s.GuestId == guest.Id && s.Status is StayStatus.Confirmed or StayStatus.Ongoing or StayStatus.Ended)
            .OrderBy(s => s.From).ThenBy(s => s.Id).ToList();
        var legs = new List<JourneyLeg>();
        Stay? previous = null;
        foreach (var stay in chain)
        {
            var fromHost = previous is not null && previous.Until == stay.From ? previous.HostId : (Guid?)null;
            var continued = fromHost == stay.HostId;
            if (!continued && stay.Status is StayStatus.Confirmed or StayStatus.Ongoing)
            {
                var from = fromHost is { } id ? hostLocation(id) : guest.Location;
                legs.Add(new JourneyLeg(stay.Id, guest.Id, stay.From, fromHost, stay.HostId,
                    TravelTime.Minutes(from, hostLocation(stay.HostId), detourFactor, averageSpeedKmh)));
            }

            previous = stay;
        }

        return legs;
    }
}
