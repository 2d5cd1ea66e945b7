using HostingMatch.Application.Pipeline;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.Application.Requests;

/// <summary>One request with its household, or null.</summary>
public sealed record GetRequest(Guid Id) : IQuery<RequestResponse?>, IAudited;

public sealed class GetRequestHandler(IHostingMatchDb db) : IQueryHandler<GetRequest, RequestResponse?>
{
    public async ValueTask<RequestResponse?> Handle(GetRequest query, CancellationToken cancellationToken)
    {
        var row = await (from r in db.Requests.AsNoTracking()
                         join h in db.Households.AsNoTracking() on r.HouseholdId equals h.Id
                         where r.Id == query.Id
                         select new { r, h }).FirstOrDefaultAsync(cancellationToken);
        return row is null ? null : RequestProjection.ToResponse(row.r, row.h);
    }
}
