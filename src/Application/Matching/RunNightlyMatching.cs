using HostingMatch.Application.Pipeline;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Requests;
using Mediator;
using NodaTime;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.Application.Matching;

/// <summary>
/// Runs the engine on tonight's requests and hosts and stores the proposals. A rerun replaces proposals
/// whose offer has not gone out yet; it never touches confirmed or delivered placements, nor proposals
/// whose SMS was sent. One run per night at a time: a run waits up to <see cref="Patience"/> for one under way (a
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

public sealed record ProposalResponse(Guid RequestId, string Alias, int People, int Tier, Guid HostId, string HostCode,
    string HostName, int TravelMinutes);

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
}
