using HostingMatch.Application.Matching;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Domain;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Referrals;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Stays;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Stays;

/// <summary>
/// Between the programmes (docs/stays.md, "Between the programmes"). A guest of the stays programme who waits within
/// reach of the base (the matching's travel limit), whatever regions it may stay in, gets each uncovered night of its
/// latest plan that saw every host it may stay with registered as a one-night request of its own household, for the
/// nights the one-night programme takes (tonight and the next <see cref="Referral.MaxNightsAhead"/>, as for a partner's
/// referral), so the night coordinators see it; its nights without shelter are carried (<see cref="NightsWithoutShelter"/>).
/// A night already requested is left as it is (re-planning never duplicates: one request per household and night). A
/// request not yet placed (waiting, or left without a place) for a night an agreed stay now covers is withdrawn, and after
/// an exit that ends its need for shelter (<see cref="WithdrawFromAsync"/>); withdrawn for a stay,
/// it waits again once no agreed stay covers its night (the stay called off). The caller saves.
/// </summary>
internal static class UncoveredNightRequests
{
    /// <summary>Request statuses that hold no bed yet: such a request is withdrawn when a stay covers its night.</summary>
    private static readonly RequestStatus[] NotPlaced = [RequestStatus.Waiting, RequestStatus.Unplaced];

    /// <summary>Registers the plan's uncovered nights of the guests it concerns, and withdraws what agreed stays now cover.</summary>
    public static async Task RegisterAsync(IHostingMatchDb db, StoredStaysPlan plan, IReadOnlyDictionary<Guid, StayGuest> guests, Instant now,
        CancellationToken ct)
    {
        var tonight = Night.Current(now);
        var open = Referral.NightsOpen(now);
        var from = plan.PlanFrom > tonight ? plan.PlanFrom : tonight;
        var until = plan.PlanUntil < open.End.PlusDays(1) ? plan.PlanUntil : open.End.PlusDays(1);
        if (from >= until)
        {
            return;
        }

        var @base = (await NightFromDatabase.BaseAsync(db, ct)).Location;
        // Every guest, planned here or not (another region's plan, or no night to plan before an agreed stay): the nights an
        // agreed stay covers are withdrawn for all (a household moved from the one-night programme brings its own requests,
        // wherever it waits); this plan's uncovered nights are registered for the guests it speaks for (Registered).
        var concerned = guests.Values.Where(g => !g.HasExited).ToList();
        if (concerned.Count == 0)
        {
            return;
        }

        var guestIds = concerned.Select(g => g.Id).ToList();
        var householdIds = concerned.Select(g => g.HouseholdId).ToList();
        var stays = (await db.Stays
                .Where(s => guestIds.Contains(s.GuestId) && (s.Status == StayStatus.Confirmed || s.Status == StayStatus.Ongoing || s.Status == StayStatus.Ended))
                .ToListAsync(ct))
            // The plan's reading may have cancelled some of them just now (a host withdrew), before they are saved.
            .Where(s => s.Status != StayStatus.Cancelled).ToLookup(s => s.GuestId);
        var requests = (await db.Requests.Where(r => householdIds.Contains(r.HouseholdId) && r.Night < until).ToListAsync(ct))
            .ToLookup(r => r.HouseholdId);

        foreach (var guest in concerned)
        {
            var agreed = stays[guest.Id].Where(s => s.IsAgreed).ToList();
            var mine = requests[guest.HouseholdId].ToDictionary(r => r.Night);
            var planned = plan.Stays.Where(s => s.GuestId == guest.Id).ToList();
            bool Sheltered(LocalDate night) =>
                stays[guest.Id].Any(s => s.Period.Contains(night))
                || planned.Any(s => s.From <= night && night < s.Until)
                || (mine.TryGetValue(night, out var r) && r.Status is RequestStatus.Confirmed or RequestStatus.Delivered);
            int? Counted(LocalDate night) => mine.TryGetValue(night, out var r) ? r.NightsWithoutShelter : null;

            foreach (var request in mine.Values.Where(r => r.Night >= from && NotPlaced.Contains(r.Status) && agreed.Any(s => s.Period.Contains(r.Night))))
            {
                request.WithdrawForStay(now);
            }

            // The reverse: a night withdrawn for a stay that no agreed stay covers any more (the stay was called off, cut
            // short, or its host withdrew) is the one-night programme's again, proposed elsewhere or not (a proposal is not a bed).
            var since = guest.NeedFrom > Night.Current(guest.CreatedAt) ? guest.NeedFrom : Night.Current(guest.CreatedAt);
            foreach (var request in mine.Values.Where(r => r.Night >= from && r.Status == RequestStatus.Cancelled && r.WithdrawnForStay
                                                           && !agreed.Any(s => s.Period.Contains(r.Night))).OrderBy(r => r.Night))
            {
                request.WaitAgainAfterStay(NightsWithoutShelter.Before(request.Night, since, Sheltered, Counted), now);
            }

            if (!Registered(plan, guest, @base))
            {
                continue;
            }

            var nights = plan.Uncovered.Where(u => u.GuestId == guest.Id)
                .SelectMany(u => Nights(u.From > from ? u.From : from, u.Until < until ? u.Until : until))
                .Order();
            foreach (var night in nights.Where(n => !mine.ContainsKey(n) && !agreed.Any(s => s.Period.Contains(n))))
            {
                var request = ShelterRequest.Create(guest.HouseholdId, night, NightsWithoutShelter.Before(night, since, Sheltered, Counted), now);
                db.Requests.Add(request);
                mine[night] = request;
            }
        }
    }

    /// <summary>
    /// Withdraws the household's requests not yet placed for the nights from <paramref name="from"/> on (the guest's exit),
    /// except those a partner referred: a partner's referral is the partner's to withdraw (a household moved from the
    /// one-night programme may bring some).
    /// </summary>
    public static async Task WithdrawFromAsync(IHostingMatchDb db, Guid householdId, LocalDate from, Instant now, CancellationToken ct)
    {
        var requests = await db.Requests.Where(r => r.HouseholdId == householdId && r.Night >= from && NotPlaced.Contains(r.Status)
                                                    && !db.Referrals.Any(f => f.RequestId == r.Id)).ToListAsync(ct);
        foreach (var request in requests)
        {
            request.Cancel(now);
        }
    }

    /// <summary>
    /// Whether the plan's uncovered nights of the guest are the one-night programme's: it waits within reach of the base (a
    /// place a partner left out is a guess, taken only for a guest who may stay in Île-de-France), and the plan saw every
    /// host it may stay with.
    /// </summary>
    private static bool Registered(StoredStaysPlan plan, StayGuest guest, GeoPoint @base) =>
        SawEveryHostOf(plan, guest) && WithinReachOfBase(guest, @base) && (guest.LocationGiven || guest.MayStayIn(Region.Default));

    /// <summary>
    /// Whether the plan saw every host the guest may stay with, so that a night it leaves uncovered is one no stay covers:
    /// a plan of all regions, or of the guest's only region. A plan of Île-de-France, the base's region, also speaks for a
    /// guest that may stay there among other regions (as before 2026-12-08). Another region's plan knows nothing of the
    /// other regions' beds: a guest it leaves uncovered may be covered there.
    /// </summary>
    private static bool SawEveryHostOf(StoredStaysPlan plan, StayGuest guest) =>
        plan.Region is null
        || (plan.Region == Region.Default && guest.MayStayIn(Region.Default))
        || (guest.Regions.Count > 0 && guest.Regions.All(r => r == plan.Region));

    /// <summary>
    /// The guest waits where the one-night programme can take it in: within the matching's travel limit of the base
    /// (matching.md's defaults, 60 minutes at 25 km/h with the detour factor).
    /// </summary>
    internal static bool WithinReachOfBase(StayGuest guest, GeoPoint @base) =>
        TravelTime.Minutes(@base, guest.Location, MatchingRules.DefaultDetourFactor, MatchingRules.DefaultAverageSpeedKmh)
        <= MatchingRules.DefaultMaxTravelMinutes;

    private static IEnumerable<LocalDate> Nights(LocalDate from, LocalDate until)
    {
        for (var night = from; night < until; night = night.PlusDays(1))
        {
            yield return night;
        }
    }
}
