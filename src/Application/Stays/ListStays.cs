using FluentValidation;
using HostingMatch.Domain.Stays;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Stays;

/// <summary>
/// Stays, by guest then first night: of one guest, of one host, in one status, or holding the night
/// <paramref name="On"/>, as asked. Cancelled stays only when asked for by status.
/// </summary>
public sealed record ListStays(Guid? GuestId = null, Guid? HostId = null, string? Status = null, LocalDate? On = null)
    : IQuery<IReadOnlyList<StayResponse>>;

public sealed class ListStaysValidator : AbstractValidator<ListStays>
{
    public ListStaysValidator() => RuleFor(q => q.Status).Must(s => s is null || StayStatusNames.TryParse(s, out _))
        .WithMessage("must be proposed, confirmed, ongoing, ended or cancelled");
}

public sealed class ListStaysHandler(IHostingMatchDb db) : IQueryHandler<ListStays, IReadOnlyList<StayResponse>>
{
    public async ValueTask<IReadOnlyList<StayResponse>> Handle(ListStays query, CancellationToken cancellationToken)
    {
        var stays = db.Stays.AsNoTracking();
        if (query.GuestId is { } guestId)
        {
            stays = stays.Where(s => s.GuestId == guestId);
        }

        if (query.HostId is { } hostId)
        {
            stays = stays.Where(s => s.HostId == hostId);
        }

        if (query.Status is { } text && StayStatusNames.TryParse(text, out var status))
        {
            stays = stays.Where(s => s.Status == status);
        }
        else
        {
            stays = stays.Where(s => s.Status != StayStatus.Cancelled);
        }

        if (query.On is { } night)
        {
            stays = stays.Where(s => s.From <= night && night < s.Until);
        }

        var rows = await (from s in stays
                          join g in db.StayGuests.AsNoTracking() on s.GuestId equals g.Id
                          join h in db.Households.AsNoTracking() on g.HouseholdId equals h.Id
                          join k in db.Hosts.AsNoTracking() on s.HostId equals k.Id
                          select new { s, h.Alias, k }).ToListAsync(cancellationToken);
        return rows.Select(x => x.s.ToResponse(x.Alias, x.k))
            .OrderBy(s => s.GuestAlias, StringComparer.Ordinal).ThenBy(s => s.GuestId).ThenBy(s => s.From).ToList();
    }
}

/// <summary>Wire names of <see cref="StayStatus"/>: lower case.</summary>
public static class StayStatusNames
{
    public static bool TryParse(string? text, out StayStatus status)
    {
        status = default;
        return text is not null && text == text.ToLowerInvariant() && Enum.TryParse(text, ignoreCase: true, out status)
               && Enum.IsDefined(status);
    }
}
