using HostingMatch.Application.Pipeline;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Access;

/// <summary>The keys of one organisation, or of all, newest first: prefixes and dates, never secrets.</summary>
public sealed record ListApiKeys(Guid? OrganisationId) : IQuery<IReadOnlyList<ApiKeyResponse>>, IAudited;

public sealed class ListApiKeysHandler(IHostingMatchDb db, IClock clock) : IQueryHandler<ListApiKeys, IReadOnlyList<ApiKeyResponse>>
{
    public async ValueTask<IReadOnlyList<ApiKeyResponse>> Handle(ListApiKeys query, CancellationToken cancellationToken)
    {
        var keys = await db.ApiKeys.AsNoTracking()
            .Where(k => query.OrganisationId == null || k.OrganisationId == query.OrganisationId)
            .OrderByDescending(k => k.CreatedAt)
            .ToListAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        return keys.Select(k => k.ToResponse(now)).ToList();
    }
}
