using FluentValidation;
using HostingMatch.Domain.Households;
using HostingMatch.Domain.Requests;
using Mediator;
using NodaTime;

namespace HostingMatch.Application.Requests;

/// <summary>A coordinator registers a household that needs a bed on <paramref name="Night"/>.</summary>
public sealed record RegisterRequest(
    LocalDate Night,
    string? Alias,
    IReadOnlyList<MemberInput>? Members,
    bool Vulnerable = false,
    bool NeedsWheelchairAccess = false,
    IReadOnlyList<string>? Languages = null,
    int NightsWithoutShelter = 0,
    string? Notes = null,
    Guid? ReferredBy = null) : ICommand<RequestResponse>;

public sealed class RegisterRequestValidator : AbstractValidator<RegisterRequest>
{
    public RegisterRequestValidator()
    {
        RuleFor(r => r.Alias).NotEmpty().MaximumLength(Household.MaxAliasLength);
        RuleFor(r => r.Members).NotEmpty().Must(m => m is null || m.Count <= Household.MaxMembers)
            .WithMessage($"must have at most {Household.MaxMembers} members");
        RuleForEach(r => r.Members).NotNull().SetValidator(new MemberInputValidator());
        RuleFor(r => r.NightsWithoutShelter).InclusiveBetween(0, 3650);
        RuleFor(r => r.Languages).Must(l => l is null || l.Count <= 10).WithMessage("must have at most 10 languages");
        RuleForEach(r => r.Languages).NotEmpty().MaximumLength(12);
        RuleFor(r => r.Notes).MaximumLength(Household.MaxNotesLength);
    }
}

public sealed class RegisterRequestHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<RegisterRequest, RequestResponse>
{
    public async ValueTask<RequestResponse> Handle(RegisterRequest command, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var household = Household.Create(command.Alias!, command.Members!.Select(MemberInputValidator.ToMember),
            command.Vulnerable, command.NeedsWheelchairAccess, command.Languages ?? [], command.ReferredBy, now, command.Notes);
        var request = ShelterRequest.Create(household.Id, command.Night, command.NightsWithoutShelter, now);
        db.Households.Add(household);
        db.Requests.Add(request);
        await db.SaveChangesAsync(cancellationToken);
        return RequestProjection.ToResponse(request, household);
    }
}
