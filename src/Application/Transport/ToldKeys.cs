using HostingMatch.Domain.Transport;

namespace HostingMatch.Application.Transport;

/// <summary>
/// What each volunteer was told, in the night's vehicles' plan (<see cref="VanRunPlan.ToldArrivals"/>, beside the hosts'
/// own keys): a driver's trip, an escort's household, a fetching host's rendezvous, each under a key of its own made from
/// the volunteer's id and what they were told of. The key is an exclusive or, its own inverse: read back with the
/// volunteer's id, it gives what was told, so a trip or a household the plan no longer gives them can be found and
/// forgotten, and the volunteer told.
/// </summary>
public static class ToldKeys
{
    /// <summary>The key under which <paramref name="volunteer"/> was told of <paramref name="what"/> (a household).</summary>
    public static Guid Of(Guid volunteer, Guid what)
    {
        var a = volunteer.ToByteArray();
        var b = what.ToByteArray();
        for (var i = 0; i < a.Length; i++)
        {
            a[i] ^= b[i];
        }

        return new Guid(a);
    }

    /// <summary>The key under which a driver (<paramref name="vehicle"/>'s id) was told of their trip <paramref name="trip"/>.</summary>
    public static Guid Of(Guid vehicle, int trip) => Of(vehicle, TripMark(trip));

    /// <summary>The trips the driver of <paramref name="vehicle"/> was told of, with their keys.</summary>
    public static IReadOnlyList<(int Trip, Guid Key)> Trips(VanRunPlan plan, Guid vehicle)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return plan.ToldArrivals.Keys.Select(key => (Trip: TripOf(Of(vehicle, key)), Key: key)).Where(x => x.Trip is not null)
            .Select(x => (x.Trip!.Value, x.Key)).ToList();
    }

    /// <summary>Of <paramref name="households"/>, those <paramref name="escort"/> was told of.</summary>
    public static IEnumerable<Guid> Households(VanRunPlan plan, Guid escort, IEnumerable<Guid> households)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return households.Where(h => plan.ToldArrivals.ContainsKey(Of(escort, h)));
    }

    /// <summary>What a driver's trip is told under, with the driver's id.</summary>
    private static Guid TripMark(int trip) => new(trip, 0, 0, [0, 0, 0, 0, 0, 0, 0, 0x5A]);

    /// <summary>The trip a key read back names; null when it names something else (a host's time, an escort's household).</summary>
    private static int? TripOf(Guid what) => BitConverter.ToInt32(what.ToByteArray()) is var trip && TripMark(trip) == what ? trip : null;
}
