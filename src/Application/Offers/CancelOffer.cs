using HostingMatch.Application.Pipeline;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Placements;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Offers;

/// <summary>
/// A coordinator cancels an offer by hand (the host phoned to say no, say). The household goes back to the pool and
/// the re-matching finds it another host. Null when there is no such offer.
/// </summary>
public sealed record CancelOffer(Guid OfferId) : ICommand<OfferResponse?>, ITransactional, IAudited;

public sealed class CancelOfferHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<CancelOffer, OfferResponse?>
{
    public async ValueTask<OfferResponse?> Handle(CancelOffer command, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.FirstOrDefaultAsync(o => o.Id == command.OfferId, cancellationToken);
        if (offer is null)
        {
            return null;
        }

        await OfferCancellation.CancelAsync(db, offer, clock.GetCurrentInstant(), cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        return await db.Responses(db.Offers.AsNoTracking().Where(o => o.Id == offer.Id)).SingleAsync(cancellationToken);
    }
}

/// <summary>
/// Cancelling an offer by hand, whoever asks: a coordinator (<see cref="CancelOffer"/>) or the partner withdrawing the
/// referral (<c>CancelReferral</c>). Open or accepted offers only; the offer then excludes this host for this household.
/// </summary>
internal static class OfferCancellation
{
    /// <summary>The request's open or accepted offer, if it has one (a host has one open offer; a request one live offer).</summary>
    public static Task<Offer?> LiveOfferAsync(IHostingMatchDb db, Guid requestId, CancellationToken cancellationToken) =>
        db.Offers.Where(o => o.RequestId == requestId && (o.Status == OfferStatus.Open || o.Status == OfferStatus.Accepted))
            .OrderByDescending(o => o.CreatedAt)
            .FirstOrDefaultAsync(cancellationToken);

    /// <summary>
    /// Cancels the offer and, when the request still waits on this host, puts the household back in the pool. Saves nothing:
    /// the caller commits it with the rest of its change.
    /// </summary>
    /// <exception cref="Domain.Common.DomainException"><c>offer-invalid-transition</c> when the offer is neither open nor accepted.</exception>
    public static async Task CancelAsync(IHostingMatchDb db, Offer offer, Instant now, CancellationToken cancellationToken) =>
        PlacementLifecycle.Cancel(offer, await db.Requests.FirstAsync(r => r.Id == offer.RequestId, cancellationToken), now);
}
