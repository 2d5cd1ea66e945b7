using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Sms;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Sms;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Offers;

/// <summary>
/// Sends an open offer's SMS again (the host says they never got it): a new message in the outbox with the same text.
/// The offer's deadline does not move. Null when there is no such offer.
/// </summary>
public sealed record ResendOffer(Guid OfferId) : ICommand<OfferResponse?>, ITransactional, IAudited;

public sealed class ResendOfferHandler(IHostingMatchDb db, IClock clock, IOutboxNotifier outbox) : ICommandHandler<ResendOffer, OfferResponse?>
{
    public async ValueTask<OfferResponse?> Handle(ResendOffer command, CancellationToken cancellationToken)
    {
        var offer = await db.Offers.AsNoTracking().FirstOrDefaultAsync(o => o.Id == command.OfferId, cancellationToken);
        if (offer is null)
        {
            return null;
        }

        if (offer.Status != OfferStatus.Open)
        {
            throw new DomainException("offer-not-open", $"Only an open offer is sent again; this one is {offer.Status.ToString().ToLowerInvariant()}.");
        }

        var last = await db.OutboundSms.AsNoTracking().Where(m => m.OfferId == offer.Id).OrderByDescending(m => m.CreatedAt)
            .FirstAsync(cancellationToken);
        db.OutboundSms.Add(OutboundSms.Create(last.To, last.Body, SmsKind.Offer, offer.HostId, offer.Id, clock.GetCurrentInstant()));
        await db.SaveChangesAsync(cancellationToken);
        outbox.MessagesQueued();
        return await db.Responses(db.Offers.AsNoTracking().Where(o => o.Id == offer.Id)).SingleAsync(cancellationToken);
    }
}
