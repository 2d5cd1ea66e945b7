using FluentValidation;
using HostingMatch.Domain.Stays;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Stays;

/// <summary>
/// The guests of the stays programme, highest priority first: those needing a bed on <paramref name="NeedsOn"/> when
/// given, those who may stay in <paramref name="Region"/> when given.
/// </summary>
public sealed record ListGuests(LocalDate? NeedsOn = null, string? Region = null) : IQuery<IReadOnlyList<GuestResponse>>;

public sealed class ListGuestsValidator : AbstractValidator<ListGuests>
{
    public ListGuestsValidator() => RuleFor(q => q.Region).Must(r => r is null || Region.IsValid(r)).WithMessage("must be a region's name, e.g. bretagne");
}

public sealed class ListGuestsHandler(IHostingMatchDb db) : IQueryHandler<ListGuests, IReadOnlyList<GuestResponse>>
{
    public async ValueTask<IReadOnlyList<GuestResponse>> Handle(ListGuests query, CancellationToken cancellationToken)
    {
        var rows = await (from g in db.StayGuests.AsNoTracking()
                          join h in db.Households.AsNoTracking() on g.HouseholdId equals h.Id
                          select new { g, h }).ToListAsync(cancellationToken);
        var region = query.Region is null ? null : Region.Normalize(query.Region);
        return rows
            .Where(x => query.NeedsOn is not { } night || x.g.NeedsOn(night))
            .Where(x => region is null || x.g.MayStayIn(region))
            .Select(x => x.g.ToResponse(x.h))
            .OrderBy(g => g.Tier).ThenBy(g => g.NeedFrom).ThenBy(g => g.Alias, StringComparer.Ordinal)
            .ToList();
    }
}
