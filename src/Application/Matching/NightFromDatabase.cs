using HostingMatch.Application.Requests;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Domain;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Placements;
using HostingMatch.Domain.Requests;
using HostingMatch.Application.Stays;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Matching;

/// <summary>
/// Tonight as the engine sees it, read from the database. Placements that must not move (confirmed,
/// delivered, or proposed with an offer already sent) are not re-planned: they take their beds and
/// household slots off their host, and fix the host's category (rule 7). Who may not be asked again tonight is
/// <see cref="NotAskedAgain"/>.
/// The reasons of those left without a place are decided against the hosts as they stand (<see cref="Reason"/>),
/// as the spec defines them.
/// </summary>
public sealed class NightFromDatabase
{
    /// <summary>Porte de la Chapelle, where the network's van leaves from, when no base is configured.</summary>
    public static readonly NightBase DefaultBase = new("Porte de la Chapelle", new GeoPoint(48.8986, 2.3592));

    private NightFromDatabase(NightFile night, NightFile asItStands, MatchingOptions options, IReadOnlyList<ShelterRequest> free,
        IReadOnlyDictionary<Guid, Household> households, IReadOnlyDictionary<Guid, Host> hosts, int kept)
    {
        Night = night;
        asItStandsNight = asItStands;
        Options = options;
        Free = free;
        Households = households;
        Hosts = hosts;
        Kept = kept;
    }

    /// <summary>Tonight for the engine: each host with what the kept placements leave of it.</summary>
    public NightFile Night { get; }

    public MatchingOptions Options { get; }

    /// <summary>Tonight with every host as it stands, every bed free: what the reasons are decided against.</summary>
    private readonly NightFile asItStandsNight;
    private MatchingProblem? asItStandsProblem;
    private Dictionary<string, int>? householdIndex;

    /// <summary>The requests this run may (re)place, tracked for update.</summary>
    public IReadOnlyList<ShelterRequest> Free { get; }

    public IReadOnlyDictionary<Guid, Household> Households { get; }
    public IReadOnlyDictionary<Guid, Host> Hosts { get; }

    /// <summary>Placements kept as they are.</summary>
    public int Kept { get; }

    public static async Task<NightFromDatabase> LoadAsync(IHostingMatchDb db, LocalDate night, TimeSpan? timeLimit, CancellationToken ct)
    {
        var requests = await db.Requests
            .Where(r => r.Night == night && r.Status != RequestStatus.Cancelled)
            .OrderBy(r => r.Id)
            .ToListAsync(ct);
        var householdIds = requests.Select(r => r.HouseholdId).ToList();
        var households = await db.Households.Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var hosts = await db.Hosts.AsNoTracking().OrderBy(h => h.Code).ToListAsync(ct);
        var offers = await db.Offers.AsNoTracking().Where(o => o.Night == night).ToListAsync(ct);
        var lastNight = await LastNightHostsAsync(db, night, householdIds, ct);
        var @base = await BaseAsync(db, ct);
        var load = await HostLoadAsync(db, night, ct);

        var kept = Agreed(requests, offers);
        var inStay = await InAgreedStayAsync(db, night, ct);
        var free = requests.Except(kept).Where(r => !inStay.Contains(r.HouseholdId)).ToList();
        hosts = await WithoutHostsBusyWithStaysAsync(db, night, hosts, kept, ct);

        var keptByHost = kept.Where(r => r.HostId is not null).ToLookup(r => r.HostId!.Value);
        var engineHosts = hosts.Select(h => ToEngine(h, night, keptByHost[h.Id].Select(r => households[r.HouseholdId]).ToList(), load)).ToList();
        var engineHouseholds = free.Select(r => ToEngine(households[r.HouseholdId], r, lastNight.GetValueOrDefault(r.HouseholdId), hosts)).ToList();

        var exclusions = await NotAskedAgainAsync(db, offers, free.Select(r => r.HouseholdId), ct);
        var nightFile = new NightFile(night, @base, MatchingRules.Default, engineHosts, engineHouseholds);
        var asItStands = nightFile with { Hosts = hosts.Select(h => ToEngine(h, night, [], load)).ToList() };
        return new NightFromDatabase(nightFile, asItStands, new MatchingOptions(timeLimit, exclusions), free, households,
            hosts.ToDictionary(h => h.Id), kept.Count);
    }

    /// <summary>
    /// The reason for a household the engine left without a place, decided against the hosts as they stand: the spec's
    /// <c>no-compatible-host</c> and <c>too-large</c> count every bed free, so a household that only the placements kept
    /// from earlier keep out (their beds taken, their host's category fixed) is <c>outranked</c>, not without a host.
    /// </summary>
    public (UnplacedReason Reason, string Detail) Reason(UnplacedHousehold left)
    {
        if (Kept == 0)
        {
            return (left.Reason, left.Detail);
        }

        asItStandsProblem ??= new MatchingProblem(asItStandsNight, Options);
        householdIndex ??= asItStandsNight.Households.Select((h, i) => (h.Id, i)).ToDictionary(x => x.Id, x => x.i);
        return UnplacedReasons.Explain(asItStandsProblem, householdIndex[left.HouseholdId], keptPlacements: true);
    }

    /// <summary>
    /// The hosts tonight's matching may use: not one holding an agreed stay of the stays programme that night (its beds
    /// are taken), nor one with a stays proposal or a weekly check-in awaiting their answer (an OUI or an OK must mean one
    /// thing: docs/stays.md, "One question at a time"); a host with a placement already agreed tonight stays, to keep it.
    /// </summary>
    internal static async Task<List<Host>> WithoutHostsBusyWithStaysAsync(IHostingMatchDb db, LocalDate night, List<Host> hosts,
        IEnumerable<ShelterRequest> agreed, CancellationToken ct)
    {
        var busy = await StaysQuestions.HostsAskedAsync(db, ct);
        busy.UnionWith(await db.Stays.AsNoTracking().AgreedOn(night).Select(s => s.HostId).ToListAsync(ct));
        busy.ExceptWith(agreed.Where(r => r.HostId is not null).Select(r => r.HostId!.Value));
        return busy.Count == 0 ? hosts : hosts.Where(h => !busy.Contains(h.Id)).ToList();
    }

    /// <summary>
    /// The households of the stays programme whose agreed stay (confirmed or ongoing) holds <paramref name="night"/>: they
    /// have a bed that night, so the one-night matching never places them (docs/stays.md, "Between the programmes").
    /// </summary>
    internal static async Task<HashSet<Guid>> InAgreedStayAsync(IHostingMatchDb db, LocalDate night, CancellationToken ct) =>
        (await (from s in db.Stays.AsNoTracking().AgreedOn(night)
                join g in db.StayGuests.AsNoTracking() on s.GuestId equals g.Id
                select g.HouseholdId).ToListAsync(ct)).ToHashSet();

    /// <summary>
    /// The household-host pairs not to be asked again tonight (sms.md §5), as the engines take them. The rule is the
    /// domain's (<see cref="NotAskedAgain"/>); it needs the SMS of the expired offers only.
    /// </summary>
    internal static async Task<HashSet<(string HouseholdId, string HostId)>> NotAskedAgainAsync(IHostingMatchDb db, IReadOnlyList<Offer> offers,
        IEnumerable<Guid> householdIds, CancellationToken ct)
    {
        var expired = offers.Where(o => o.Status == OfferStatus.Expired).Select(o => (Guid?)o.Id).ToList();
        var expiredSms = await db.OutboundSms.AsNoTracking().Where(m => expired.Contains(m.OfferId)).ToListAsync(ct);
        return NotAskedAgain.Pairs(offers, expiredSms, householdIds).Select(p => (p.HouseholdId.ToString(), p.HostId.ToString())).ToHashSet();
    }

    /// <summary>
    /// The requests whose placement is agreed and kept as it is: confirmed, delivered, or proposed with its offer out and
    /// awaiting the host's answer. The matching and the night plan both keep exactly these.
    /// </summary>
    internal static List<ShelterRequest> Agreed(IEnumerable<ShelterRequest> requests, IEnumerable<Offer> offers)
    {
        var sentAndOpen = offers.Where(o => o.Status == OfferStatus.Open).Select(o => o.RequestId).ToHashSet();
        return requests.Where(r => r.HostId is not null && (r.Status is RequestStatus.Confirmed or RequestStatus.Delivered
                                                            || (r.Status == RequestStatus.Proposed && sentAndOpen.Contains(r.Id)))).ToList();
    }

    /// <summary>Where each of these households slept last night (a confirmed or delivered placement), for continuity (matching.md level 5).</summary>
    internal static Task<Dictionary<Guid, Guid?>> LastNightHostsAsync(IHostingMatchDb db, LocalDate night, IReadOnlyList<Guid> householdIds, CancellationToken ct) =>
        db.Requests.AsNoTracking()
            .Where(r => r.Night == night.PlusDays(-1) && householdIds.Contains(r.HouseholdId)
                        && (r.Status == RequestStatus.Confirmed || r.Status == RequestStatus.Delivered))
            .ToDictionaryAsync(r => r.HouseholdId, r => r.HostId, ct);

    /// <summary>The household as the engine sees it, with last night's host when it is still a host (continuity, matching.md level 5).</summary>
    internal static NightHousehold ToEngine(Household h, ShelterRequest r, Guid? lastHost, IReadOnlyList<Host> hosts) =>
        new(h.Id.ToString(), h.Members, h.Vulnerable, h.NeedsWheelchairAccess, r.NightsWithoutShelter,
            lastHost is { } last && hosts.Any(x => x.Id == last) ? last.ToString() : null);

    /// <summary>Where tonight's van leaves from: the first base configured, else <see cref="DefaultBase"/>.</summary>
    internal static async Task<NightBase> BaseAsync(IHostingMatchDb db, CancellationToken ct)
    {
        var @base = await db.Bases.AsNoTracking().OrderBy(b => b.Name).FirstOrDefaultAsync(ct);
        return @base is null ? DefaultBase : new NightBase(@base.Name, @base.Location);
    }

    /// <summary>
    /// Per host, the distinct nights it took people in (a confirmed or delivered request) before <paramref name="night"/>:
    /// in the night's calendar month, and in the 30 nights before it (host load, docs/matching.md). Hosts with none are absent.
    /// </summary>
    internal static async Task<IReadOnlyDictionary<Guid, HostLoad>> HostLoadAsync(IHostingMatchDb db, LocalDate night, CancellationToken ct)
    {
        var monthStart = night.With(DateAdjusters.StartOfMonth);
        var last30 = night.PlusDays(-30);
        var from = monthStart < last30 ? monthStart : last30;
        var hosted = await db.Requests.AsNoTracking().HostedBetween(from, night)
            .Select(r => new { HostId = r.HostId!.Value, r.Night })
            .Distinct()
            .ToListAsync(ct);
        return hosted.GroupBy(x => x.HostId).ToDictionary(
            g => g.Key,
            g => new HostLoad(g.Count(x => x.Night >= monthStart), g.Count(x => x.Night >= last30)));
    }

    /// <summary>A host's nights before tonight: in tonight's calendar month, and in the 30 nights before tonight.</summary>
    internal sealed record HostLoad(int ThisMonth, int Last30);

    /// <summary>
    /// The host as the engine sees it tonight. Households kept at the host take their beds and slots off it and
    /// narrow what it accepts to their category; with none kept, this is the host as it stands. With
    /// <paramref name="load"/>, its monthly limit and recent nights; a host with households kept tonight is used tonight
    /// whatever the matching does, so its recent nights cost the plan nothing more (level 6 counts each host used once).
    /// </summary>
    internal static NightHost ToEngine(Host host, LocalDate night, IReadOnlyList<Household> keptHere,
        IReadOnlyDictionary<Guid, HostLoad>? load = null)
    {
        var accepts = host.Accepts.ToHashSet();
        if (keptHere.Count > 0)
        {
            // Rule 7: whoever joins must share the category of those already there.
            accepts.IntersectWith(keptHere.Select(h => h.Category));
        }

        var hosted = load?.GetValueOrDefault(host.Id) ?? new HostLoad(0, 0);
        var beds = Math.Max(0, host.Beds - keptHere.Sum(h => h.People));
        var slots = host.MaxHouseholds - keptHere.Count;
        return new NightHost(host.Id.ToString(), host.Location, beds, Math.Max(1, slots), accepts, host.MinorsCertified,
            host.WheelchairAccessible, host.IsAvailableOn(night) && slots > 0, host.Agreement.ValidFrom, host.Agreement.ValidUntil, host.CertifiedUntil,
            host.MaxNightsPerMonth, hosted.ThisMonth, keptHere.Count > 0 ? 0 : hosted.Last30);
    }
}
