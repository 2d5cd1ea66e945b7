using System.Globalization;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Matching;

/// <summary>
/// One request and tonight's hosts as a coordinator placing it by hand sees them: which host may take it, and if
/// not, the first hard rule (matching.md, in its order) that says no. <see cref="HostsForHousehold"/> lists the
/// verdicts and <see cref="MoveHousehold"/> acts on one, so the list and the move can never disagree. Rules 1-5 are
/// <see cref="HardRules.FirstBroken"/>, as the engine and the reasons apply them; whether the request itself may move is
/// <see cref="Domain.Placements.PlacementLifecycle.EnsureMovableByHand"/>.
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

    private HandPlacement(LocalDate night, NightBase nightBase, ShelterRequest request, Household household,
        IReadOnlyList<Host> hosts, ILookup<Guid, Household> placedAt, IReadOnlyList<Offer> householdOffers)
    {
        this.night = night;
        this.nightBase = nightBase;
        this.placedAt = placedAt;
        refusedBy = householdOffers.Where(o => o.ExcludesHost).Select(o => o.HostId).ToHashSet();
        HouseholdOffers = householdOffers;
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

    /// <summary>
    /// The household's offers this night, by household as the matching's exclusions are: a refusal is about these people,
    /// whatever request brought them.
    /// </summary>
    public IReadOnlyList<Offer> HouseholdOffers { get; }

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
        var offers = await db.Offers.AsNoTracking().Where(o => o.Night == night && o.HouseholdId == request.HouseholdId).ToListAsync(ct);
        return new HandPlacement(night, await NightFromDatabase.BaseAsync(db, ct), request, household, hosts,
            placed.ToLookup(p => p.HostId, p => p.Household), offers);
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
        switch (HardRules.FirstBroken(night, rules, engineHost, asTheEngineSeesIt, travel))
        {
            case HardRule.Available:
                return ("host-not-available", !engineHost.AvailableTonight
                    ? $"{name} is not available on the night of {night:yyyy-MM-dd}."
                    : !HardRules.WithinMonthlyLimit(engineHost)
                        ? $"{name} has already hosted {engineHost.NightsHostedThisMonth} night(s) this month, their limit of {engineHost.MaxNightsPerMonth}."
                        : $"{name}'s agreement does not cover the night of {night:yyyy-MM-dd}.");
            case HardRule.AcceptsCategory:
                return ("category-not-accepted", $"{name} does not take {UnplacedReasons.Describe(category)}.");
            case HardRule.MinorsNeedCertifiedHost:
                return ("minors-need-certified-host", engineHost is { MinorsCertified: true, CertifiedUntil: { } until }
                    ? $"{name}'s certificate for unaccompanied minors ended on {until:yyyy-MM-dd}."
                    : $"{name} is not certified to take unaccompanied minors.");
            case HardRule.WheelchairAccess:
                return ("no-wheelchair-access", $"{name}'s home has no wheelchair access, which this household needs.");
            case HardRule.WithinTravelLimit:
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
