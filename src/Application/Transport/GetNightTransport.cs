using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Transport;

/// <summary>
/// Every way to reach a host tonight: the vehicles with their drivers and shifts, the escorts, and the hosts available
/// tonight who fetch their guests at the base. Audited: it shows volunteers' phones.
/// </summary>
public sealed record GetNightTransport(LocalDate Night) : IQuery<NightTransportResponse>, IAudited;

public sealed class GetNightTransportHandler(IHostingMatchDb db) : IQueryHandler<GetNightTransport, NightTransportResponse>
{
    public async ValueTask<NightTransportResponse> Handle(GetNightTransport query, CancellationToken cancellationToken)
    {
        var vehicles = await db.NightVehicles.AsNoTracking().Where(v => v.Night == query.Night)
            .OrderBy(v => v.AvailableFrom).ThenBy(v => v.Label).ToListAsync(cancellationToken);
        var escorts = await db.NightEscorts.AsNoTracking().Where(e => e.Night == query.Night)
            .OrderBy(e => e.FirstName).ThenBy(e => e.Id).ToListAsync(cancellationToken);
        var takes = await TakesAsync(query.Night, escorts, cancellationToken);
        // Availability is the domain's rule (weekly pattern, exceptions, agreement, STOP): read the fetching hosts, then ask each.
        var fetching = (await db.Hosts.AsNoTracking().Where(h => h.PicksUpAtBase).OrderBy(h => h.Code).ToListAsync(cancellationToken))
            .Where(h => h.CanHostOn(query.Night)).ToList();
        return new NightTransportResponse(query.Night, vehicles.Select(v => v.ToResponse()).ToList(), escorts.Select(e => e.ToResponse() with { Takes = takes.GetValueOrDefault(e.Id) }).ToList(),
            fetching.Select(h => h.ToFetchingResponse()).ToList(), vehicles.Sum(v => v.Seats));
    }

    /// <summary>The household each escort takes as the rides stand, as the escorts' SMS pair them (<see cref="EscortPairing"/>).</summary>
    private async Task<Dictionary<Guid, EscortJourneyResponse>> TakesAsync(LocalDate night, List<Domain.Transport.NightEscort> escorts, CancellationToken ct)
    {
        if (escorts.Count == 0)
        {
            return [];
        }

        var confirmed = await db.Requests.AsNoTracking().ConfirmedOn(night).ToListAsync(ct);
        var plan = await db.VanRunPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Night == night, ct);
        return (await EscortPairing.JourneysAsync(db, escorts, confirmed, plan, ct)).ToDictionary(j => j.Escort.Id, j => new EscortJourneyResponse(
            j.Request.HouseholdId, j.Household.Alias, j.Household.People, EscortPairing.Leaves(j.Request.Ride!).InZone(Domain.Night.Zone).ToOffsetDateTime(),
            j.Request.Ride!.ArriveAt.InZone(Domain.Night.Zone).ToOffsetDateTime(), j.Host.DisplayName));
    }
}
