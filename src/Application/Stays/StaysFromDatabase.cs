using HostingMatch.Application.Stays.Planner;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Stays;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using PlannerPeriod = HostingMatch.Application.Stays.Planner.StayPeriod;

namespace HostingMatch.Application.Stays;

/// <summary>
/// The stays programme as the planner sees it, read from the database for the horizon <c>[planFrom, planUntil)</c>
/// (docs/stays.md, "Planning from the database"):
/// <list type="bullet">
/// <item>Agreed stays (confirmed, ongoing) are first made to fit what changed: from <c>planFrom</c> on, a stay whose host
/// withdrew (availability, agreement, certificate, programme) or whose guest's need ended is cut at the first such
/// night, or cancelled if it had not begun. Nights before <c>planFrom</c> are never touched.</item>
/// <item>An agreed stay that began before <c>planFrom</c> and reaches it is the guest's current stay (contiguous agreed
/// stays at one host count as one, from the first one's first night).</item>
/// <item>An agreed stay that begins on or after <c>planFrom</c> stays as it is, and so does a proposal its host has and has
/// not answered yet (never withdrawn behind the host's back): its host is offered to nobody else during it, and the guest is
/// planned around it, before it and after it (after it as a continuation of it: staying on is no move).</item>
/// <item>Proposals not yet sent to their hosts in the horizon are replaced: cancelled, or cut at <c>planFrom</c> if they began before.</item>
/// <item>A host who declined a guest or let its proposal expire is never proposed to that guest again.</item>
/// </list>
/// With a region, only its hosts and the guests who may stay there are planned; a guest with an agreed stay outside the
/// region is left out of that region's plan.
/// </summary>
public sealed class StaysFromDatabase
{
    private StaysFromDatabase(StaysFile file, IReadOnlyDictionary<Guid, StayGuest> guests, IReadOnlyDictionary<Guid, Household> households,
        IReadOnlyDictionary<Guid, Host> hosts, IReadOnlyDictionary<Guid, Stay> currentStays)
    {
        File = file;
        Guests = guests;
        Households = households;
        Hosts = hosts;
        CurrentStays = currentStays;
    }

    /// <summary>The planner's input; host and guest ids are the database's GUIDs.</summary>
    public StaysFile File { get; }

    /// <summary>The guests planned, by id.</summary>
    public IReadOnlyDictionary<Guid, StayGuest> Guests { get; }

    /// <summary>Every guest's household, by household id.</summary>
    public IReadOnlyDictionary<Guid, Household> Households { get; }

    /// <summary>Every host, by id.</summary>
    public IReadOnlyDictionary<Guid, Host> Hosts { get; }

    /// <summary>The agreed stay each planned guest continues (the last of its contiguous rows), by guest id.</summary>
    public IReadOnlyDictionary<Guid, Stay> CurrentStays { get; }

    /// <summary>Reads the programme, making the tracked stays fit first (the caller saves).</summary>
    public static async Task<StaysFromDatabase> LoadAsync(IHostingMatchDb db, LocalDate planFrom, LocalDate planUntil, string? region,
        LocalDate today, Instant now, StaysRules rules, CancellationToken ct)
    {
        var hosts = await db.Hosts.AsNoTracking().OrderBy(h => h.Code).ToDictionaryAsync(h => h.Id, ct);
        var guests = await db.StayGuests.AsNoTracking().OrderBy(g => g.Id).ToListAsync(ct);
        var householdIds = guests.Select(g => g.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var stays = await db.Stays
            .Where(s => s.Until >= planFrom && (s.Status == StayStatus.Proposed || s.Status == StayStatus.Confirmed || s.Status == StayStatus.Ongoing))
            .OrderBy(s => s.From).ToListAsync(ct);
        var guestById = guests.ToDictionary(g => g.Id);
        bool InScope(Host host) => host.Programmes.HasFlag(HostProgrammes.Stays) && (region is null || host.Region == region);

        Fit(stays.Where(Holds), guestById, households, hosts, planFrom, today, now);

        var agreed = stays.Where(Holds).ToLookup(s => s.GuestId);
        var planned = guests
            .Where(g => g.NeedFrom < planUntil && (g.NeedUntil is not { } u || u > planFrom))
            .Where(g => region is null || g.MayStayIn(region))
            // A guest with an agreed stay in another region is that region's to plan.
            .Where(g => agreed[g.Id].All(s => s.Until <= planFrom || InScope(hosts[s.HostId])))
            .ToList();
        var plannedIds = planned.Select(g => g.Id).ToHashSet();

        var refused = (await db.Stays.AsNoTracking()
                .Where(s => s.Status == StayStatus.Cancelled && s.ClosedBecause != null && plannedIds.Contains(s.GuestId))
                .Select(s => new { s.GuestId, s.HostId }).ToListAsync(ct))
            .ToLookup(s => s.GuestId, s => s.HostId.ToString());

        foreach (var proposal in stays.Where(s => s.Status == StayStatus.Proposed && !s.IsAwaitingHost && plannedIds.Contains(s.GuestId) && s.Until > planFrom))
        {
            proposal.CutShort(planFrom, today, now);
        }

        var currentStays = new Dictionary<Guid, Stay>();
        var engineGuests = new List<StaysGuest>();
        var blocked = new List<Stay>();
        foreach (var guest in planned)
        {
            var mine = agreed[guest.Id].OrderBy(s => s.From).ToList();
            var current = mine.LastOrDefault(s => s.From < planFrom && s.Until >= planFrom);
            var engineCurrent = current is null ? null : AsCurrent(current, mine, hosts, InScope);
            if (engineCurrent is not null)
            {
                currentStays[guest.Id] = current!;
            }

            // The planner takes no fixed future stay: the guest is planned up to it, and again from its morning as one more
            // guest of the planner (GuestSegment) whose current stay it is; its host's nights are kept for it.
            var household = households[guest.HouseholdId];
            var fixedAhead = mine.Where(s => s.From >= planFrom).ToList();
            blocked.AddRange(fixedAhead);
            var segmentFrom = guest.NeedFrom > planFrom ? guest.NeedFrom : planFrom;
            for (var k = 0; k <= fixedAhead.Count; k++)
            {
                var segmentUntil = k < fixedAhead.Count ? Earlier(guest.NeedUntil, fixedAhead[k].From) : guest.NeedUntil;
                var segmentCurrent = k == 0 ? engineCurrent : AsCurrent(fixedAhead[k - 1], mine, hosts, InScope);
                if (segmentUntil is not { } end || end > segmentFrom)
                {
                    engineGuests.Add(new StaysGuest(GuestSegment.Id(guest.Id, k), household.Members, segmentFrom, guest.Location, segmentUntil,
                        guest.Regions, household.Vulnerable, household.NeedsWheelchairAccess, segmentCurrent, refused[guest.Id].ToHashSet()));
                }
                else if (k == 0 && current is not null)
                {
                    // No night to plan before its next fixed stay: its current stay still holds its host's beds.
                    blocked.Add(current);
                    currentStays.Remove(guest.Id);
                }

                if (k < fixedAhead.Count)
                {
                    segmentFrom = fixedAhead[k].Until > segmentFrom ? fixedAhead[k].Until : segmentFrom;
                }
            }
        }

        // Stays of guests not planned here (agreed, or proposed by another region's plan) still hold their hosts' beds.
        blocked.AddRange(stays.Where(s => s.IsActive && !plannedIds.Contains(s.GuestId) && s.Until > planFrom));
        var blockedByHost = blocked.ToLookup(s => s.HostId);
        var engineHosts = hosts.Values.Where(InScope)
            .Select(h => ToEngine(h, blockedByHost[h.Id].Select(s => NightPeriod.Create(s.From, s.Until)).ToList()))
            .ToList();

        var file = new StaysFile(planFrom, planUntil, rules, engineHosts, engineGuests);
        return new StaysFromDatabase(file, guestById, households, hosts, currentStays);
    }

    /// <summary>An agreed stay, or a proposal its host has not answered: a plan keeps it as it is.</summary>
    private static bool Holds(Stay stay) => stay.IsAgreed || stay.IsAwaitingHost;

    private static LocalDate? Earlier(LocalDate? a, LocalDate b) => a is { } x && x < b ? x : b;

    /// <summary>
    /// A held stay as the planner's current stay: the guest's current one, or a fixed stay ahead for the stretch that follows
    /// it; since the first night of its contiguous held rows at that host. Null for a host outside the plan's scope.
    /// </summary>
    private static CurrentStay? AsCurrent(Stay stay, List<Stay> mine, IReadOnlyDictionary<Guid, Host> hosts, Func<Host, bool> inScope)
    {
        if (!inScope(hosts[stay.HostId]))
        {
            return null;
        }

        var since = stay.From;
        while (mine.FirstOrDefault(s => s.HostId == stay.HostId && s.Until == since) is { } earlier)
        {
            since = earlier.From;
        }

        return new CurrentStay(stay.HostId.ToString(), since, stay.Until);
    }

    /// <summary>The host for the planner: its stays periods less the nights held by stays the planner is not told about.</summary>
    internal static StaysHost ToEngine(Host host, IReadOnlyList<NightPeriod> held) => new(
        host.Id.ToString(), host.Region, host.Location, host.Beds, host.Accepts.ToHashSet(), host.MinorsCertified,
        host.Agreement.ValidFrom, host.Agreement.ValidUntil, Without(host.StaysAvailable, held), host.MaxHouseholds,
        host.MaxNightsPerGuest, host.CertifiedUntil, host.WheelchairAccessible);

    private static List<PlannerPeriod> Without(IEnumerable<NightPeriod> available, IReadOnlyList<NightPeriod> held)
    {
        var result = new List<PlannerPeriod>();
        foreach (var period in available)
        {
            var pieces = new List<(LocalDate From, LocalDate Until)> { (period.From, period.Until) };
            foreach (var h in held)
            {
                pieces = pieces.SelectMany(p => p.Until <= h.From || h.Until <= p.From
                    ? [p]
                    : new[] { (p.From, h.From), (h.Until, p.Until) }.Where(x => x.Item1 < x.Item2)).ToList();
            }

            result.AddRange(pieces.Select(p => new PlannerPeriod(p.From, p.Until)));
        }

        return result;
    }

    /// <summary>
    /// Cuts each agreed stay at its first night from <paramref name="planFrom"/> on that is no longer allowed (its host
    /// withdrew, its guest's need ended): rules 3-5 of stays.md for that guest at that host.
    /// </summary>
    private static void Fit(IEnumerable<Stay> agreed, IReadOnlyDictionary<Guid, StayGuest> guests, IReadOnlyDictionary<Guid, Household> households,
        IReadOnlyDictionary<Guid, Host> hosts, LocalDate planFrom, LocalDate today, Instant now)
    {
        foreach (var stay in agreed.ToList())
        {
            var guest = guests[stay.GuestId];
            var household = households[guest.HouseholdId];
            var host = hosts[stay.HostId];
            for (var night = stay.From > planFrom ? stay.From : planFrom; night < stay.Until; night = night.PlusDays(1))
            {
                if (!StillAllowed(host, guest, household, night))
                {
                    if (stay.IsAwaitingHost)
                    {
                        // The host holds an SMS with these dates: never shortened behind their back. Withdrawn; a later OUI is
                        // thanked as too late.
                        stay.Cancel(now);
                    }
                    else
                    {
                        stay.CutShort(night, today, now);
                    }

                    break;
                }
            }
        }
    }

    /// <summary>The guest still needs the night and the host can still take it then (stays.md rules 3-5, bed count aside).</summary>
    internal static bool StillAllowed(Host host, StayGuest guest, Household household, LocalDate night) =>
        guest.NeedsOn(night)
        && host.CanHostStayOn(night)
        && host.Accepts.Contains(household.Category)
        && (household.Category != HouseholdCategory.Minor || host.IsCertifiedForMinorsOn(night))
        && (!household.NeedsWheelchairAccess || host.WheelchairAccessible)
        && guest.MayStayIn(host.Region)
        && household.People <= host.Beds;
}

/// <summary>
/// A guest with fixed future stays is given to the planner as one guest per stretch of nights between them: the first keeps
/// the guest's id, the k-th after a fixed stay is <c>"{id}/{k}"</c>.
/// </summary>
public static class GuestSegment
{
    public static string Id(Guid guestId, int segment) => segment == 0 ? guestId.ToString() : $"{guestId}/{segment}";

    /// <summary>The guest and the stretch a planner's guest id stands for.</summary>
    public static (Guid GuestId, int Segment) Parse(string id)
    {
        var slash = id.IndexOf('/', StringComparison.Ordinal);
        return slash < 0
            ? (Guid.Parse(id), 0)
            : (Guid.Parse(id[..slash]), int.Parse(id[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }
}
