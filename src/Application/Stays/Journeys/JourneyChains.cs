using HostingMatch.Application.Stays.Planner;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Stays;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Stays.Journeys;

/// <summary>
/// The journeys that agreed stays need (<see cref="JourneyLegs"/>), read from the database with what they need around
/// them: the guests, their households, the hosts at both ends, and the journeys already arranged. Journeys are derived
/// from the chains every time, so a stay confirmed by any path (the console, the host's SMS) has its journey at once;
/// only the arrangement is stored.
/// </summary>
internal sealed record JourneyChains(
    IReadOnlyList<JourneyLeg> Legs,
    IReadOnlyDictionary<Guid, StayGuest> Guests,
    IReadOnlyDictionary<Guid, Household> Households,
    IReadOnlyDictionary<Guid, Host> Hosts,
    IReadOnlyDictionary<Guid, Journey> Arranged)
{
    /// <summary>The journeys dated in <c>[from, until)</c>, read only.</summary>
    public static Task<JourneyChains> OfPeriodAsync(IHostingMatchDb db, LocalDate from, LocalDate until, CancellationToken ct) =>
        LoadAsync(db, s => s.From >= from && s.From < until, l => l.Date >= from && l.Date < until, track: false, ct);

    /// <summary>The journey to <paramref name="stayId"/> (none when it needs none); its arrangement tracked when <paramref name="track"/>.</summary>
    public static Task<JourneyChains> OfStayAsync(IHostingMatchDb db, Guid stayId, bool track, CancellationToken ct) =>
        LoadAsync(db, s => s.Id == stayId, l => l.StayId == stayId, track, ct);

    private static async Task<JourneyChains> LoadAsync(IHostingMatchDb db, System.Linq.Expressions.Expression<Func<Stay, bool>> leadingTo,
        Func<JourneyLeg, bool> wanted, bool track, CancellationToken ct)
    {
        var leading = db.Stays.AsNoTracking().Where(s => s.Status == StayStatus.Confirmed || s.Status == StayStatus.Ongoing).Where(leadingTo);
        var guestIds = await leading.Select(s => s.GuestId).Distinct().ToListAsync(ct);
        var stays = await db.Stays.AsNoTracking().Where(s => guestIds.Contains(s.GuestId) && s.Status != StayStatus.Cancelled
                                                             && s.Status != StayStatus.Proposed).ToListAsync(ct);
        var guests = await db.StayGuests.AsNoTracking().Where(g => guestIds.Contains(g.Id)).ToDictionaryAsync(g => g.Id, ct);
        var householdIds = guests.Values.Select(g => g.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var hostIds = stays.Select(s => s.HostId).Distinct().ToList();
        var hosts = await db.Hosts.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);

        var legs = guests.Values
            .SelectMany(g => JourneyLegs.Of(g, stays, h => hosts[h].Location, StaysRules.DefaultDetourFactor, StaysRules.DefaultAverageSpeedKmh))
            .Where(wanted)
            .ToList();
        var legStays = legs.Select(l => l.StayId).ToList();
        var journeys = track ? db.Journeys : db.Journeys.AsNoTracking();
        var arranged = await journeys.Where(j => legStays.Contains(j.StayId)).ToDictionaryAsync(j => j.StayId, ct);
        return new JourneyChains(legs, guests, households, hosts, arranged);
    }

    public Household HouseholdOf(Guid guestId) => Households[Guests[guestId].HouseholdId];

    public JourneyPlace FromOf(JourneyLeg leg) => leg.FromHostId is { } host ? JourneyPlace.Of(Hosts[host]) : JourneyPlace.Of(Guests[leg.GuestId]);

    public JourneyResponse ToResponse(JourneyLeg leg) => ToResponse(leg, Arranged.GetValueOrDefault(leg.StayId));

    public JourneyResponse ToResponse(JourneyLeg leg, Journey? arranged)
    {
        var household = HouseholdOf(leg.GuestId);
        // A journey arranged before its chain changed still shows where it goes now; hostsTold says the hosts must be told again.
        var departure = arranged?.DepartureTime;
        return new JourneyResponse(leg.StayId, leg.GuestId, household.Alias, household.People, leg.Date, FromOf(leg), JourneyPlace.Of(Hosts[leg.ToHostId]),
            leg.Minutes, (arranged?.Way ?? JourneyWay.NotArranged).ToWire(), departure, departure?.PlusMinutes(leg.Minutes),
            arranged?.DriverFirstName, arranged?.DriverPhone, arranged?.CostEuros ?? 0m, arranged?.Notes,
            arranged?.HostsWereTold(leg) ?? false, arranged?.Version);
    }
}
