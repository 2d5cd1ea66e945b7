using HostingMatch.Application.Pipeline;
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
        // Availability is the domain's rule (weekly pattern, exceptions, agreement, STOP): read the fetching hosts, then ask each.
        var fetching = (await db.Hosts.AsNoTracking().Where(h => h.PicksUpAtBase).OrderBy(h => h.Code).ToListAsync(cancellationToken))
            .Where(h => h.CanHostOn(query.Night)).ToList();
        return new NightTransportResponse(query.Night, vehicles.Select(v => v.ToResponse()).ToList(), escorts.Select(e => e.ToResponse()).ToList(),
            fetching.Select(h => h.ToFetchingResponse()).ToList(), vehicles.Sum(v => v.Seats));
    }
}
