using HostingMatch.Application.Pipeline;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Offers;

/// <summary>The night's offers, oldest first, with their status and their SMS's.</summary>
public sealed record ListOffers(LocalDate Night) : IQuery<IReadOnlyList<OfferResponse>>, IAudited;

public sealed class ListOffersHandler(IHostingMatchDb db) : IQueryHandler<ListOffers, IReadOnlyList<OfferResponse>>
{
    public async ValueTask<IReadOnlyList<OfferResponse>> Handle(ListOffers query, CancellationToken cancellationToken) =>
        await db.Responses(db.Offers.AsNoTracking().Where(o => o.Night == query.Night)).ToListAsync(cancellationToken);
}
