using HostingMatch.Application.Pipeline;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Requests;

/// <summary>Every request of one night, highest priority first.</summary>
public sealed record ListRequests(LocalDate Night) : IQuery<IReadOnlyList<RequestResponse>>, IAudited;

public sealed class ListRequestsHandler(IHostingMatchDb db) : IQueryHandler<ListRequests, IReadOnlyList<RequestResponse>>
{
    public async ValueTask<IReadOnlyList<RequestResponse>> Handle(ListRequests query, CancellationToken cancellationToken)
    {
        var rows = await (from r in db.Requests.AsNoTracking()
                          join h in db.Households.AsNoTracking() on r.HouseholdId equals h.Id
                          where r.Night == query.Night
                          select new { r, h }).ToListAsync(cancellationToken);
        return rows.Select(x => RequestProjection.ToResponse(x.r, x.h))
            .OrderBy(r => r.Tier).ThenByDescending(r => r.NightsWithoutShelter).ThenBy(r => r.Alias)
            .ToList();
    }
}
