using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Sms;
using HostingMatch.Application.Nights;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Sms;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace HostingMatch.Application.Offers;

/// <summary>
/// Turns the night's proposals into offers: each proposed placement whose host has no open offer gets an
/// <see cref="Offer"/> and its SMS, committed together (the outbox), so an offer never exists without its message
/// nor a message without its offer. A proposal whose host is still answering another offer waits for the next round.
/// A coordinator's send that races the offer worker (a host's one open offer is a unique index) runs again and finds the
/// worker's offer already open, as the worker does when it loses (<see cref="SettleOffers"/>).
/// </summary>
public sealed record SendTonightsOffers(LocalDate Night) : ICommand<IReadOnlyList<OfferResponse>>, ITransactional, IAudited, IRetriedOnConflict;

public sealed class SendTonightsOffersHandler(IHostingMatchDb db, IClock clock, IOptions<SmsOptions> options, IOutboxNotifier outbox)
    : ICommandHandler<SendTonightsOffers, IReadOnlyList<OfferResponse>>
{
    public async ValueTask<IReadOnlyList<OfferResponse>> Handle(SendTonightsOffers command, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var proposed = await db.Requests
            .Where(r => r.Night == command.Night && r.Status == RequestStatus.Proposed && r.HostId != null)
            .Where(r => !db.Offers.Any(o => o.RequestId == r.Id && o.HostId == r.HostId
                                            && (o.Status == OfferStatus.Open || o.Status == OfferStatus.Accepted)))
            .OrderBy(r => r.Id)
            .ToListAsync(cancellationToken);
        if (proposed.Count == 0)
        {
            return [];
        }

        var hostIds = proposed.Select(r => r.HostId!.Value).Distinct().ToList();
        var hosts = await db.Hosts.Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        var busy = (await db.Offers.Where(o => o.Status == OfferStatus.Open && hostIds.Contains(o.HostId)).Select(o => o.HostId)
            .ToListAsync(cancellationToken)).ToHashSet();
        var householdIds = proposed.Select(r => r.HouseholdId).ToList();
        var households = await db.Households.Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);

        var timeout = Duration.FromMinutes(options.Value.OfferTimeoutMinutes);
        var created = new List<Guid>();
        foreach (var request in proposed)
        {
            var host = hosts[request.HostId!.Value];
            // A host never has two open offers (the database's unique index says so too); opted-out hosts get no SMS.
            if (host.SmsOptedOutAt is not null || !busy.Add(host.Id))
            {
                continue;
            }

            var offer = Offer.Create(command.Night, request.Id, request.HouseholdId, host.Id, now, timeout);
            var body = SmsTemplates.Offer(host.Language, host.DisplayName, households[request.HouseholdId].Members,
                OfferArrival.Of(request.Ride, host.ArrivalWindow.From));
            db.Offers.Add(offer);
            db.OutboundSms.Add(OutboundSms.Create(host.Phone, body, SmsKind.Offer, host.Id, offer.Id, now));
            created.Add(offer.Id);
        }

        if (created.Count > 0)
        {
            // The night's offers have started: from now on, every new proposal goes out by itself (SettleOffers reads it).
            (await db.TrackProgressOfAsync(command.Night, cancellationToken)).StartOffers(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (created.Count > 0)
        {
            outbox.MessagesQueued();
        }

        return await db.Responses(db.Offers.AsNoTracking().Where(o => created.Contains(o.Id))).ToListAsync(cancellationToken);
    }
}
