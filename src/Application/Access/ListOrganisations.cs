using HostingMatch.Application.Pipeline;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.Application.Access;

/// <summary>Every organisation, by name.</summary>
public sealed record ListOrganisations : IQuery<IReadOnlyList<OrganisationResponse>>, IAudited;

public sealed class ListOrganisationsHandler(IHostingMatchDb db) : IQueryHandler<ListOrganisations, IReadOnlyList<OrganisationResponse>>
{
    public async ValueTask<IReadOnlyList<OrganisationResponse>> Handle(ListOrganisations query, CancellationToken cancellationToken) =>
        await db.Organisations.AsNoTracking().OrderBy(o => o.Name)
            .Select(o => new OrganisationResponse(o.Id, o.Name, o.CreatedAt))
            .ToListAsync(cancellationToken);
}
