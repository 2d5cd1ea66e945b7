using HostingMatch.Application.Pipeline;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.Application.VanRuns;

/// <summary>The night's current van plan, or null when none was made.</summary>
public sealed record GetVanRuns(LocalDate Night) : IQuery<VanRunsResponse?>, IAudited;

public sealed class GetVanRunsHandler(IHostingMatchDb db, IClock clock) : IQueryHandler<GetVanRuns, VanRunsResponse?>
{
    public async ValueTask<VanRunsResponse?> Handle(GetVanRuns query, CancellationToken cancellationToken)
    {
        var stored = await db.VanRunPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Night == query.Night, cancellationToken);
        if (stored is null)
        {
            return null;
        }

        var plan = StoredVanPlan.From(stored);
        var hostIds = plan.Trips.SelectMany(t => t.Stops).Select(s => s.HostId).Concat(plan.Unserved.Select(u => u.HostId)).Select(Guid.Parse).ToHashSet();
        var householdIds = plan.Trips.SelectMany(t => t.Stops).SelectMany(s => s.HouseholdIds).Select(Guid.Parse).ToHashSet();
        var hosts = await db.Hosts.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        var households = await db.Households.AsNoTracking().Where(h => householdIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        return VanRunsViews.ToResponse(plan, stored.PlannedAt, clock.GetCurrentInstant(), hosts, households);
    }
}
