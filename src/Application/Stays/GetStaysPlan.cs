using FluentValidation;
using HostingMatch.Domain.Stays;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.Application.Stays;

/// <summary>The latest stays plan (of one region when given, of any run otherwise), with each proposal's status now; null when none.</summary>
public sealed record GetStaysPlan(string? Region = null) : IQuery<StaysPlanResponse?>;

public sealed class GetStaysPlanValidator : AbstractValidator<GetStaysPlan>
{
    public GetStaysPlanValidator() => RuleFor(q => q.Region).Must(r => r is null || Region.IsValid(r)).WithMessage("must be a region's name, e.g. bretagne");
}

public sealed class GetStaysPlanHandler(IHostingMatchDb db) : IQueryHandler<GetStaysPlan, StaysPlanResponse?>
{
    public async ValueTask<StaysPlanResponse?> Handle(GetStaysPlan query, CancellationToken cancellationToken)
    {
        var plans = db.StaysPlans.AsNoTracking();
        if (query.Region is not null)
        {
            var region = Region.Normalize(query.Region);
            plans = plans.Where(p => p.Region == region);
        }

        var plan = await plans.LatestFirst().FirstOrDefaultAsync(cancellationToken);
        if (plan is null)
        {
            return null;
        }

        var guestIds = plan.Stays.Select(s => s.GuestId).Concat(plan.Uncovered.Select(u => u.GuestId)).Distinct().ToList();
        var aliases = await (from g in db.StayGuests.AsNoTracking()
                             join h in db.Households.AsNoTracking() on g.HouseholdId equals h.Id
                             where guestIds.Contains(g.Id)
                             select new { g.Id, h.Alias }).ToDictionaryAsync(x => x.Id, x => x.Alias, cancellationToken);
        var hostIds = plan.Stays.Select(s => s.HostId).Distinct().ToList();
        var codes = await db.Hosts.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Code, cancellationToken);
        var rows = await db.Stays.AsNoTracking().Where(s => s.PlanId == plan.Id).ToDictionaryAsync(s => s.Id, cancellationToken);
        return plan.ToResponse(aliases, codes, rows);
    }
}
