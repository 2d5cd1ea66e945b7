using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Requests;
using HostingMatch.Application.Matching;
using HostingMatch.Application.Nights;
using HostingMatch.Domain;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Transport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.VanRuns.Planner;
using HostingMatch.Application.NightPlan;
using HostingMatch.Application.NightPlan.Engine;

namespace HostingMatch.Application.VanRuns;

/// <summary>
/// Plans (or re-plans) the night's van runs from the confirmed placements: one stop per host, the host's arrival
/// window, the network's vans. A trip that has already left is never changed: its households stay on it, its van
/// is busy until it is back, and new trips are numbered after it. A trip counts as left once its boarding has
/// started (<c>loadingMinutes</c> before it drives off): the households are sitting in the van. Nothing leaves before now.
/// The summary covers the whole evening, trips that left included. A household whose transport the coordinators
/// arranged otherwise (<see cref="RequestTransport.Other"/>) is left out of the plan.
/// A night whose vehicles are registered (vans and volunteers' cars with their drivers' shifts) is planned by the night
/// plan instead (transport.md): every confirmed household gets its ride (a vehicle's trip, its host fetching it, or an
/// escort), stored on the request; the vehicles' trips are the plan's; a household no ride can bring is listed unserved.
/// </summary>
public sealed record PlanVanRuns(LocalDate Night) : ICommand<VanRunsResponse>, ITransactional, IAudited;

public sealed class PlanVanRunsHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<PlanVanRuns, VanRunsResponse>
{
    public async ValueTask<VanRunsResponse> Handle(PlanVanRuns command, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        // As the matching does: a night with tonight's transport registered (vehicles or escorts) is planned whole.
        if (await db.NightVehicles.AnyAsync(v => v.Night == command.Night, cancellationToken)
            || await db.NightEscorts.AnyAsync(e => e.Night == command.Night, cancellationToken))
        {
            return await WithNightPlanAsync(command.Night, now, cancellationToken);
        }

        var vans = await db.Vans.AsNoTracking().OrderBy(v => v.Name).ToListAsync(cancellationToken);
        if (vans.Count == 0)
        {
            throw new DomainException("no-van", "No van is configured: add the network's van before planning the runs.");
        }

        var stored = await db.VanRunPlans.FirstOrDefaultAsync(p => p.Night == command.Night, cancellationToken);
        var departed = StoredVanPlan.Departed(stored, now);
        var onBoard = departed.SelectMany(t => t.Stops).SelectMany(s => s.HouseholdIds).ToHashSet();

        var confirmed = await db.Requests.AsNoTracking().ConfirmedOn(command.Night).ToListAsync(cancellationToken);
        // Households the coordinators sent by other means (spec: "transport": "other") are in neither trips nor unserved.
        var waiting = confirmed.Where(r => !onBoard.Contains(r.HouseholdId.ToString()) && r.Transport == RequestTransport.Van).ToList();
        var householdIds = confirmed.Select(r => r.HouseholdId).ToList();
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        var hostIds = confirmed.Select(r => r.HostId!.Value).Concat(departed.SelectMany(t => t.Stops).Select(s => Guid.Parse(s.HostId))).ToHashSet();
        var hosts = await db.Hosts.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        var @base = await db.Bases.AsNoTracking().OrderBy(b => b.Name).FirstOrDefaultAsync(cancellationToken);
        var baseLocation = @base is null ? NightFromDatabase.DefaultBase : new NightBase(@base.Name, @base.Location);

        var stops = waiting.GroupBy(r => r.HostId!.Value).OrderBy(g => hosts[g.Key].Code).Select(g =>
        {
            var host = hosts[g.Key];
            return new RunStop(host.Id.ToString(), host.Location, host.ArrivalWindow.From, host.ArrivalWindow.Until,
                g.OrderBy(r => r.HouseholdId).Select(r => new RunHousehold(r.HouseholdId.ToString(), households[r.HouseholdId].People)).ToList());
        }).ToList();

        var input = new RunsFile(command.Night, Night.Zone.Id, new RunsBase(baseLocation.Name ?? "Base", baseLocation.Location), RunsRules.Default,
            vans.Select(v => new RunsVan(v.Name, v.Seats)).ToList(), RunsFile.DefaultFirstDeparture, RunsFile.DefaultLatestArrival,
            RunsFile.DefaultLoadingMinutes, RunsFile.DefaultStopMinutes, stops);
        var plan = VanPlanner.Plan(input, new VanPlannerOptions
        {
            VanAvailability = vans.ToDictionary(v => v.Name, v =>
            {
                var last = departed.Where(t => t.VanId == v.Name).MaxBy(t => t.Trip);
                var back = last?.ReturnAt.ToInstant() ?? input.At(input.FirstDeparture);
                // A van cannot leave in the past: re-planning at 21:10 plans from 21:10.
                return new VanAvailability(Instant.Max(back, now), departed.Count(t => t.VanId == v.Name));
            }),
        });

        var trips = departed.Concat(plan.Trips).OrderBy(t => t.VanId).ThenBy(t => t.Trip).ToList();
        var combined = plan with
        {
            Trips = trips,
            Summary = EveningModel.Summarize(input, trips, hostId => hosts[Guid.Parse(hostId)].Location, plan.Summary.SolveMilliseconds),
        };
        var typed = StoredVanPlan.ToStored(combined);
        if (stored is null)
        {
            db.VanRunPlans.Add(VanRunPlan.Create(command.Night, typed, now));
        }
        else
        {
            stored.Replace(typed, now, StoredVanPlan.Boarding);
        }

        // From now on, a confirmation or a cancellation re-plans the vans (SettleOffers reads it).
        (await db.TrackProgressOfAsync(command.Night, cancellationToken)).RecordVansPlanned(now);

        await db.SaveChangesAsync(cancellationToken);
        return VanRunsViews.ToResponse(combined, now, now, hosts, households);
    }

    /// <summary>When the night plan has had this long, the vehicles' plan is good enough to tell drivers and hosts (docs/benchmarks.md).</summary>
    public static readonly TimeSpan NightPlanTimeLimit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// The registered vehicles' trips, the fetching hosts and the escorts for the confirmed households, by the night plan
    /// with every confirmed placement kept and the trips that have left frozen.
    /// </summary>
    private async ValueTask<VanRunsResponse> WithNightPlanAsync(LocalDate night, Instant now, CancellationToken cancellationToken)
    {
        var stored = await db.VanRunPlans.FirstOrDefaultAsync(p => p.Night == night, cancellationToken);
        var departed = StoredVanPlan.Departed(stored, now);
        var onBoard = departed.SelectMany(t => t.Stops).SelectMany(s => s.HouseholdIds).ToHashSet();
        var vehicles = await db.NightVehicles.AsNoTracking().Where(v => v.Night == night).Select(v => v.Label).ToListAsync(cancellationToken);
        if (departed.FirstOrDefault(t => !vehicles.Contains(t.VanId)) is { } orphan)
        {
            throw new DomainException("departed-vehicle-withdrawn",
                $"Trip {orphan.Trip} of '{orphan.VanId}' has left, but that vehicle is no longer registered for the night: register it again to re-plan.");
        }

        var tonight = await NightPlanFromDatabase.LoadAsync(db, night, now, NightPlanTimeLimit, cancellationToken,
            r => onBoard.Contains(r.HouseholdId.ToString()) || (r.Status == RequestStatus.Confirmed && r.Transport == RequestTransport.Van));
        var plan = NightPlans.PlanOrRefuse(tonight.File, tonight.Options, night);

        var requests = await db.Requests.Where(r => r.Night == night && r.Status == RequestStatus.Confirmed).ToDictionaryAsync(r => r.HouseholdId.ToString(), cancellationToken);
        foreach (var placement in plan.Placements)
        {
            if (requests.TryGetValue(placement.HouseholdId, out var request))
            {
                request.PlanRide(NightPlanRides.ToPlanned(placement, tonight.VehicleLabels), now);
            }
        }

        var leftAt = plan.PinnedWithoutRide.Select(p => p.HouseholdId).Concat(tonight.AgreedWithoutRide.Select(r => r.HouseholdId.ToString()))
            .Where(requests.ContainsKey).Select(id => requests[id]).ToList();
        foreach (var request in leftAt)
        {
            request.PlanRide(null, now);
        }

        var unserved = leftAt.GroupBy(r => r.HostId!.Value).Select(g => new UnservedStop(g.Key.ToString(), UnservedReason.NoTime,
                $"No vehicle, escort or fetching host can bring {g.Count()} confirmed household(s) here tonight: add a vehicle, or arrange the journey and mark it as other transport."))
            .ToList();
        var hosts = tonight.Hosts.ToDictionary();
        var households = tonight.Households.ToDictionary();
        var input = new RunsFile(night, Night.Zone.Id, new RunsBase(tonight.File.Night.Base.Name ?? "Base", tonight.File.Night.Base.Location),
            tonight.File.Transport.Rules, tonight.File.Transport.Vehicles.Select(v => new RunsVan(v.Id, v.Seats)).ToList(),
            tonight.File.Transport.FirstDeparture, tonight.File.Transport.LatestArrival, tonight.File.Transport.LoadingMinutes,
            tonight.File.Transport.StopMinutes, []);
        var vanPlan = new VanPlan(night, plan.Trips, unserved,
            EveningModel.Summarize(input, plan.Trips, hostId => hosts[Guid.Parse(hostId)].Location, plan.Summary.SolveMilliseconds));
        var typed = StoredVanPlan.ToStored(vanPlan);
        if (stored is null)
        {
            db.VanRunPlans.Add(VanRunPlan.Create(night, typed, now));
        }
        else
        {
            stored.Replace(typed, now, StoredVanPlan.Boarding);
        }

        (await db.TrackProgressOfAsync(night, cancellationToken)).RecordVansPlanned(now);
        await db.SaveChangesAsync(cancellationToken);
        return VanRunsViews.ToResponse(vanPlan, now, now, hosts, households);
    }
}
