using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.Application.VanRuns;

/// <summary>
/// A confirmation arrived or was cancelled: when the night's vans are already planned, plan again (trips that
/// left stay as they are). Before the coordinators first plan the vans, nothing happens. Returns the new plan, or null.
/// </summary>
public sealed record ReplanVanRuns(LocalDate Night) : ICommand<VanRunsResponse?>;

public sealed class ReplanVanRunsHandler(IHostingMatchDb db, IMediator mediator) : ICommandHandler<ReplanVanRuns, VanRunsResponse?>
{
    public async ValueTask<VanRunsResponse?> Handle(ReplanVanRuns command, CancellationToken cancellationToken) =>
        await db.VanRunPlans.AnyAsync(p => p.Night == command.Night, cancellationToken)
            ? await mediator.Send(new PlanVanRuns(command.Night), cancellationToken)
            : null;
}
