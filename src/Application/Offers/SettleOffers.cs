using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Matching;
using HostingMatch.Application.Sms;
using HostingMatch.Application.VanRuns;
using HostingMatch.Domain;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Placements;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Nights;
using HostingMatch.Application.Nights;
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
/// Proposals go out by themselves only once the night's offers have started (<see cref="NightProgress.OffersStarted"/>), or with
/// <c>Sms:SendOffersAutomatically</c>;</item>
/// <item>once the vans are planned, a confirmation or a cancellation answered since the plan re-plans them, and hosts already
/// told their van time hear about a change.</item>
/// </list>
/// The steps are called directly, each committing on its own (each is one save; the matching runs in a transaction of its own,
/// so the night's matching lock lasts its run and no longer: a coordinator pressing the button meanwhile is not kept out by
/// the rest of the round). A round that raced with a reply runs again from the start; every step reads what is committed, so
/// a step done twice does nothing the second time. The night's <see cref="NightProgress"/> says which steps are due
/// (docs/adr/0002-night-progress-polled.md).
/// A matching run already under way elsewhere is not an error: the next round picks the work up.
/// </summary>
public sealed record SettleOffers : ICommand<SettleOffersResult>, IRetriedOnConflict;

public sealed record SettleOffersResult(int Expired, bool Rematched, int OffersSent);

public sealed class SettleOffersHandler(
    IHostingMatchDb db,
    IClock clock,
    IOptions<SmsOptions> options,
    IUnitOfWork unitOfWork,
    ICommandHandler<RunNightlyMatching, MatchingRunResponse> matching,
    ICommandHandler<SendTonightsOffers, IReadOnlyList<OfferResponse>> offers,
    ICommandHandler<PlanVanRuns, VanRunsResponse> vans,
    ICommandHandler<SendVanArrivalTimes, IReadOnlyList<string>> vanTimes)
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

        // An offer answered in the meantime makes this throw a concurrency conflict: nothing is saved, the round runs again.
        await db.SaveChangesAsync(cancellationToken);

        var needsRematch = await db.Requests.AnyAsync(r => r.Night == night && r.Status == RequestStatus.Waiting
            && db.Offers.Any(o => o.RequestId == r.Id && (o.Status == OfferStatus.Declined || o.Status == OfferStatus.Expired
                                                          || o.Status == OfferStatus.Cancelled)), cancellationToken);
        var rematched = false;
        if (needsRematch && await TryRematchAsync(night, cancellationToken))
        {
            rematched = true;
        }

        var progress = await db.ProgressOfAsync(night, cancellationToken);
        var sending = options.Value.SendOffersAutomatically || progress.OffersStarted;
        var sent = sending ? (await offers.Handle(new SendTonightsOffers(night), cancellationToken)).Count : 0;

        // Read from the stored night rather than signalled by the webhook: a crash between the reply and the re-plan
        // loses nothing, and the webhook answers Twilio without waiting for the van planner.
        if (progress.VansPlannedAt is { } plannedAt && await db.Offers.AnyAsync(o => o.Night == night && o.AnsweredAt > plannedAt
                && (o.Status == OfferStatus.Accepted || o.Status == OfferStatus.Cancelled), cancellationToken))
        {
            await vans.Handle(new PlanVanRuns(night), cancellationToken);
            // Hosts already told their van time hear about a change; before the coordinators' first send, nobody is told.
            if (progress.VanTimesSent)
            {
                await vanTimes.Handle(new SendVanArrivalTimes(night), cancellationToken);
            }
        }

        return new SettleOffersResult(overdue.Count, rematched, sent);
    }

    private async Task<bool> TryRematchAsync(LocalDate night, CancellationToken cancellationToken)
    {
        // Recovering for real: another instance is matching this night right now; its run covers ours.
        try
        {
            // Its own transaction, as the pipeline gives it to every other caller: the lock is held until the proposals commit.
            await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
            await matching.Handle(new RunNightlyMatching(night, Patience: TimeSpan.Zero), cancellationToken);
            if (transaction is not null)
            {
                await transaction.CommitAsync(cancellationToken);
            }

            return true;
        }
        catch (Domain.Common.DomainException e) when (e.Code == "matching-in-progress")
        {
            return false;
        }
    }
}
