using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Offers;

/// <summary>
/// A proposal to one host to take one household tonight, answered by SMS. A host has at most one open
/// offer at a time (enforced by a unique partial index as well as by the use cases).
/// <code>
/// Open     -> Accepted | Declined | Expired | Cancelled | Superseded
/// Accepted -> Cancelled (ANNULE, or a coordinator)
/// the others are final.
/// </code>
/// Declined, expired and cancelled offers exclude that host for that household for the rest of the night.
/// </summary>
public sealed class Offer
{
    private Offer()
    {
    }

    public Guid Id { get; private set; }
    public LocalDate Night { get; private set; }
    public Guid RequestId { get; private set; }
    public Guid HouseholdId { get; private set; }
    public Guid HostId { get; private set; }
    public OfferStatus Status { get; private set; }
    public Instant CreatedAt { get; private set; }

    /// <summary>Unanswered by then, the offer expires.</summary>
    public Instant ExpiresAt { get; private set; }

    public Instant? AnsweredAt { get; private set; }

    /// <summary>Optimistic concurrency: a reply and the expiry worker cannot both win.</summary>
    public uint Version { get; private set; }

    /// <summary>True when the host refused this household tonight (they are not asked again for it).</summary>
    public bool ExcludesHost => Status is OfferStatus.Declined or OfferStatus.Expired or OfferStatus.Cancelled;

    /// <exception cref="DomainException"><c>offer-invalid</c> when the timeout is not positive.</exception>
    public static Offer Create(LocalDate night, Guid requestId, Guid householdId, Guid hostId, Instant now, Duration timeout) =>
        timeout <= Duration.Zero
            ? throw new DomainException("offer-invalid", "An offer's timeout is positive.")
            : new Offer
            {
                Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
                Night = night,
                RequestId = requestId,
                HouseholdId = householdId,
                HostId = hostId,
                Status = OfferStatus.Open,
                CreatedAt = now,
                ExpiresAt = now + timeout,
            };

    /// <summary>True when the offer is open but its time is up.</summary>
    public bool IsOverdueAt(Instant now) => Status == OfferStatus.Open && now >= ExpiresAt;

    /// <summary>
    /// The offer's first SMS is being handed to Twilio at <paramref name="now"/>: the host gets the whole
    /// <paramref name="timeout"/> from then, not from when the offer was written (Twilio may have been down a while).
    /// Never shortens the window; does nothing to a closed offer.
    /// </summary>
    public void StartAnswerWindow(Instant now, Duration timeout)
    {
        if (Status == OfferStatus.Open && now + timeout > ExpiresAt)
        {
            ExpiresAt = now + timeout;
        }
    }

    /// <summary>The host said yes in time.</summary>
    /// <exception cref="DomainException"><c>offer-expired</c> when too late; <c>offer-invalid-transition</c> when not open.</exception>
    public void Accept(Instant now)
    {
        if (IsOverdueAt(now))
        {
            throw new DomainException("offer-expired", "The offer expired before the host answered.");
        }

        MoveTo(OfferStatus.Accepted, now, OfferStatus.Open);
    }

    /// <summary>The host said no.</summary>
    public void Decline(Instant now) => MoveTo(OfferStatus.Declined, now, OfferStatus.Open);

    /// <summary>Nobody answered in time.</summary>
    public void Expire(Instant now) => MoveTo(OfferStatus.Expired, now, OfferStatus.Open);

    /// <summary>The host (ANNULE) or a coordinator cancels, before or after accepting.</summary>
    public void Cancel(Instant now) => MoveTo(OfferStatus.Cancelled, now, OfferStatus.Open, OfferStatus.Accepted);

    /// <summary>The household no longer needs this host (placed elsewhere, request withdrawn, matching re-run).</summary>
    public void Supersede(Instant now) => MoveTo(OfferStatus.Superseded, now, OfferStatus.Open);

    private void MoveTo(OfferStatus next, Instant now, params OfferStatus[] from)
    {
        if (!from.Contains(Status))
        {
            throw new DomainException("offer-invalid-transition",
                $"An offer that is {Status.ToString().ToLowerInvariant()} cannot become {next.ToString().ToLowerInvariant()}.");
        }

        Status = next;
        AnsweredAt = now;
    }
}
