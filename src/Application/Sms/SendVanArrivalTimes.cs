using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Requests;
using System.Globalization;
using HostingMatch.Application.Nights;
using HostingMatch.Domain.Sms;
using HostingMatch.Domain.Transport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Sms;

/// <summary>
/// Tells each host on the night's van runs when the van arrives (spec sms.md, "Offers" 7), and each host who fetches
/// their guests when to be at the base, through the outbox.
/// A host already told a time within 10 minutes of the planned one is not told again (<see cref="VanRunPlan.TellArrival"/>);
/// a re-plan that moves their time further sends the new one.
/// On a night whose vehicles are registered, each volunteer driver also gets their trips (departures, stops with the
/// address, the host's first name and phone), and each escort the household they take by public transport, when to
/// leave the base and the address; again only when something moved by more than 10 minutes or changed.
/// Returns the codes of the hosts messaged; empty when the vans are not planned.
/// </summary>
public sealed record SendVanArrivalTimes(LocalDate Night) : ICommand<IReadOnlyList<string>>, ITransactional, IAudited;

public sealed class SendVanArrivalTimesHandler(IHostingMatchDb db, IClock clock, IOutboxNotifier outbox, VanRuns.IDriverSheetLinks links)
    : ICommandHandler<SendVanArrivalTimes, IReadOnlyList<string>>
{
    public async ValueTask<IReadOnlyList<string>> Handle(SendVanArrivalTimes command, CancellationToken cancellationToken)
    {
        var plan = await db.VanRunPlans.FirstOrDefaultAsync(p => p.Night == command.Night, cancellationToken);
        if (plan is null)
        {
            return [];
        }

        var stops = plan.Plan.Trips.SelectMany(t => t.Stops).ToList();
        var hostIds = stops.Select(s => s.HostId).Distinct().ToList();
        var hosts = await db.Hosts.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);

        var now = clock.GetCurrentInstant();
        var told = new List<string>();
        foreach (var stop in stops)
        {
            var host = hosts[stop.HostId];
            if (plan.TellArrival(host.Id, stop.ArriveAt.ToInstant())
                && TellHost(host, SmsTemplates.VanArrival(host.Language, host.DisplayName, stop.ArriveAt.TimeOfDay),
                    $"the van arrives around {stop.ArriveAt.TimeOfDay.ToString("HH:mm", CultureInfo.InvariantCulture)}", now))
            {
                told.Add(host.Code);
            }
        }

        // The night's confirmed households, read once: their rides say who fetches and who goes by public transport.
        var confirmed = await db.Requests.AsNoTracking().ConfirmedOn(plan.Night).ToListAsync(cancellationToken);
        told.AddRange(await TellFetchingHostsAsync(plan, confirmed, now, cancellationToken));
        var volunteers = await TellVolunteersAsync(plan, hosts, confirmed, now, cancellationToken);
        if (told.Count > 0 || volunteers > 0)
        {
            // From now on, a re-plan that moves a host's time tells them (SettleOffers reads it).
            (await db.TrackProgressOfAsync(command.Night, cancellationToken)).RecordVanTimesSent(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (told.Count > 0 || volunteers > 0)
        {
            outbox.MessagesQueued();
        }

        return told;
    }

    /// <summary>
    /// Hosts who fetch their guests at the base: when to be there, once, and again when a re-plan moves it by more than
    /// 10 minutes. Returns their codes.
    /// </summary>
    private async Task<List<string>> TellFetchingHostsAsync(VanRunPlan plan, List<Domain.Requests.ShelterRequest> confirmed, Instant now,
        CancellationToken ct)
    {
        var fetching = confirmed.Where(r => r.Ride is { Way: Domain.Requests.PlannedRideWay.HostFetches }).ToList();
        var ids = fetching.Select(r => r.HostId!.Value).ToList();
        var hosts = await db.Hosts.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var told = new List<string>();
        foreach (var request in fetching)
        {
            var host = hosts[request.HostId!.Value];
            var leave = Domain.Night.Clock(request.Ride!.LeaveBaseAt ?? request.Ride.ArriveAt);
            if (plan.TellArrival(Transport.ToldKeys.Of(host.Id, request.HouseholdId), request.Ride.LeaveBaseAt ?? request.Ride.ArriveAt)
                && TellHost(host, SmsTemplates.HostFetchTime(host.Language, host.DisplayName, leave),
                    $"to be at the base at {leave.ToString("HH:mm", CultureInfo.InvariantCulture)}", now))
            {
                told.Add(host.Code);
            }
        }

        return told;
    }

    /// <summary>
    /// Queues <paramref name="body"/> for the host, or, for a host who sent STOP, tells the coordinators instead (once per
    /// time: the plan records it as told; the van or the rendezvous still holds). True when an SMS was queued.
    /// </summary>
    private bool TellHost(Domain.Hosts.Host host, string body, string what, Instant now)
    {
        if (host.SmsOptedOutAt is not null)
        {
            db.Alerts.Add(CoordinatorAlert.Raise("van-time-not-sent",
                $"{host.DisplayName} ({host.Code}) sent STOP, so no SMS told them {what}: call them.", host.Id, now));
            return false;
        }

        db.OutboundSms.Add(OutboundSms.Create(host.Phone, body, SmsKind.VanArrival, host.Id, null, now));
        return true;
    }

    /// <summary>The drivers' trips and the escorts' journeys; returns how many SMS were queued.</summary>
    private async Task<int> TellVolunteersAsync(VanRunPlan plan, Dictionary<Guid, Domain.Hosts.Host> hosts, List<Domain.Requests.ShelterRequest> confirmed,
        Instant now, CancellationToken ct)
    {
        var queued = 0;
        var vehicles = await db.NightVehicles.AsNoTracking().Where(v => v.Night == plan.Night).ToListAsync(ct);
        foreach (var vehicle in vehicles)
        {
            var trips = plan.Plan.Trips.Where(t => t.VanId == vehicle.Label).OrderBy(t => t.Trip).ToList();
            // Every trip is checked (no short cut): the plan records each as told. A trip the driver was told of and the plan no
            // longer has (its households cancelled, or another vehicle takes them) is forgotten, and the driver told too: before,
            // a driver whose third trip was dropped heard nothing and drove it to a host expecting nobody.
            var changed = trips.Select(t => plan.TellArrival(Transport.ToldKeys.Of(vehicle.Id, t.Trip), t.DepartAt.ToInstant())).ToList();
            var numbers = trips.Select(t => t.Trip).ToHashSet();
            var dropped = Transport.ToldKeys.Trips(plan, vehicle.Id).Where(told => !numbers.Contains(told.Trip)).ToList();
            dropped.ForEach(told => plan.Forget(told.Key));
            if (!changed.Contains(true) && dropped.Count == 0)
            {
                continue;
            }

            var body = trips.Count == 0
                ? SmsTemplates.DriverNoTrips(vehicle.DriverFirstName, vehicle.Label)
                : SmsTemplates.DriverTrips(vehicle.DriverFirstName, vehicle.Label, trips.Select(t => new DriverTrip(t.Trip, t.DepartAt.TimeOfDay,
                    t.Stops.Select(s => new DriverStop(s.ArriveAt.TimeOfDay, hosts[s.HostId].Address, hosts[s.HostId].DisplayName, hosts[s.HostId].Phone, s.People))
                        .ToList())).ToList(), links.For(plan.Night, vehicle.Id));
            db.OutboundSms.Add(OutboundSms.Create(vehicle.DriverPhone, body, SmsKind.Ride, null, null, now));
            queued++;
        }

        // Each escort keeps the household they were told about; the others go, earliest first, to the escorts free (EscortPairing).
        var escorts = await db.NightEscorts.AsNoTracking().Where(e => e.Night == plan.Night).ToListAsync(ct);
        var journeys = await Transport.EscortPairing.JourneysAsync(db, escorts, confirmed, plan, ct);
        queued += await ReleaseEscortsAsync(plan, escorts, journeys, now, ct);
        foreach (var (escort, request, household, host) in journeys)
        {
            var ride = request.Ride!;
            var leave = Transport.EscortPairing.Leaves(ride);
            if (!plan.TellArrival(Transport.ToldKeys.Of(escort.Id, request.HouseholdId), leave))
            {
                continue;
            }

            db.OutboundSms.Add(OutboundSms.Create(escort.Phone, SmsTemplates.EscortJourney(escort.FirstName, household.Alias, household.People,
                Domain.Night.Clock(leave), Domain.Night.Clock(ride.ArriveAt), host.DisplayName, host.Address), SmsKind.Ride, null, null, now));
            queued++;
        }

        return queued;
    }

    /// <summary>
    /// Escorts told of a household they no longer take (it cancelled, or goes another way now) are told so, once, and the
    /// household forgotten; a household delivered is not a change. Returns how many SMS were queued.
    /// </summary>
    private async Task<int> ReleaseEscortsAsync(VanRunPlan plan, List<NightEscort> escorts, IReadOnlyList<Transport.EscortJourney> journeys, Instant now,
        CancellationToken ct)
    {
        var taking = journeys.Select(j => (j.Escort.Id, j.Request.HouseholdId)).ToHashSet();
        var released = new List<(NightEscort Escort, Guid Household, Guid Key)>();
        var night = await db.Requests.AsNoTracking().HouseholdsNotDeliveredOn(plan.Night).ToListAsync(ct);
        foreach (var escort in escorts)
        {
            released.AddRange(Transport.ToldKeys.Households(plan, escort.Id, night.Where(h => !taking.Contains((escort.Id, h))))
                .Select(h => (escort, h, Transport.ToldKeys.Of(escort.Id, h))));
        }

        var ids = released.Select(r => r.Household).ToList();
        var aliases = await db.Households.AsNoTracking().Where(h => ids.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Alias, ct);
        foreach (var (escort, household, key) in released)
        {
            plan.Forget(key);
            db.OutboundSms.Add(OutboundSms.Create(escort.Phone, SmsTemplates.EscortReleased(escort.FirstName, aliases[household]), SmsKind.Ride, null, null, now));
        }

        return released.Count;
    }
}
