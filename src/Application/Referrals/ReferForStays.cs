using System.Globalization;
using FluentValidation;
using HostingMatch.Application.Matching;
using HostingMatch.Application.Requests;
using HostingMatch.Application.Stays;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Stays;
using Mediator;
using NodaTime;

namespace HostingMatch.Application.Referrals;

/// <summary>
/// A partner organisation refers a guest for the stays programme: the household (as for one night) and its need, the
/// nights <c>[needFrom, needUntil)</c> (<c>needUntil</c> null: open-ended) and the regions it may stay in (none: any),
/// and where it waits now (the base when left out). The guest is the partner's (its household's <c>ReferredBy</c>), which
/// it then follows with <see cref="GetStaysReferral"/>. With an <paramref name="IdempotencyKey"/>, a retry of the same
/// request answers the first result and creates nothing, as for a night's referral (<see cref="IdempotencyKeys"/>).
/// </summary>
public sealed record ReferForStays(
    Guid OrganisationId,
    string? IdempotencyKey,
    string? Alias,
    IReadOnlyList<MemberInput>? Members,
    LocalDate? NeedFrom,
    LocalDate? NeedUntil,
    IReadOnlyList<string>? Regions,
    string? WaitingAt,
    double? Latitude,
    double? Longitude,
    bool? Vulnerable,
    bool? NeedsWheelchairAccess,
    IReadOnlyList<string>? Languages,
    string? Notes) : ICommand<CreatedStaysReferral>, IHouseholdFields, IGuestNeedFields;

/// <summary>The guest as its partner sees it, and whether this answers a retry (<c>Replayed</c>: nothing was created).</summary>
public sealed record CreatedStaysReferral(StaysReferralResponse Referral, bool Replayed);

public sealed class ReferForStaysValidator : AbstractValidator<ReferForStays>
{
    public ReferForStaysValidator()
    {
        Include(new HouseholdFieldsValidator<ReferForStays>());
        Include(new GuestNeedFieldsValidator<ReferForStays>());
        RuleFor(c => c.WaitingAt).NotEmpty().MaximumLength(StayGuest.MaxWaitingAtLength).When(c => c.WaitingAt is not null);
        RuleFor(c => c.Latitude).NotNull().When(c => c.Longitude is not null).WithMessage("must be given with longitude")
            .InclusiveBetween(-90, 90);
        RuleFor(c => c.Longitude).NotNull().When(c => c.Latitude is not null).WithMessage("must be given with latitude")
            .InclusiveBetween(-180, 180);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

public sealed class ReferForStaysHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<ReferForStays, CreatedStaysReferral>
{
    public async ValueTask<CreatedStaysReferral> Handle(ReferForStays command, CancellationToken cancellationToken)
    {
        var hash = RequestHash(command);
        var now = clock.GetCurrentInstant();
        if (command.IdempotencyKey is { } key && await IdempotencyKeys.FindAsync(db, command.OrganisationId, key, now, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(command.OrganisationId, IdempotencyKeys.ResourceOf(earlier, hash), now, cancellationToken);
        }

        var @base = await NightFromDatabase.BaseAsync(db, cancellationToken);
        var household = Household.Create(command.Alias!, command.Members!.Select(MemberInputValidator.ToMember), command.Vulnerable ?? false,
            command.NeedsWheelchairAccess ?? false, command.Languages ?? [], command.OrganisationId, now, command.Notes);
        var guest = StayGuest.Create(household.Id, command.NeedFrom!.Value, command.NeedUntil, command.Regions ?? [],
            command.WaitingAt ?? @base.Name ?? NightFromDatabase.DefaultBase.Name!,
            command.Latitude is { } latitude && command.Longitude is { } longitude ? new(latitude, longitude) : @base.Location, now,
            referredByPartner: true, locationGiven: command.Latitude is not null && command.Longitude is not null);
        db.Households.Add(household);
        db.StayGuests.Add(guest);
        await IdempotencyKeys.RememberAsync(db, command.OrganisationId, command.IdempotencyKey, hash, guest.Id, now, cancellationToken);
        if (await IdempotencyKeys.SaveOrFindWinnerAsync(db, command.OrganisationId, command.IdempotencyKey, now, cancellationToken) is { } winner)
        {
            return await ReplayAsync(command.OrganisationId, IdempotencyKeys.ResourceOf(winner, hash), now, cancellationToken);
        }

        return new CreatedStaysReferral(await StaysReferralReads.StatusAsync(db, guest, household, now, cancellationToken), Replayed: false);
    }

    private async Task<CreatedStaysReferral> ReplayAsync(Guid organisationId, Guid guestId, Instant now, CancellationToken cancellationToken)
    {
        var referral = await StaysReferralReads.GetAsync(db, organisationId, guestId, now, cancellationToken)
                       ?? throw new InvalidOperationException($"An Idempotency-Key points to the guest {guestId}, which is missing.");
        return new CreatedStaysReferral(referral, Replayed: true);
    }

    /// <summary>The request's content; <c>programme</c> keeps it apart from a night's referral under the same key.</summary>
    private static string RequestHash(ReferForStays c) =>
        IdempotencyKeys.Hash(new
        {
            programme = "stays",
            c.Alias,
            c.Members,
            needFrom = c.NeedFrom?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            needUntil = c.NeedUntil?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            c.Regions,
            c.WaitingAt,
            c.Latitude,
            c.Longitude,
            c.Vulnerable,
            c.NeedsWheelchairAccess,
            c.Languages,
            c.Notes,
        });
}
