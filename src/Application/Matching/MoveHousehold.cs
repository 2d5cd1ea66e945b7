using HostingMatch.Application.Pipeline;
using FluentValidation;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Placements;
using Mediator;
using NodaTime;

namespace HostingMatch.Application.Matching;

/// <summary>
/// A coordinator moves a household by hand to another host tonight: the request becomes proposed there, and the
/// offers go out as for any proposal. The host must pass every hard rule (<see cref="HostsForHousehold"/> says which
/// do). The check and the save happen under the night's matching lock, so a move and a matching run (or two moves)
/// never interleave; a run still under way after <see cref="IMatchingLock.CoordinatorPatience"/> gives
/// <c>matching-in-progress</c>. Null when the night has no such request or there is no such host.
/// </summary>
public sealed record MoveHousehold(LocalDate Night, Guid RequestId, Guid? HostId) : ICommand<ProposalResponse?>, ITransactional, IAudited;

public sealed class MoveHouseholdValidator : AbstractValidator<MoveHousehold>
{
    public MoveHouseholdValidator() => RuleFor(c => c.HostId).NotEmpty();
}

public sealed class MoveHouseholdHandler(IHostingMatchDb db, IMatchingLock matchingLock, IClock clock)
    : ICommandHandler<MoveHousehold, ProposalResponse?>
{
    /// <exception cref="DomainException">
    /// <c>matching-in-progress</c>; <c>request-cancelled</c>, <c>already-placed</c>, <c>offer-already-sent</c>; or the
    /// code of the first hard rule the host breaks (docs/matching.md, "Moving a household by hand").
    /// </exception>
    public async ValueTask<ProposalResponse?> Handle(MoveHousehold command, CancellationToken cancellationToken)
    {
        await using var held = await matchingLock.TryAcquireAsync(command.Night, IMatchingLock.CoordinatorPatience, cancellationToken)
            ?? throw new DomainException("matching-in-progress",
                $"A matching for the night of {command.Night:yyyy-MM-dd} is running. Wait for it, then move the household.");

        var placement = await HandPlacement.LoadAsync(db, command.Night, command.RequestId, track: true, cancellationToken);
        var host = placement?.Hosts.FirstOrDefault(h => h.Id == command.HostId);
        if (placement is null || host is null)
        {
            return null;
        }

        PlacementLifecycle.EnsureMovableByHand(placement.Request, placement.HouseholdOffers);
        var verdict = placement.Judge(host);
        if (!verdict.Allowed)
        {
            throw new DomainException(verdict.ReasonCode!, verdict.Reason!);
        }

        var request = placement.Request;
        request.ProposeTo(host.Id, clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        var household = placement.Household;
        return new ProposalResponse(request.Id, household.Alias, household.People, household.Tier, host.Id, host.Code,
            host.DisplayName, verdict.TravelMinutes);
    }
}
