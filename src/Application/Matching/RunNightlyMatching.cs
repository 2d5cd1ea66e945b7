using HostingMatch.Application.Pipeline;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Requests;
using HostingMatch.Application.Requests;
using Mediator;
using NodaTime;
using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.NightPlan;
using HostingMatch.Application.NightPlan.Engine;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.Application.Matching;

/// <summary>
/// Runs the engine on tonight's requests and hosts and stores the proposals. A rerun replaces proposals
/// whose offer has not gone out yet; it never touches confirmed or delivered placements, nor proposals
/// whose SMS was sent. A night whose transport is registered (vehicles, escorts) is matched by the night plan, so that
/// nobody is proposed to a host no ride reaches tonight (<c>no-ride</c>, transport.md). One run per night at a time: a run waits up to <see cref="Patience"/> for one under way (a
/// coordinator's, <see cref="IMatchingLock.CoordinatorPatience"/>, by default), then is refused with <c>matching-in-progress</c>.
/// </summary>
public sealed record RunNightlyMatching(LocalDate Night, TimeSpan? TimeLimit = null, TimeSpan? Patience = null)
    : ICommand<MatchingRunResponse>, ITransactional, IAudited;

/// <summary>What a run proposed, and for everyone left out, why.</summary>
public sealed record MatchingRunResponse(
    LocalDate Night,
    bool Optimal,
    double? Gap,
    IReadOnlyList<ProposalResponse> Proposals,
    IReadOnlyList<UnplacedResponse> Unplaced,
    int KeptPlacements,
    PlanSummary Summary);

/// <summary><paramref name="Ride"/>: how the household reaches the host, when tonight's transport is registered (the night plan decided).</summary>
public sealed record ProposalResponse(Guid RequestId, string Alias, int People, int Tier, Guid HostId, string HostCode,
    string HostName, int TravelMinutes, RideResponse? Ride = null);

public sealed record UnplacedResponse(Guid RequestId, string Alias, int People, int Tier, string Reason, string Detail);

public sealed class RunNightlyMatchingHandler(IHostingMatchDb db, IMatchingLock matchingLock, IClock clock)
    : ICommandHandler<RunNightlyMatching, MatchingRunResponse>
{
    /// <summary>A coordinator waits for the button; past this the best plan found is used and flagged not optimal.</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(10);

    public async ValueTask<MatchingRunResponse> Handle(RunNightlyMatching command, CancellationToken cancellationToken)
    {
        await using var held = await matchingLock.TryAcquireAsync(command.Night, command.Patience ?? IMatchingLock.CoordinatorPatience, cancellationToken)
            ?? throw new DomainException("matching-in-progress",
                $"A matching for the night of {command.Night:yyyy-MM-dd} is still running. Wait for it and look at its result.");

        // A night with its transport registered is matched by the night plan (transport.md): nobody is proposed to a host no
        // ride can reach tonight. Without it, the matching alone, as matching.md says.
        if (await db.NightVehicles.AnyAsync(v => v.Night == command.Night, cancellationToken)
            || await db.NightEscorts.AnyAsync(e => e.Night == command.Night, cancellationToken))
        {
            return await WithRidesAsync(command, cancellationToken);
        }

        var night = await NightFromDatabase.LoadAsync(db, command.Night, command.TimeLimit ?? DefaultTimeLimit, cancellationToken);
        var plan = MatchingEngine.Solve(night.Night, night.Options);
        var now = clock.GetCurrentInstant();
        var byHousehold = night.Free.ToDictionary(r => r.HouseholdId.ToString());

        var proposals = new List<ProposalResponse>();
        foreach (var placement in plan.Placements)
        {
            var request = byHousehold[placement.HouseholdId];
            var hostId = Guid.Parse(placement.HostId);
            request.ProposeTo(hostId, now);

            var host = night.Hosts[hostId];
            proposals.Add(new ProposalResponse(request.Id, night.Households[request.HouseholdId].Alias, placement.People, placement.Tier,
                hostId, host.Code, host.DisplayName, placement.TravelMinutes));
        }

        var unplaced = new List<UnplacedResponse>();
        foreach (var left in plan.Unplaced)
        {
            var request = byHousehold[left.HouseholdId];
            var (reason, detail) = night.Reason(left);
            request.LeaveUnplaced(reason, detail, now);
            var household = night.Households[request.HouseholdId];
            unplaced.Add(new UnplacedResponse(request.Id, household.Alias, household.People, left.Tier, reason.ToWire(), detail));
        }

        // One SaveChanges: the whole run's proposals commit together or not at all.
        await db.SaveChangesAsync(cancellationToken);
        return new MatchingRunResponse(command.Night, plan.Optimal, plan.Gap,
            proposals.OrderBy(p => p.Tier).ThenBy(p => p.Alias).ToList(),
            unplaced.OrderBy(u => u.Tier).ThenBy(u => u.Alias).ToList(),
            night.Kept, plan.Summary);
    }

    /// <summary>
    /// The night plan's placements, ride included, for the requests this run may place; placements already agreed are
    /// kept as they are (those no ride reaches too: the coordinators see them in the night plan). Every placement stores
    /// its ride (<see cref="ShelterRequest.Ride"/>), which the offer tells the host; an agreed placement the rides cannot
    /// bring tonight has none. Everyone left out gets the night plan's reason, <c>no-ride</c> among them.
    /// </summary>
    private async ValueTask<MatchingRunResponse> WithRidesAsync(RunNightlyMatching command, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var tonight = await NightPlanFromDatabase.LoadAsync(db, command.Night, now, command.TimeLimit ?? DefaultTimeLimit, cancellationToken);
        var plan = NightPlans.PlanOrRefuse(tonight.File, tonight.Options, command.Night);
        var agreed = tonight.Options.ConfirmedPlacements ?? new Dictionary<string, string>();
        var byHousehold = await db.Requests.Where(r => r.Night == command.Night && r.Status != RequestStatus.Cancelled)
            .ToDictionaryAsync(r => r.HouseholdId.ToString(), cancellationToken);

        var proposals = new List<ProposalResponse>();
        foreach (var placement in plan.Placements.Where(p => !agreed.ContainsKey(p.HouseholdId)))
        {
            var request = byHousehold[placement.HouseholdId];
            var host = tonight.Hosts[Guid.Parse(placement.HostId)];
            request.ProposeTo(host.Id, now);
            request.PlanRide(NightPlanRides.ToPlanned(placement, tonight.VehicleLabels), now);
            proposals.Add(new ProposalResponse(request.Id, tonight.Households[request.HouseholdId].Alias, placement.People, placement.Tier,
                host.Id, host.Code, host.DisplayName, placement.TravelMinutes, RideResponse.Of(request.Ride)));
        }

        // The agreed placements keep their host; their ride is the one tonight's plan gives them now.
        foreach (var placement in plan.Placements.Where(p => agreed.ContainsKey(p.HouseholdId)))
        {
            var request = byHousehold[placement.HouseholdId];
            if (request.Status is RequestStatus.Proposed or RequestStatus.Confirmed)
            {
                request.PlanRide(NightPlanRides.ToPlanned(placement, tonight.VehicleLabels), now);
            }
        }

        foreach (var pinned in plan.PinnedWithoutRide)
        {
            var request = byHousehold[pinned.HouseholdId];
            if (request.Status is RequestStatus.Proposed or RequestStatus.Confirmed)
            {
                request.PlanRide(null, now);
            }
        }

        var unplaced = new List<UnplacedResponse>();
        foreach (var left in plan.Unplaced.Where(u => !agreed.ContainsKey(u.HouseholdId)))
        {
            var request = byHousehold[left.HouseholdId];
            var reason = left.Reason switch
            {
                NightPlanReason.NoCompatibleHost => UnplacedReason.NoCompatibleHost,
                NightPlanReason.TooLarge => UnplacedReason.TooLarge,
                NightPlanReason.NoRide => UnplacedReason.NoRide,
                _ => UnplacedReason.Outranked,
            };
            request.LeaveUnplaced(reason, left.Detail, now);
            var household = tonight.Households[request.HouseholdId];
            unplaced.Add(new UnplacedResponse(request.Id, household.Alias, household.People, left.Tier, reason.ToWire(), left.Detail));
        }

        // One SaveChanges: the whole run's proposals commit together or not at all.
        await db.SaveChangesAsync(cancellationToken);
        var s = plan.Summary;
        return new MatchingRunResponse(command.Night, plan.Optimal, null,
            proposals.OrderBy(p => p.Tier).ThenBy(p => p.Alias).ToList(),
            unplaced.OrderBy(u => u.Tier).ThenBy(u => u.Alias).ToList(),
            agreed.Count + tonight.AgreedWithoutRide.Count + tonight.OnTheirWay.Count,
            new PlanSummary(s.PeoplePlaced, s.PeopleUnplaced, s.WaitingNightsPlaced, s.ContinuityPlacements, s.TravelMinutes, s.SolveMilliseconds));
    }
}
