using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using NodaTime;

namespace HostingMatch.Application.Offers;

/// <summary>What happens to the household when its offer closes without a stay.</summary>
internal static class OfferReturns
{
    /// <summary>
    /// Puts the household back in the pool when the request still points at this offer's host (proposed or confirmed);
    /// the re-matching then looks for another host, never this one (the offer excludes the pair tonight).
    /// </summary>
    public static void ReturnHouseholdToPool(this ShelterRequest request, Offer offer, Instant now)
    {
        if (request.HostId == offer.HostId && request.Status is RequestStatus.Proposed or RequestStatus.Confirmed)
        {
            request.ReturnToPool(now);
        }
    }
}
