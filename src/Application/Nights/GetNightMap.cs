using HostingMatch.Application.Matching;
using HostingMatch.Application.Pipeline;
using HostingMatch.Application.VanRuns;
using HostingMatch.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Nights;

/// <summary>
/// What the console's map of the night draws: the base, the hosts who can host tonight or have guests tonight (with their
/// state), each placement (household to host) and each trip of the van plan as the line it drives. Coordinators only.
/// </summary>
public sealed record GetNightMap(LocalDate Night) : IQuery<NightMap>, IAudited;

/// <summary>The night's map; <see cref="Trips"/> is empty until the van runs are planned.</summary>
public sealed record NightMap(LocalDate Night, MapPoint Base, IReadOnlyList<MapHost> Hosts, IReadOnlyList<MapPlacement> Placements,
    IReadOnlyList<MapTrip> Trips);

/// <summary>A named point.</summary>
public sealed record MapPoint(string Name, double Latitude, double Longitude);

/// <summary>
/// A host on the map: <c>available</c> (can host tonight, nobody proposed yet), <c>proposed</c> (a household is proposed and
/// the host has not said yes) or <c>confirmed</c> (at least one household confirmed or delivered there).
/// </summary>
public sealed record MapHost(Guid Id, string Code, string Name, string Address, double Latitude, double Longitude, string State, int Beds);

/// <summary>A household's place tonight: <c>proposed</c>, <c>confirmed</c> or <c>delivered</c>.</summary>
public sealed record MapPlacement(Guid RequestId, string Alias, int People, Guid HostId, string Status);

/// <summary>A trip as the vehicle drives it: from the base, each stop in order, back to the base.</summary>
public sealed record MapTrip(string VanId, int Trip, OffsetDateTime DepartAt, bool Departed, IReadOnlyList<MapStop> Stops);

/// <summary>A stop of a trip.</summary>
public sealed record MapStop(int Order, Guid HostId, string HostName, double Latitude, double Longitude, OffsetDateTime ArriveAt);

public sealed class GetNightMapHandler(IHostingMatchDb db, IQueryHandler<GetVanRuns, VanRunsResponse?> runs) : IQueryHandler<GetNightMap, NightMap>
{
    private static readonly RequestStatus[] Placed = [RequestStatus.Proposed, RequestStatus.Confirmed, RequestStatus.Delivered];

    public async ValueTask<NightMap> Handle(GetNightMap query, CancellationToken cancellationToken)
    {
        var @base = await NightFromDatabase.BaseAsync(db, cancellationToken);
        var requests = await db.Requests.AsNoTracking()
            .Where(r => r.Night == query.Night && r.HostId != null && Placed.Contains(r.Status)).ToListAsync(cancellationToken);
        var householdIds = requests.Select(r => r.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        var placements = requests.Select(r => new
        {
            r.Id, households[r.HouseholdId].Alias, People = households[r.HouseholdId].Members.Count, HostId = r.HostId!.Value, r.Status,
        }).OrderBy(p => p.Alias).ToList();
        var placedAt = placements.Select(p => p.HostId).ToHashSet();
        var hosts = (await db.Hosts.AsNoTracking().OrderBy(h => h.Code).ToListAsync(cancellationToken))
            .Where(h => placedAt.Contains(h.Id) || h.CanHostOn(query.Night))
            .Select(h => new MapHost(h.Id, h.Code, h.DisplayName, h.Address, h.Latitude, h.Longitude,
                placements.Any(p => p.HostId == h.Id && p.Status != RequestStatus.Proposed) ? "confirmed"
                : placedAt.Contains(h.Id) ? "proposed" : "available", h.Beds))
            .ToList();
        // The plan's own reading, not the pipeline's: this query is the one audited.
        var plan = await runs.Handle(new GetVanRuns(query.Night), cancellationToken);
        var trips = (plan?.Trips ?? []).Select(t => new MapTrip(t.VanId, t.Trip, t.DepartAt, t.Departed,
            t.Stops.Select(s => new MapStop(s.Order, s.HostId, s.HostName, s.Latitude, s.Longitude, s.ArriveAt)).ToList())).ToList();
        return new NightMap(query.Night, new MapPoint(@base.Name ?? "Base", @base.Location.Latitude, @base.Location.Longitude), hosts,
            placements.Select(p => new MapPlacement(p.Id, p.Alias, p.People, p.HostId, p.Status.ToString().ToLowerInvariant())).ToList(),
            trips);
    }
}
