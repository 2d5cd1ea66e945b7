using HostingMatch.Application.Pipeline;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.Application.Hosts;

/// <summary>One host, or null.</summary>
public sealed record GetHost(Guid Id) : IQuery<HostResponse?>, IAudited;

public sealed class GetHostHandler(IHostingMatchDb db) : IQueryHandler<GetHost, HostResponse?>
{
    public async ValueTask<HostResponse?> Handle(GetHost query, CancellationToken cancellationToken) =>
        (await db.Hosts.AsNoTracking().FirstOrDefaultAsync(h => h.Id == query.Id, cancellationToken))?.ToResponse();
}
