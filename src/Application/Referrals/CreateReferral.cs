using System.Globalization;
using FluentValidation;
using FluentValidation.Results;
using HostingMatch.Application.Requests;
using HostingMatch.Domain.Referrals;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace HostingMatch.Application.Referrals;

/// <summary>
/// A partner organisation refers a household for a night. With an <paramref name="IdempotencyKey"/>, a retry of the
/// same request answers the first result and creates nothing; the same key with a different request is refused.
/// Keys expire after <see cref="IdempotencyRecord.Lifetime"/>: then the same key is a new request.
/// </summary>
public sealed record CreateReferral(
    Guid OrganisationId,
    string? IdempotencyKey,
    LocalDate? Night,
    string? Alias,
    IReadOnlyList<MemberInput>? Members,
    bool? Vulnerable,
    bool? NeedsWheelchairAccess,
    IReadOnlyList<string>? Languages,
    ReferrerInput? Referrer,
    string? Notes) : ICommand<CreatedReferral>, IHouseholdFields;

/// <summary>The referral, and whether this answers a retry (<c>Replayed</c>: nothing was created).</summary>
public sealed record CreatedReferral(ReferralResponse Referral, bool Replayed);

/// <summary>The Idempotency-Key was first used for a different request.</summary>
public sealed class IdempotencyKeyReusedException()
    : Exception("This Idempotency-Key was already used with a different request. Use a new key for a new referral.");

/// <summary>
/// The referral's shape. Its night against the clock is checked by the handler (<see cref="ReferralNight"/>), after the
/// Idempotency-Key: a retry of yesterday's referral is a replay, even once that night has closed.
/// </summary>
public sealed class CreateReferralValidator : AbstractValidator<CreateReferral>
{
    public CreateReferralValidator()
    {
        Include(new HouseholdFieldsValidator<CreateReferral>());
        RuleFor(c => c.Night).NotNull();
        RuleFor(c => c.Referrer).NotNull();
        RuleFor(c => c.Referrer!).SetValidator(new ReferrerInputValidator()).When(c => c.Referrer is not null);
        RuleFor(c => c.IdempotencyKey).ValidIdempotencyKey();
    }
}

/// <summary>Which nights a new referral may be for (<see cref="Referral.NightsOpen"/>).</summary>
internal static class ReferralNight
{
    /// <summary>
    /// A night out of range is a field error on <c>night</c> (400), like any other bad input. Thrown from the handler
    /// rather than the validator because the validator runs before the Idempotency-Key is looked up.
    /// </summary>
    /// <exception cref="ValidationException">When <paramref name="night"/> is not tonight or one of the next nights.</exception>
    public static void EnsureOpen(LocalDate night, Instant now)
    {
        var open = Referral.NightsOpen(now);
        if (!open.Contains(night))
        {
            throw new ValidationException([new ValidationFailure(nameof(CreateReferral.Night),
                $"must be tonight ({Iso(open.Start)}) or one of the next {Referral.MaxNightsAhead} nights, " +
                $"until {Iso(open.End)}; nights are in Paris and, before noon, tonight is still last evening's.")]);
        }
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}

public sealed class CreateReferralHandler(IHostingMatchDb db, IClock clock, IOptions<ReferralOptions> options) : ICommandHandler<CreateReferral, CreatedReferral>
{
    public async ValueTask<CreatedReferral> Handle(CreateReferral command, CancellationToken cancellationToken)
    {
        var hash = RequestHash(command);
        var now = clock.GetCurrentInstant();
        if (command.IdempotencyKey is { } key && await IdempotencyKeys.FindAsync(db, command.OrganisationId, key, now, cancellationToken) is { } earlier)
        {
            return await ReplayAsync(command.OrganisationId, earlier, hash, cancellationToken);
        }

        ReferralNight.EnsureOpen(command.Night!.Value, now);
        await EnsureUnderLimitAsync(command.OrganisationId, command.Night!.Value, cancellationToken);
        var (request, household, referral) = RequestRegistration.Add(db, new RegisterRequest(command.Night!.Value, command.Alias, command.Members,
            command.Vulnerable ?? false, command.NeedsWheelchairAccess ?? false, command.Languages, 0, command.Notes,
            command.OrganisationId, command.Referrer), now);
        await IdempotencyKeys.RememberAsync(db, command.OrganisationId, command.IdempotencyKey, hash, request.Id, now, cancellationToken);
        if (await IdempotencyKeys.SaveOrFindWinnerAsync(db, command.OrganisationId, command.IdempotencyKey, now, cancellationToken) is { } winner)
        {
            return await ReplayAsync(command.OrganisationId, winner, hash, cancellationToken);
        }

        return new CreatedReferral(ReferralReads.ToResponse(request, household, referral!, null), Replayed: false);
    }

    /// <summary>Refuses a referral over the organisation's limit for the night (<see cref="ReferralOptions.MaxPerOrganisationPerNight"/>).</summary>
    /// <exception cref="ReferralLimitReachedException">When the organisation has referred as many households as it may that night.</exception>
    private async Task EnsureUnderLimitAsync(Guid organisationId, LocalDate night, CancellationToken cancellationToken)
    {
        var limit = options.Value.MaxPerOrganisationPerNight;
        var referred = await (
            from referral in db.Referrals
            join request in db.Requests on referral.RequestId equals request.Id
            where referral.OrganisationId == organisationId && request.Night == night
            select referral.RequestId).CountAsync(cancellationToken);
        if (referred >= limit)
        {
            throw new ReferralLimitReachedException(limit, night);
        }
    }

    private async Task<CreatedReferral> ReplayAsync(Guid organisationId, IdempotencyRecord earlier, string hash, CancellationToken cancellationToken)
    {
        var referral = await ReferralReads.GetAsync(db, organisationId, IdempotencyKeys.ResourceOf(earlier, hash), cancellationToken)
                       ?? throw new InvalidOperationException($"Idempotency record {earlier.Id} points to a missing referral.");
        return new CreatedReferral(referral, Replayed: true);
    }

    /// <summary>The request's content, canonically serialised then hashed: the same fields give the same hash whatever the spacing.</summary>
    private static string RequestHash(CreateReferral c) =>
        IdempotencyKeys.Hash(new
        {
            night = c.Night?.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture),
            c.Alias,
            c.Members,
            c.Vulnerable,
            c.NeedsWheelchairAccess,
            c.Languages,
            c.Referrer,
            c.Notes,
        });
}
