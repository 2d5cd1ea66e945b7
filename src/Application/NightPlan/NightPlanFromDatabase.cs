using HostingMatch.Application.Matching;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.NightPlan.Engine;
using HostingMatch.Application.VanRuns.Planner;
using HostingMatch.Domain;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Requests;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using EngineVehicle = HostingMatch.Application.NightPlan.Engine.NightVehicle;

namespace HostingMatch.Application.NightPlan;

/// <summary>
/// Tonight for the night plan engine, read from the database: every household of the night (placements already agreed
/// kept as they are, when a way still reaches them), every host as it stands with its arrival window and whether it
/// fetches at the base, and tonight's transport: the vehicles registered for the night with their drivers' shifts (the
/// network's vans with the evening's default hours when none is registered), the escorts, the van-runs rules. Nothing
/// leaves the base before <c>now</c>.
/// </summary>
public sealed class NightPlanFromDatabase
{
    private NightPlanFromDatabase(NightPlanFile file, NightPlanOptions options, IReadOnlyDictionary<Guid, ShelterRequest> requests,
        IReadOnlyDictionary<Guid, Household> households, IReadOnlyDictionary<Guid, Host> hosts, IReadOnlyDictionary<string, string> vehicleLabels,
        IReadOnlyList<ShelterRequest> agreedWithoutRide, IReadOnlyList<ShelterRequest> onTheirWay)
    {
        File = file;
        Options = options;
        Requests = requests;
        Households = households;
        Hosts = hosts;
        VehicleLabels = vehicleLabels;
        AgreedWithoutRide = agreedWithoutRide;
        OnTheirWay = onTheirWay;
    }

    public NightPlanFile File { get; }
    public NightPlanOptions Options { get; }

    /// <summary>The night's requests by household id.</summary>
    public IReadOnlyDictionary<Guid, ShelterRequest> Requests { get; }

    public IReadOnlyDictionary<Guid, Household> Households { get; }
    public IReadOnlyDictionary<Guid, Host> Hosts { get; }

    /// <summary>
    /// The label coordinators gave each vehicle, by the id the engine knows it by: the label itself (unique in the night),
    /// so that the engine's reasons and trips name the vehicles as the coordinators do.
    /// </summary>
    public IReadOnlyDictionary<string, string> VehicleLabels { get; }

    /// <summary>Placements already agreed (confirmed, delivered, or offered and awaiting the host's answer) that no way reaches tonight.</summary>
    public IReadOnlyList<ShelterRequest> AgreedWithoutRide { get; }

    /// <summary>
    /// Placements agreed whose household needs no ride from the plan: already delivered, sent by other means by the
    /// coordinators, gone with its fetching host or its escort (the time to leave the base has passed), or on a trip that
    /// has left with a vehicle since withdrawn. They are not planned again; their beds stay taken, their escorts counted.
    /// </summary>
    public IReadOnlyList<ShelterRequest> OnTheirWay { get; }

    /// <remarks><c>only</c>: When given, only these requests are planned (the vehicles' plan of the confirmed households); the others are not in the night.</remarks>
    public static async Task<NightPlanFromDatabase> LoadAsync(IHostingMatchDb db, LocalDate night, Instant now, TimeSpan timeLimit, CancellationToken ct,
        Func<ShelterRequest, bool>? only = null)
    {
        var all = await db.Requests.AsNoTracking().Where(r => r.Night == night && r.Status != RequestStatus.Cancelled)
            .OrderBy(r => r.Id).ToListAsync(ct);
        var requests = all.Where(r => only is null || only(r)).ToList();
        var householdIds = all.Select(r => r.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var hosts = await db.Hosts.AsNoTracking().OrderBy(h => h.Code).ToListAsync(ct);
        var offers = await db.Offers.AsNoTracking().Where(o => o.Night == night).ToListAsync(ct);
        var lastNight = await NightFromDatabase.LastNightHostsAsync(db, night, householdIds, ct);
        var @base = await NightFromDatabase.BaseAsync(db, ct);

        var agreed = NightFromDatabase.Agreed(requests, offers);
        hosts = await NightFromDatabase.WithoutHostsBusyWithStaysAsync(db, night, hosts, agreed, ct);
        // A household in an agreed stay that night is never planned for one night (only a placement already agreed is kept).
        var inStay = await NightFromDatabase.InAgreedStayAsync(db, night, ct);
        requests = requests.Where(r => agreed.Contains(r) || !inStay.Contains(r.HouseholdId)).ToList();
        var exclusions = await NightFromDatabase.NotAskedAgainAsync(db, offers, requests.Except(agreed).Select(r => r.HouseholdId), ct);

        // The hosts' monthly limits (rule 1, docs/matching.md): a host with a placement agreed tonight has tonight counted
        // already, so it is never over its limit for tonight's other households, nor for the agreed one.
        var agreedHosts = agreed.Select(r => r.HostId!.Value).ToHashSet();
        var load = (await NightFromDatabase.HostLoadAsync(db, night, ct))
            .Where(l => !agreedHosts.Contains(l.Key)).ToDictionary(l => l.Key, l => l.Value);

        // The vehicles' trips that have left are kept as they are: their households are on board, the vehicle busy until back
        // (its shift, should it be over or shortened since, still holds them).
        var stored = await db.VanRunPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Night == night, ct);
        var left = VanRuns.StoredVanPlan.Departed(stored, now);
        var (transport, labels) = await TransportAsync(db, night, now, left, ct);
        var departed = left.Where(t => transport.Vehicles.Any(v => v.Id == t.VanId)).ToList();
        var onBoard = departed.SelectMany(t => t.Stops).SelectMany(s => s.HouseholdIds).ToHashSet(StringComparer.Ordinal);
        var withWithdrawnVehicle = left.Except(departed).SelectMany(t => t.Stops).SelectMany(s => s.HouseholdIds).ToHashSet(StringComparer.Ordinal);
        var onTheirWay = NightFromDatabase.Agreed(all, offers)
            .Where(r => !onBoard.Contains(r.HouseholdId.ToString()) && (withWithdrawnVehicle.Contains(r.HouseholdId.ToString()) || NeedsNoRide(r, now)))
            .ToList();
        requests = requests.Except(onTheirWay).ToList();
        agreed = agreed.Except(onTheirWay).ToList();
        var escortsGone = onTheirWay.Count(r => r.Ride?.Way == PlannedRideWay.PublicTransport);
        transport = transport with
        {
            PublicTransport = transport.PublicTransport with { Escorts = Math.Max(0, transport.PublicTransport.Escorts - escortsGone) },
        };
        var arrivals = hosts.ToDictionary(h => h.Id.ToString(),
            h => new HostArrival(h.ArrivalWindow.From, h.ArrivalWindow.Until, h.PicksUpAtBase), StringComparer.Ordinal);
        NightPlanFile FileOf(IEnumerable<ShelterRequest> planned) => new(
            new NightFile(night, @base, MatchingRules.Default, hosts.Select(h => NightFromDatabase.ToEngine(h, night, [], load)).ToList(),
                planned.Select(r => NightFromDatabase.ToEngine(households[r.HouseholdId], r, lastNight.GetValueOrDefault(r.HouseholdId), hosts)).ToList()),
            transport, arrivals);

        // An agreed placement the engine keeps must be reachable (a household on a trip that has left is: the trip is kept);
        // one that no way reaches tonight is said apart, and its household and beds are left out of the plan, so nobody
        // else is put in its place behind the coordinators' back. The beds of households on their way stay taken too.
        var pins = agreed.ToDictionary(r => r.HouseholdId.ToString(), r => r.HostId!.Value.ToString(), StringComparer.Ordinal);
        var unreachable = NightPlanner.Unreachable(FileOf(requests), pins.Where(p => !onBoard.Contains(p.Key)).ToDictionary());
        var withoutRide = agreed.Where(r => unreachable.Contains(r.HouseholdId.ToString())).ToList();
        var planned = requests.Except(withoutRide).ToList();
        var file = FileOf(planned);
        if (withoutRide.Count > 0 || onTheirWay.Count > 0)
        {
            var takenAt = withoutRide.Concat(onTheirWay).ToLookup(r => r.HostId!.Value);
            file = file with
            {
                Night = file.Night with
                {
                    Hosts = hosts.Select(h => NightFromDatabase.ToEngine(h, night, takenAt[h.Id].Select(r => households[r.HouseholdId]).ToList(), load)).ToList(),
                },
            };
        }

        // A trip that has left is given to the engine when every household on it is planned; one carrying a household no
        // longer in the night (cancelled since) is not, as before.
        var plannedIds = planned.Select(r => r.HouseholdId.ToString()).ToHashSet(StringComparer.Ordinal);
        departed = departed.Where(t => t.Stops.SelectMany(s => s.HouseholdIds).All(plannedIds.Contains)).ToList();
        var options = new NightPlanOptions(timeLimit, pins.Where(p => !unreachable.Contains(p.Key)).ToDictionary(), departed, exclusions);
        return new NightPlanFromDatabase(file, options, planned.ToDictionary(r => r.HouseholdId), households, hosts.ToDictionary(h => h.Id),
            labels, withoutRide, onTheirWay);
    }

    /// <summary>
    /// Whether an agreed household needs no ride from the plan any more: delivered, sent by other means, or gone from the
    /// base with its fetching host or its escort.
    /// </summary>
    private static bool NeedsNoRide(ShelterRequest request, Instant now) =>
        request.Status == RequestStatus.Delivered || request.Transport == RequestTransport.Other
        || request.Ride is { Way: not PlannedRideWay.Vehicle, LeaveBaseAt: { } leave } && leave <= now;

    /// <summary>
    /// The evening's transport: the night's registered vehicles, else the network's vans with the default hours; every
    /// shift starts no earlier than <paramref name="now"/> on the night's clock, once the evening has begun.
    /// </summary>
    /// <remarks>A vehicle with a trip that has left stays in the evening, its shift stretched to hold that trip's return
    /// (should it be over, or shortened since): the engine keeps the trip and numbers the next ones after it.</remarks>
    private static async Task<(NightTransport Transport, IReadOnlyDictionary<string, string> Labels)> TransportAsync(IHostingMatchDb db,
        LocalDate night, Instant now, IReadOnlyList<VanTrip> departed, CancellationToken ct)
    {
        var registered = await db.NightVehicles.AsNoTracking().Where(v => v.Night == night).OrderBy(v => v.Label).ToListAsync(ct);
        var escorts = await db.NightEscorts.AsNoTracking().CountAsync(e => e.Night == night, ct);
        var vehicles = registered.Count > 0
            ? registered.Select(v => (Id: v.Label, v.Label, v.Seats, From: v.AvailableFrom, Until: v.AvailableUntil)).ToList()
            : (await db.Vans.AsNoTracking().OrderBy(v => v.Name).ToListAsync(ct))
                .Select(v => (Id: v.Name, Label: v.Name, v.Seats, From: RunsFile.DefaultFirstDeparture, Until: DefaultVanBack)).ToList();

        var first = RunsFile.DefaultFirstDeparture;
        var evening = Night.At(night, first).ToInstant();
        var nowOnClock = now > evening && now < Night.At(night, DefaultVanBack).ToInstant()
            ? LocalTime.FromMinutesSinceMidnight((int)Math.Ceiling(now.InZone(Night.Zone).TimeOfDay.TickOfDay / (double)NodaConstants.TicksPerMinute) % (24 * 60))
            : (LocalTime?)null;
        LocalTime NotBeforeNow(LocalTime t) => nowOnClock is { } n && Night.EveningMinute(n) > Night.EveningMinute(t) ? n : t;

        var transport = new NightTransport(NotBeforeNow(first), RunsFile.DefaultLatestArrival, RunsFile.DefaultLoadingMinutes,
            RunsFile.DefaultStopMinutes, RunsRules.Default,
            vehicles.Select(v => Shift(v.Id, v.Seats, NotBeforeNow(v.From), v.Until)).OfType<EngineVehicle>().ToList(),
            new PublicTransportRules(Escorts: escorts));
        return (transport, vehicles.ToDictionary(v => v.Id, v => v.Label, StringComparer.Ordinal));

        EngineVehicle? Shift(string id, int seats, LocalTime from, LocalTime until)
        {
            var backs = departed.Where(t => t.VanId == id).Select(t => t.ReturnAt.TimeOfDay).ToList();
            if (backs.Count == 0)
            {
                return Night.EveningMinute(from) < Night.EveningMinute(until) ? new EngineVehicle(id, seats, from, until) : null;
            }

            var back = backs.MaxBy(Night.EveningMinute);
            until = Night.EveningMinute(back) > Night.EveningMinute(until) ? back : until;
            return new EngineVehicle(id, seats, Night.EveningMinute(from) < Night.EveningMinute(until) ? from : until, until);
        }
    }

    /// <summary>When the network's van is back at the base on an evening with no registered shift (transport.md's example).</summary>
    private static readonly LocalTime DefaultVanBack = new(0, 30);
}
