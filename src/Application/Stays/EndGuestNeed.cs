using FluentValidation;
using HostingMatch.Domain;
using HostingMatch.Domain.Stays;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Stays;

/// <summary>
/// A guest's need ends on the morning of <paramref name="Until"/> (tomorrow when left out): a place with child welfare,
/// a court decision, a return home. Its stays are cut to end that morning (those not begun by then are cancelled); the
/// nights already spent are never touched. The next plan re-uses the beds it frees. Null when there is no such guest.
/// </summary>
public sealed record EndGuestNeed(Guid Id, LocalDate? Until = null) : ICommand<GuestResponse?>;

public sealed class EndGuestNeedValidator : AbstractValidator<EndGuestNeed>
{
    public EndGuestNeedValidator() => RuleFor(c => c.Id).NotEmpty();
}

public sealed class EndGuestNeedHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<EndGuestNeed, GuestResponse?>
{
    public async ValueTask<GuestResponse?> Handle(EndGuestNeed command, CancellationToken cancellationToken)
    {
        var guest = await db.StayGuests.FirstOrDefaultAsync(g => g.Id == command.Id, cancellationToken);
        if (guest is null)
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        var today = Night.Current(now);
        var until = command.Until ?? today.PlusDays(1);
        guest.EndNeed(until, today, now);
        var stays = await db.Stays
            .Where(s => s.GuestId == guest.Id && s.Until > until
                        && (s.Status == StayStatus.Proposed || s.Status == StayStatus.Confirmed || s.Status == StayStatus.Ongoing))
            .ToListAsync(cancellationToken);
        foreach (var stay in stays)
        {
            stay.CutShort(until, today, now);
        }

        await db.SaveChangesAsync(cancellationToken);
        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == guest.HouseholdId, cancellationToken);
        return guest.ToResponse(household);
    }
}
