using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Sms;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Offers;

/// <summary>
/// A coordinator cancels an offer by hand (the host phoned to say no, say). The household goes back to the pool and
/// the re-matching finds it another host. Null when there is no such offer.
/// </summary>
public sealed record CancelOffer(Guid OfferId) : ICommand<OfferResponse?>;

public sealed class CancelOfferHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<CancelOffer, OfferResponse?>
{
    public async ValueTask<OfferResponse?> Handle(CancelOffer command, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.FirstOrDefaultAsync(o => o.Id == command.OfferId, cancellationToken);
        if (offer is null)
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        offer.Cancel(now);
        var request = await db.Requests.FirstAsync(r => r.Id == offer.RequestId, cancellationToken);
        request.ReturnHouseholdToPool(offer, now);
        await db.SaveChangesAsync(cancellationToken);
        return await db.Responses(db.Offers.AsNoTracking().Where(o => o.Id == offer.Id)).SingleAsync(cancellationToken);
    }
}
