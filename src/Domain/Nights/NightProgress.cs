using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Nights;

/// <summary>
/// Where a night stands, as the night's workers rely on it: the offers have started (from then on, every new proposal is
/// texted by itself), the vans are planned (from then on, a confirmation or a cancellation re-plans them), the hosts were
/// told their van times (from then on, a re-plan tells them of a change). Stored, one row per night, written by the use
/// cases that make each step happen; no row means nothing has happened yet (docs/adr/0002-night-progress-polled.md).
/// </summary>
public sealed class NightProgress
{
    private NightProgress()
    {
    }

    /// <summary>The night, in <c>Europe/Paris</c>: also the key.</summary>
    public LocalDate Night { get; private set; }

    /// <summary>When the night's first offer was made (the coordinators' send, or the matching's with <c>SendOffersAutomatically</c>).</summary>
    public Instant? OffersStartedAt { get; private set; }

    /// <summary>When the vans were last planned (the coordinators' first plan, then every re-plan).</summary>
    public Instant? VansPlannedAt { get; private set; }

    /// <summary>When a host was first texted their van's arrival time.</summary>
    public Instant? VanTimesSentAt { get; private set; }

    /// <summary>Optimistic concurrency: two writers of the same night cannot both win.</summary>
    public uint Version { get; private set; }

    public bool OffersStarted => OffersStartedAt is not null;
    public bool VansPlanned => VansPlannedAt is not null;
    public bool VanTimesSent => VanTimesSentAt is not null;

    /// <summary>A night where nothing has happened yet.</summary>
    public static NightProgress Begin(LocalDate night) => new() { Night = night };

    /// <summary>The night's first offers went out; later calls keep the first moment.</summary>
    public void StartOffers(Instant now) => OffersStartedAt ??= now;

    /// <summary>
    /// The vans were planned, or planned again, at <paramref name="now"/>: answers after it re-plan them. Whatever the last
    /// plan's time (the demo plans its evening on its own clock, before or after a real plan), the latest plan is the one.
    /// </summary>
    public void RecordVansPlanned(Instant now) => VansPlannedAt = now;

    /// <summary>A host was texted their van time; later calls keep the first moment.</summary>
    /// <exception cref="DomainException"><c>vans-not-planned</c>: no van plan exists, so there is no time to tell.</exception>
    public void RecordVanTimesSent(Instant now)
    {
        if (VansPlannedAt is null)
        {
            throw new DomainException("vans-not-planned", $"The vans of the night of {Night:yyyy-MM-dd} are not planned: there is no van time to send.");
        }

        VanTimesSentAt ??= now;
    }
}
