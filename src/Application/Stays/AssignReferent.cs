using FluentValidation;
using HostingMatch.Application.Validation;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Stays;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Stays;

/// <summary>
/// Names the volunteer who follows a guest (its referent): the weekly check-ins that go wrong (APPEL, STOP, no answer)
/// alert them by SMS. Null when there is no such guest.
/// </summary>
public sealed record AssignReferent(Guid GuestId, string? Name, string? Phone) : ICommand<GuestResponse?>;

public sealed class AssignReferentValidator : AbstractValidator<AssignReferent>
{
    public AssignReferentValidator()
    {
        RuleFor(c => c.Name).NotEmpty().MaximumLength(StayGuest.MaxReferentNameLength).OneLine();
        RuleFor(c => c.Phone).NotEmpty().Must(PhoneNumber.IsE164).WithMessage("must be a phone number in E.164 form, e.g. +33612345678");
    }
}

public sealed class AssignReferentHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<AssignReferent, GuestResponse?>
{
    public async ValueTask<GuestResponse?> Handle(AssignReferent command, CancellationToken cancellationToken)
    {
        var guest = await db.StayGuests.FirstOrDefaultAsync(g => g.Id == command.GuestId, cancellationToken);
        if (guest is null)
        {
            return null;
        }

        guest.AssignReferent(command.Name!, command.Phone!, clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == guest.HouseholdId, cancellationToken);
        return guest.ToResponse(household);
    }
}
