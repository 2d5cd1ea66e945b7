using HostingMatch.Application.Pipeline;
using System.Text.Json.Serialization;
using FluentValidation;
using HostingMatch.Application.Validation;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Referrals;
using HostingMatch.Domain.Requests;
using Mediator;
using NodaTime;

namespace HostingMatch.Application.Requests;

/// <summary>
/// A household registered for <paramref name="Night"/>: by a coordinator, or referred by a partner organisation
/// (<paramref name="ReferredBy"/>, with the <paramref name="Referrer"/> to call about it).
/// </summary>
public sealed record RegisterRequest(
    LocalDate Night,
    string? Alias,
    IReadOnlyList<MemberInput>? Members,
    bool Vulnerable = false,
    bool NeedsWheelchairAccess = false,
    IReadOnlyList<string>? Languages = null,
    int NightsWithoutShelter = 0,
    string? Notes = null,
    Guid? ReferredBy = null,
    ReferrerInput? Referrer = null) : ICommand<RequestResponse>, IHouseholdFields, ITransactional, IAudited;

/// <summary>The worker who refers a household: whom the coordinators call. Phone in E.164. Unknown fields are refused.</summary>
[JsonUnmappedMemberHandling(JsonUnmappedMemberHandling.Disallow)]
public sealed record ReferrerInput(string? Name, string? Phone);

/// <summary>The fields that describe a household, whoever types them, so they are checked by one set of rules.</summary>
public interface IHouseholdFields
{
    string? Alias { get; }
    IReadOnlyList<MemberInput>? Members { get; }
    IReadOnlyList<string>? Languages { get; }
    string? Notes { get; }
}

/// <summary>The shape of a household: alias, 1 to 20 members, at most 10 short languages, notes of bounded length.</summary>
public sealed class HouseholdFieldsValidator<T> : AbstractValidator<T> where T : IHouseholdFields
{
    public HouseholdFieldsValidator()
    {
        RuleFor(r => r.Alias).NotEmpty().MaximumLength(Household.MaxAliasLength).OneLine();
        RuleFor(r => r.Members).NotEmpty().Must(m => m is null || m.Count <= Household.MaxMembers)
            .WithMessage($"must have at most {Household.MaxMembers} members");
        RuleForEach(r => r.Members).NotNull().SetValidator(new MemberInputValidator());
        RuleFor(r => r.Languages).Must(l => l is null || l.Count <= 10).WithMessage("must have at most 10 languages");
        RuleForEach(r => r.Languages).NotEmpty().MaximumLength(12);
        RuleFor(r => r.Notes).MaximumLength(Household.MaxNotesLength);
    }
}

public sealed class ReferrerInputValidator : AbstractValidator<ReferrerInput>
{
    public ReferrerInputValidator()
    {
        RuleFor(r => r.Name).NotEmpty().MaximumLength(Referral.MaxReferrerNameLength).OneLine();
        RuleFor(r => r.Phone).NotEmpty().Must(Domain.Common.PhoneNumber.IsE164).WithMessage("must be written in E.164, e.g. +33612345678");
    }
}

public sealed class RegisterRequestValidator : AbstractValidator<RegisterRequest>
{
    public RegisterRequestValidator()
    {
        Include(new HouseholdFieldsValidator<RegisterRequest>());
        RuleFor(r => r.NightsWithoutShelter).InclusiveBetween(0, 3650);
        RuleFor(r => r.Referrer!).SetValidator(new ReferrerInputValidator()).When(r => r.Referrer is not null);
    }
}

public sealed class RegisterRequestHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<RegisterRequest, RequestResponse>
{
    public async ValueTask<RequestResponse> Handle(RegisterRequest command, CancellationToken cancellationToken)
    {
        var (request, household, _) = RequestRegistration.Add(db, command, clock.GetCurrentInstant());
        await db.SaveChangesAsync(cancellationToken);
        return RequestProjection.ToResponse(request, household);
    }
}

/// <summary>Creating a household, its request and (for a partner) its referral, shared by every way in; the caller saves.</summary>
internal static class RequestRegistration
{
    public static (ShelterRequest Request, Household Household, Referral? Referral) Add(IHostingMatchDb db, RegisterRequest command, Instant now)
    {
        var household = Household.Create(command.Alias!, command.Members!.Select(MemberInputValidator.ToMember),
            command.Vulnerable, command.NeedsWheelchairAccess, command.Languages ?? [], command.ReferredBy, now, command.Notes);
        var request = ShelterRequest.Create(household.Id, command.Night, command.NightsWithoutShelter, now);
        db.Households.Add(household);
        db.Requests.Add(request);
        Referral? referral = null;
        if (command is { ReferredBy: { } organisationId, Referrer: { } referrer })
        {
            referral = Referral.Create(request.Id, organisationId, referrer.Name!, referrer.Phone!, now);
            db.Referrals.Add(referral);
        }

        return (request, household, referral);
    }
}
