using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Nights;
using FluentValidation;
using HostingMatch.Application.VanRuns;
using HostingMatch.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.Application.Requests;

/// <summary>
/// The coordinators decide how a household of the night gets to its host: <c>van</c> (the default) or <c>other</c> (the
/// host fetches them, public transport, a taxi: the van plan leaves it out, spec van-runs.md). When the night's vans are
/// already planned, they are planned again at once (trips that left stay as they are). Null when the night has no such
/// request.
/// </summary>
public sealed record ArrangeTransport(LocalDate Night, Guid RequestId, string? Transport) : ICommand<RequestResponse?>, ITransactional, IAudited;

public sealed class ArrangeTransportValidator : AbstractValidator<ArrangeTransport>
{
    public ArrangeTransportValidator() =>
        RuleFor(c => c.Transport).NotEmpty().Must(t => t is null or "" or "van" or "other").WithMessage("must be van or other");
}

public sealed class ArrangeTransportHandler(IHostingMatchDb db, IClock clock, ICommandHandler<PlanVanRuns, VanRunsResponse> vans) : ICommandHandler<ArrangeTransport, RequestResponse?>
{
    public async ValueTask<RequestResponse?> Handle(ArrangeTransport command, CancellationToken cancellationToken)
    {
        var request = await db.Requests.FirstOrDefaultAsync(r => r.Id == command.RequestId && r.Night == command.Night, cancellationToken);
        if (request is null)
        {
            return null;
        }

        var transport = command.Transport == "other" ? RequestTransport.Other : RequestTransport.Van;
        var changed = request.Transport != transport;
        request.TravelBy(transport, clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        // Once the vans are planned, a confirmed household that changes how it travels re-plans them (called directly: one use case,
        // one transaction, one audit entry); before the coordinators first plan the vans, nothing happens.
        if (changed && request.Status == RequestStatus.Confirmed && (await db.ProgressOfAsync(command.Night, cancellationToken)).VansPlanned)
        {
            await vans.Handle(new PlanVanRuns(command.Night), cancellationToken);
        }

        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == request.HouseholdId, cancellationToken);
        return RequestProjection.ToResponse(request, household);
    }
}
