using FluentValidation;
using FluentValidation.Results;
using HostingMatch.Application.Hosts;
using HostingMatch.Application.Requests;
using HostingMatch.Application.Validation;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Stays;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Stays;

/// <summary>
/// A coordinator registers a guest of the stays programme: the household (as for one night) and its need, the nights
/// <c>[needFrom, needUntil)</c> (<c>needUntil</c> null: open-ended), the regions it may stay in (none: any), the partner
/// organisation that referred it, and where it waits now. With <paramref name="HouseholdId"/>, a household the one-night
/// programme already knows moves into the stays programme as itself (its alias, members, history and nights without
/// shelter): its household fields are then left out, and the between-programmes rules (docs/stays.md) apply to its
/// one-night requests as to any guest's.
/// </summary>
public sealed record RegisterGuest(
    string? Alias,
    IReadOnlyList<MemberInput>? Members,
    LocalDate? NeedFrom,
    LocalDate? NeedUntil = null,
    IReadOnlyList<string>? Regions = null,
    string? WaitingAt = null,
    double? Latitude = null,
    double? Longitude = null,
    bool Vulnerable = false,
    bool NeedsWheelchairAccess = false,
    IReadOnlyList<string>? Languages = null,
    Guid? ReferredBy = null,
    string? Notes = null,
    Guid? HouseholdId = null) : ICommand<GuestResponse>, IHouseholdFields, IGuestNeedFields;

/// <summary>The fields of a stays need, whoever types them (a coordinator, a partner), so they are checked by one set of rules.</summary>
public interface IGuestNeedFields
{
    LocalDate? NeedFrom { get; }
    LocalDate? NeedUntil { get; }
    IReadOnlyList<string>? Regions { get; }
}

/// <summary>The shape of a need: its first night, a morning of ending after it (or none), at most 10 region names.</summary>
public sealed class GuestNeedFieldsValidator<T> : AbstractValidator<T> where T : IGuestNeedFields
{
    public GuestNeedFieldsValidator()
    {
        RuleFor(g => g.NeedFrom).NotNull().WithinNetworkDates();
        RuleFor(g => g.NeedUntil).WithinNetworkDates();
        RuleFor(g => g.NeedUntil).GreaterThan(g => g.NeedFrom).When(g => g.NeedFrom is not null && g.NeedUntil is not null)
            .WithMessage("must be after needFrom (it is the morning the need ends)");
        RuleFor(g => g.Regions).Must(r => r is null || r.Count <= StayGuest.MaxRegions).WithMessage($"must list at most {StayGuest.MaxRegions} regions");
        RuleForEach(g => g.Regions).Must(Region.IsValid).WithMessage("must be a region's name (letters, digits, spaces or dashes), e.g. bretagne");
    }
}

public sealed class RegisterGuestValidator : AbstractValidator<RegisterGuest>
{
    public RegisterGuestValidator()
    {
        When(g => g.HouseholdId is null, () => Include(new HouseholdFieldsValidator<RegisterGuest>()));
        When(g => g.HouseholdId is not null, () =>
        {
            // The household keeps its own: a field typed again beside householdId would be silently dropped.
            const string KeptMessage = "must be left out with householdId: the household keeps its own";
            RuleFor(g => g.Alias).Null().WithMessage(KeptMessage);
            RuleFor(g => g.Members).Null().WithMessage(KeptMessage);
            RuleFor(g => g.Languages).Null().WithMessage(KeptMessage);
            RuleFor(g => g.Notes).Null().WithMessage(KeptMessage);
            RuleFor(g => g.ReferredBy).Null().WithMessage(KeptMessage);
            RuleFor(g => g.Vulnerable).Equal(false).WithMessage(KeptMessage);
            RuleFor(g => g.NeedsWheelchairAccess).Equal(false).WithMessage(KeptMessage);
        });
        Include(new GuestNeedFieldsValidator<RegisterGuest>());
        RuleFor(g => g.WaitingAt).NotEmpty().MaximumLength(StayGuest.MaxWaitingAtLength);
        RuleFor(g => g.Latitude).NotNull().InclusiveBetween(-90, 90);
        RuleFor(g => g.Longitude).NotNull().InclusiveBetween(-180, 180);
    }
}

public sealed class RegisterGuestHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<RegisterGuest, GuestResponse>
{
    public async ValueTask<GuestResponse> Handle(RegisterGuest command, CancellationToken cancellationToken)
    {
        if (command.ReferredBy is { } organisation && !await db.Organisations.AnyAsync(o => o.Id == organisation, cancellationToken))
        {
            throw new DomainException("organisation-unknown", $"No organisation has the id {organisation} (referredBy).");
        }

        var now = clock.GetCurrentInstant();
        Household household;
        if (command.HouseholdId is { } known)
        {
            household = await db.Households.AsNoTracking().FirstOrDefaultAsync(h => h.Id == known, cancellationToken)
                ?? throw new ValidationException([new ValidationFailure("householdId", $"no household has the id {known}")]);
            if (household.Alias == Retention.PurgePersonalDataHandler.Erased)
            {
                throw new ValidationException([new ValidationFailure("householdId",
                    "this household's details were erased (data retention): register the family with its alias and members")]);
            }

            if (await db.StayGuests.AsNoTracking().FirstOrDefaultAsync(g => g.HouseholdId == known, cancellationToken) is { } already)
            {
                throw new DomainException("guest-already-registered", already.HasExited
                    ? $"This household left the stays programme (guest {already.Id}) and cannot come back as itself yet: register the family with its alias and members."
                    : $"This household is already a guest of the stays programme (id {already.Id}); change its need there.");
            }
        }
        else
        {
            household = Household.Create(command.Alias!, command.Members!.Select(MemberInputValidator.ToMember), command.Vulnerable,
                command.NeedsWheelchairAccess, command.Languages ?? [], command.ReferredBy, now, command.Notes);
            db.Households.Add(household);
        }

        var guest = StayGuest.Create(household.Id, command.NeedFrom!.Value, command.NeedUntil, command.Regions ?? [], command.WaitingAt!,
            new(command.Latitude!.Value, command.Longitude!.Value), now);
        db.StayGuests.Add(guest);
        await db.SaveChangesAsync(cancellationToken);
        return guest.ToResponse(household);
    }
}
