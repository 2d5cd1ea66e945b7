using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Sms;

namespace HostingMatch.Domain.Placements;

/// <summary>
/// Who may not be asked again tonight (spec sms.md §5: the re-matching proposes other hosts, "never the ones that already
/// said no, let the offer expire"), as pairs (household, host) the matching must not propose. Coordinators can still move
/// a household to such a host by hand: a move checks only that household's own refusals (<see cref="Offer.ExcludesHost"/>).
/// </summary>
public static class NotAskedAgain
{
    /// <summary>
    /// True when the host is asked nothing more tonight, for any household, because of <paramref name="offer"/>: they
    /// declined it, or let it expire although its SMS reached Twilio and was not reported undelivered. The question was
    /// "can you host tonight?", and a phone left off would cost every household its 20 minutes; a host whose offer never
    /// left (Twilio down, the SMS skipped) or never arrived let nothing go unanswered. A cancelled offer is not the host's
    /// refusal (the partner or the coordinators may have cancelled): it excludes only its own household.
    /// </summary>
    /// <param name="offer">One of tonight's offers.</param>
    /// <param name="offerMessages">The offer's SMS (any others are ignored).</param>
    public static bool HostOutTonight(Offer offer, IEnumerable<OutboundSms> offerMessages) => offer.Status switch
    {
        OfferStatus.Declined => true,
        OfferStatus.Expired => offerMessages.Any(m => m.OfferId == offer.Id && m.ReachedProvider),
        _ => false,
    };

    /// <summary>
    /// The pairs the matching must not propose tonight: every household with a host out for the night
    /// (<see cref="HostOutTonight"/>), and each household with the hosts that refused it (<see cref="Offer.ExcludesHost"/>).
    /// </summary>
    /// <param name="offers">Tonight's offers.</param>
    /// <param name="offerMessages">Their SMS (only those of expired offers matter).</param>
    /// <param name="households">The households the matching is placing.</param>
    public static IReadOnlySet<(Guid HouseholdId, Guid HostId)> Pairs(IReadOnlyCollection<Offer> offers,
        IReadOnlyCollection<OutboundSms> offerMessages, IEnumerable<Guid> households)
    {
        var outTonight = offers.Where(o => HostOutTonight(o, offerMessages)).Select(o => o.HostId).ToHashSet();
        return offers.Where(o => o.ExcludesHost).Select(o => (o.HouseholdId, o.HostId))
            .Concat(households.SelectMany(h => outTonight.Select(host => (h, host))))
            .ToHashSet();
    }
}
