using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Transport;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Transport;

/// <summary>
/// Which escort takes which household by public transport tonight. An escort keeps the household they were told about:
/// an SMS sent is a promise, and an escort already at the metro with a family is not sent another one because a
/// household before it cancelled (before, every escort after it moved one household up and got an SMS for a family they
/// had not met). The households no escort was told about go, earliest first, to the escorts still free, in the order
/// they registered.
/// </summary>
public static class EscortPairing
{
    /// <summary>The pairs, earliest departure first.</summary>
    /// <remarks><paramref name="requests"/>: the night's confirmed requests (those with another way are left out).
    /// <paramref name="plan"/>: the night's vehicles' plan, which records what each volunteer was told (null: nobody was).</remarks>
    public static IReadOnlyList<(NightEscort Escort, ShelterRequest Request)> Pair(IEnumerable<NightEscort> escorts, IEnumerable<ShelterRequest> requests, VanRunPlan? plan)
    {
        var free = escorts.OrderBy(e => e.CreatedAt).ThenBy(e => e.Id).ToList();
        var byTransit = requests.Where(r => r.Ride is { Way: PlannedRideWay.PublicTransport })
            .OrderBy(r => Leaves(r.Ride!)).ThenBy(r => r.Id).ToList();
        var pairs = new List<(NightEscort Escort, ShelterRequest Request)>();
        var open = new List<ShelterRequest>();
        foreach (var request in byTransit)
        {
            var keeper = free.FirstOrDefault(e => plan?.ToldArrivals.ContainsKey(ToldKeys.Of(e.Id, request.HouseholdId)) == true);
            if (keeper is null)
            {
                open.Add(request);
                continue;
            }

            pairs.Add((keeper, request));
            free.Remove(keeper);
        }

        pairs.AddRange(free.Zip(open));
        return pairs.OrderBy(p => Leaves(p.Request.Ride!)).ThenBy(p => p.Request.Id).ToList();
    }

    /// <summary>
    /// The pairs (<see cref="Pair"/>) with the household and the host each goes to, read once for all: what the escorts'
    /// SMS and the night's transport say of them.
    /// </summary>
    public static async Task<IReadOnlyList<EscortJourney>> JourneysAsync(IHostingMatchDb db, IEnumerable<NightEscort> escorts,
        IEnumerable<ShelterRequest> requests, VanRunPlan? plan, CancellationToken ct)
    {
        var pairs = Pair(escorts, requests, plan);
        var householdIds = pairs.Select(p => p.Request.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var hostIds = pairs.Select(p => p.Request.HostId!.Value).ToList();
        var hosts = await db.Hosts.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        return pairs.Select(p => new EscortJourney(p.Escort, p.Request, households[p.Request.HouseholdId], hosts[p.Request.HostId!.Value])).ToList();
    }

    /// <summary>When the household leaves the base with its escort.</summary>
    public static Instant Leaves(PlannedRide ride) => ride.LeaveBaseAt ?? ride.ArriveAt;
}

/// <summary>An escort, the confirmed request of the household they take, that household and its host.</summary>
public sealed record EscortJourney(NightEscort Escort, ShelterRequest Request, Household Household, Host Host);
