using HostingMatch.Application.Matching;
using HostingMatch.Application.Sms;
using HostingMatch.Application.VanRuns;
using HostingMatch.Domain;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Placements;
using HostingMatch.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace HostingMatch.Application.Offers;

/// <summary>
/// Keeps tonight moving without a coordinator (the offer worker runs it every few seconds on every instance):
/// <list type="number">
/// <item>offers unanswered after <c>Sms:OfferTimeoutMinutes</c> expire and their households go back to the pool;</item>
/// <item>when a household is back in the pool after a decline, an expiry or a cancellation, the matching runs again
/// (it excludes every pair refused tonight) and</item>
/// <item>the new proposals go out as offers, as do proposals that waited for their host to answer another offer.
/// Proposals go out by themselves only once the coordinators sent the night's first offers, or with
/// <c>Sms:SendOffersAutomatically</c>;</item>
/// <item>once the vans are planned, a confirmation or a cancellation answered since the plan re-plans them.</item>
/// </list>
/// A matching run already under way elsewhere is not an error: the next round picks the work up.
/// </summary>
public sealed record SettleOffers : ICommand<SettleOffersResult>;

public sealed record SettleOffersResult(int Expired, bool Rematched, int OffersSent);

public sealed class SettleOffersHandler(IHostingMatchDb db, IClock clock, ISender sender, IOptions<SmsOptions> options)
    : ICommandHandler<SettleOffers, SettleOffersResult>
{
    public async ValueTask<SettleOffersResult> Handle(SettleOffers command, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var night = Night.Current(now);

        var overdue = await db.Offers.Where(o => o.Status == OfferStatus.Open && o.ExpiresAt <= now).ToListAsync(cancellationToken);
        foreach (var offer in overdue)
        {
            PlacementLifecycle.Expire(offer, await db.Requests.FirstAsync(r => r.Id == offer.RequestId, cancellationToken), now);
        }

        // An offer answered in the meantime makes this throw a concurrency conflict: nothing is saved, the next round retries.
        await db.SaveChangesAsync(cancellationToken);

        var needsRematch = await db.Requests.AnyAsync(r => r.Night == night && r.Status == RequestStatus.Waiting
            && db.Offers.Any(o => o.RequestId == r.Id && (o.Status == OfferStatus.Declined || o.Status == OfferStatus.Expired
                                                          || o.Status == OfferStatus.Cancelled)), cancellationToken);
        var rematched = false;
        if (needsRematch && await TryRematchAsync(night, cancellationToken))
        {
            rematched = true;
        }

        var sending = options.Value.SendOffersAutomatically || await db.Offers.AnyAsync(o => o.Night == night, cancellationToken);
        var sent = sending ? (await sender.Send(new SendTonightsOffers(night), cancellationToken)).Count : 0;

        // Derived from the database rather than signalled by the webhook: a crash between the reply and the re-plan
        // loses nothing, and the webhook answers Twilio without waiting for the van planner.
        var plannedAt = await db.VanRunPlans.Where(p => p.Night == night).Select(p => (Instant?)p.PlannedAt).FirstOrDefaultAsync(cancellationToken);
        if (plannedAt is { } at && await db.Offers.AnyAsync(o => o.Night == night && o.AnsweredAt > at
                && (o.Status == OfferStatus.Accepted || o.Status == OfferStatus.Cancelled), cancellationToken))
        {
            await sender.Send(new ReplanVanRuns(night), cancellationToken);
            // Hosts already told their van time hear about a change; before the coordinators' first send, nobody is told.
            var eveningStart = Night.At(night, Night.EveningStarts).ToInstant();
            if (await db.OutboundSms.AnyAsync(m => m.Kind == Domain.Sms.SmsKind.VanArrival && m.CreatedAt >= eveningStart, cancellationToken))
            {
                await sender.Send(new SendVanArrivalTimes(night), cancellationToken);
            }
        }

        return new SettleOffersResult(overdue.Count, rematched, sent);
    }

    private async Task<bool> TryRematchAsync(LocalDate night, CancellationToken cancellationToken)
    {
        // Recovering for real: another instance is matching this night right now; its run covers ours.
        try
        {
            await sender.Send(new RunNightlyMatching(night), cancellationToken);
            return true;
        }
        catch (Domain.Common.DomainException e) when (e.Code == "matching-in-progress")
        {
            return false;
        }
    }
}
