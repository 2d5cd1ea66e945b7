using HostingMatch.Domain.Common;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using NodaTime;

namespace HostingMatch.Domain.Placements;

/// <summary>
/// The lifecycle of a placement, where it spans a request (<see cref="ShelterRequest"/>: the household's night) and
/// the offer texted to its host (<see cref="Offer"/>). Each rule is written here once; the use cases (the SMS webhook,
/// the offer worker, a coordinator's cancel, a partner's withdrawal, a hand move) call it.
/// <code>
/// request proposed to a host (ShelterRequest.ProposeTo)
///   -> offer open
///        -> accepted: request confirmed                    (Accept)
///        -> declined | expired | cancelled: household back
///           in the pool, the host excluded for it tonight  (Decline, Expire, Cancel; see NotAskedAgain)
///        -> superseded: the request moved on meanwhile     (Accept, too late)
/// confirmed -> cancelled offer (ANNULE, a coordinator, the partner): household back in the pool (Cancel)
/// </code>
/// </summary>
public static class PlacementLifecycle
{
    /// <summary>The host said no: the offer is declined and the household goes back to the pool.</summary>
    /// <exception cref="DomainException"><c>offer-invalid-transition</c> when the offer is not open; <c>placement-mismatch</c> when the request is not the offer's.</exception>
    public static void Decline(Offer offer, ShelterRequest request, Instant now) => Close(offer, request, now, () => offer.Decline(now));

    /// <summary>Nobody answered in time: the offer expires and the household goes back to the pool.</summary>
    /// <exception cref="DomainException"><c>offer-invalid-transition</c> when the offer is not open; <c>placement-mismatch</c> when the request is not the offer's.</exception>
    public static void Expire(Offer offer, ShelterRequest request, Instant now) => Close(offer, request, now, () => offer.Expire(now));

    /// <summary>
    /// The host (ANNULE, STOP), a coordinator or the partner cancels, before or after the host accepted: the offer is
    /// cancelled and the household goes back to the pool.
    /// </summary>
    /// <exception cref="DomainException"><c>offer-invalid-transition</c> when the offer is neither open nor accepted; <c>placement-mismatch</c> when the request is not the offer's.</exception>
    public static void Cancel(Offer offer, ShelterRequest request, Instant now) => Close(offer, request, now, () => offer.Cancel(now));

    /// <summary>
    /// The host said yes in time. When the request still waits on this host, the offer is accepted and the request
    /// confirmed (true); when it was placed elsewhere or withdrawn since the offer went out, the offer is superseded and
    /// the host is told it is too late (false).
    /// </summary>
    /// <exception cref="DomainException"><c>offer-expired</c> when too late; <c>offer-invalid-transition</c> when not open; <c>placement-mismatch</c> when the request is not the offer's.</exception>
    public static bool Accept(Offer offer, ShelterRequest request, Instant now)
    {
        EnsureSame(offer, request);
        if (request.Status != RequestStatus.Proposed || request.HostId != offer.HostId)
        {
            offer.Supersede(now);
            return false;
        }

        offer.Accept(now);
        request.Confirm(now);
        return true;
    }

    /// <summary>
    /// Refuses a request that is no longer the coordinator's to move by hand: withdrawn, placed, or waiting for its
    /// host's SMS answer (<paramref name="householdOffersTonight"/>, the offers of its household this night, has an open one).
    /// </summary>
    /// <exception cref="DomainException"><c>request-cancelled</c>, <c>already-placed</c> or <c>offer-already-sent</c>.</exception>
    public static void EnsureMovableByHand(ShelterRequest request, IEnumerable<Offer> householdOffersTonight)
    {
        if (request.Status == RequestStatus.Cancelled)
        {
            throw new DomainException("request-cancelled", "This request was withdrawn; there is nobody to move.");
        }

        if (request.Status is RequestStatus.Confirmed or RequestStatus.Delivered)
        {
            throw new DomainException("already-placed",
                $"This household is already {request.Status.ToString().ToLowerInvariant()} at its host; cancel that placement first.");
        }

        if (householdOffersTonight.Any(o => o.Status == OfferStatus.Open))
        {
            throw new DomainException("offer-already-sent",
                "An offer for this household is waiting for its host's answer; cancel the offer first, then move the household.");
        }
    }

    /// <summary>
    /// Closes the offer without a stay and puts the household back in the pool when the request still points at this
    /// offer's host (proposed or confirmed); the re-matching then looks for another host, never this one tonight.
    /// </summary>
    private static void Close(Offer offer, ShelterRequest request, Instant now, Action close)
    {
        EnsureSame(offer, request);
        close();
        if (request.HostId == offer.HostId && request.Status is RequestStatus.Proposed or RequestStatus.Confirmed)
        {
            request.ReturnToPool(now);
        }
    }

    private static void EnsureSame(Offer offer, ShelterRequest request)
    {
        if (offer.RequestId != request.Id)
        {
            throw new DomainException("placement-mismatch", $"The offer {offer.Id} is not for the request {request.Id}.");
        }
    }
}
