using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.Application.Stays;

/// <summary>One guest of the stays programme with its household, or null.</summary>
public sealed record GetGuest(Guid Id) : IQuery<GuestResponse?>;

public sealed class GetGuestHandler(IHostingMatchDb db) : IQueryHandler<GetGuest, GuestResponse?>
{
    public async ValueTask<GuestResponse?> Handle(GetGuest query, CancellationToken cancellationToken)
    {
        var row = await (from g in db.StayGuests.AsNoTracking()
                         join h in db.Households.AsNoTracking() on g.HouseholdId equals h.Id
                         where g.Id == query.Id
                         select new { g, h }).FirstOrDefaultAsync(cancellationToken);
        return row?.g.ToResponse(row.h);
    }
}
