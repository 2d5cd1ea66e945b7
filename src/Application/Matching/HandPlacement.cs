using System.Globalization;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using HostingMatch.Domain.Hosts;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.Application.Matching;

/// <summary>
/// One request and tonight's hosts as a coordinator placing it by hand sees them: which host may take it, and if
/// not, the first hard rule (matching.md, in its order) that says no. <see cref="HostsForHousehold"/> lists the
/// verdicts and <see cref="MoveHousehold"/> acts on one, so the list and the move can never disagree.
/// A host's beds and households are taken by every placement of the night at it (confirmed, delivered, proposed
/// with or without an offer) except the request's own: it is the one moving.
/// </summary>
internal sealed class HandPlacement
{
    private readonly LocalDate night;
    private readonly NightBase nightBase;
    private readonly NightHousehold asTheEngineSeesIt;
    private readonly ILookup<Guid, Household> placedAt;
    private readonly IReadOnlySet<Guid> refusedBy;
    private readonly bool offerOpen;

    private HandPlacement(LocalDate night, NightBase nightBase, ShelterRequest request, Household household,
        IReadOnlyList<Host> hosts, ILookup<Guid, Household> placedAt, IReadOnlySet<Guid> refusedBy, bool offerOpen)
    {
        this.night = night;
        this.nightBase = nightBase;
        this.placedAt = placedAt;
        this.refusedBy = refusedBy;
        this.offerOpen = offerOpen;
        asTheEngineSeesIt = new NightHousehold(household.Id.ToString(), household.Members, household.Vulnerable, household.NeedsWheelchairAccess);
        Request = request;
        Household = household;
        Hosts = hosts;
    }

    /// <summary>The request being placed; tracked (with its concurrency version) when loaded for a move.</summary>
    public ShelterRequest Request { get; }

    /// <summary>The request's household.</summary>
    public Household Household { get; }

    /// <summary>Every host, by code.</summary>
    public IReadOnlyList<Host> Hosts { get; }

    /// <summary>Null when there is no such request that night.</summary>
    public static async Task<HandPlacement?> LoadAsync(IHostingMatchDb db, LocalDate night, Guid requestId, bool track, CancellationToken ct)
    {
        var requests = track ? db.Requests : db.Requests.AsNoTracking();
        var request = await requests.FirstOrDefaultAsync(r => r.Id == requestId && r.Night == night, ct);
        if (request is null)
        {
            return null;
        }

        var household = await db.Households.AsNoTracking().SingleAsync(h => h.Id == request.HouseholdId, ct);
        var hosts = await db.Hosts.AsNoTracking().OrderBy(h => h.Code).ToListAsync(ct);
        var placed = await (from r in db.Requests.AsNoTracking()
                            join h in db.Households.AsNoTracking() on r.HouseholdId equals h.Id
                            where r.Night == night && r.Id != requestId && r.HostId != null
                                  && (r.Status == RequestStatus.Proposed || r.Status == RequestStatus.Confirmed
                                      || r.Status == RequestStatus.Delivered)
                            select new { HostId = r.HostId!.Value, Household = h }).ToListAsync(ct);
        // By household, as the matching's exclusions are: a refusal is about these people, whatever request brought them.
        var offers = await db.Offers.AsNoTracking().Where(o => o.Night == night && o.HouseholdId == request.HouseholdId).ToListAsync(ct);
        return new HandPlacement(night, await NightFromDatabase.BaseAsync(db, ct), request, household, hosts,
            placed.ToLookup(p => p.HostId, p => p.Household),
            offers.Where(o => o.ExcludesHost).Select(o => o.HostId).ToHashSet(),
            offers.Any(o => o.Status == OfferStatus.Open));
    }

    /// <summary>Refuses a request that is no longer the coordinator's to move: withdrawn, placed, or waiting for its host's SMS answer.</summary>
    /// <exception cref="DomainException"><c>request-cancelled</c>, <c>already-placed</c> or <c>offer-already-sent</c>.</exception>
    public void EnsureMovable()
    {
        if (Request.Status == RequestStatus.Cancelled)
        {
            throw new DomainException("request-cancelled", "This request was withdrawn; there is nobody to move.");
        }

        if (Request.Status is RequestStatus.Confirmed or RequestStatus.Delivered)
        {
            throw new DomainException("already-placed",
                $"This household is already {Request.Status.ToString().ToLowerInvariant()} at its host; cancel that placement first.");
        }

        if (offerOpen)
        {
            throw new DomainException("offer-already-sent",
                "An offer for this household is waiting for its host's answer; cancel the offer first, then move the household.");
        }
    }

    /// <summary>What the host has left tonight and whether it may take the household, with the first rule that says no.</summary>
    public HostForHousehold Judge(Host host)
    {
        var engineHost = NightFromDatabase.ToEngine(host, night, []);
        var there = placedAt[host.Id].ToList();
        var peopleThere = there.Sum(h => h.People);
        var travel = HardRules.TravelMinutes(nightBase, engineHost, MatchingRules.Default);
        var refusal = FirstRefusal(host, engineHost, there, peopleThere, travel);
        return new HostForHousehold(host.Id, host.Code, host.DisplayName,
            Math.Max(0, host.Beds - peopleThere), Math.Max(0, host.MaxHouseholds - there.Count), travel,
            refusal is null, refusal?.Code, refusal?.Sentence);
    }

    private (string Code, string Sentence)? FirstRefusal(Host host, NightHost engineHost, List<Household> there, int peopleThere,
        int travel)
    {
        var name = $"{host.DisplayName} ({host.Code})";
        var category = asTheEngineSeesIt.Category;
        var rules = MatchingRules.Default;
        if (!HardRules.IsAvailable(engineHost, night))
        {
            return ("host-not-available", engineHost.AvailableTonight
                ? $"{name}'s agreement does not cover the night of {night:yyyy-MM-dd}."
                : $"{name} is not available on the night of {night:yyyy-MM-dd}.");
        }

        if (!HardRules.AcceptsCategory(engineHost, category))
        {
            return ("category-not-accepted", $"{name} does not take {UnplacedReasons.Describe(category)}.");
        }

        if (!HardRules.MinorsNeedCertifiedHost(engineHost, category, night))
        {
            return ("minors-need-certified-host", engineHost is { MinorsCertified: true, CertifiedUntil: { } until }
                ? $"{name}'s certificate for unaccompanied minors ended on {until:yyyy-MM-dd}."
                : $"{name} is not certified to take unaccompanied minors.");
        }

        if (!HardRules.WheelchairAccess(engineHost, asTheEngineSeesIt.NeedsWheelchairAccess))
        {
            return ("no-wheelchair-access", $"{name}'s home has no wheelchair access, which this household needs.");
        }

        if (!HardRules.WithinTravelLimit(travel, rules))
        {
            return ("too-far", $"{name} is {travel} minutes from the base, over the limit of " +
                               $"{rules.MaxTravelMinutes.ToString(CultureInfo.InvariantCulture)} minutes.");
        }

        if (!HardRules.HasBedsFor(engineHost, peopleThere + asTheEngineSeesIt.People))
        {
            return ("not-enough-beds",
                $"{name} has {Math.Max(0, host.Beds - peopleThere)} bed(s) left tonight; this household needs {asTheEngineSeesIt.People}.");
        }

        if (!HardRules.WithinHouseholdLimit(engineHost, there.Count + 1))
        {
            return ("too-many-households", $"{name} already takes {there.Count} household(s) tonight, as many as they agreed to.");
        }

        if (!HardRules.OneCategory(there.Select(h => h.Category).Append(category)))
        {
            var already = string.Join(" and ", there.Select(h => h.Category).Distinct().Select(UnplacedReasons.Describe));
            return ("mixed-categories",
                $"{name} already takes {already} tonight; {UnplacedReasons.Describe(category)} cannot share their home.");
        }

        if (refusedBy.Contains(host.Id))
        {
            return ("host-refused-tonight", $"{name} already turned this household down tonight (declined, let the offer expire or cancelled).");
        }

        if (Request.Status == RequestStatus.Proposed && Request.HostId == host.Id)
        {
            return ("same-host", $"This household is already proposed to {name}.");
        }

        return null;
    }
}
