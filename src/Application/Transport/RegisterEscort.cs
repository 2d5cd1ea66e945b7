using FluentValidation;
using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Validation;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Transport;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Transport;

/// <summary>
/// A coordinator registers a volunteer who takes one household of adults to its host by metro or bus tonight.
/// 409 <c>escort-already-registered</c> for the same phone twice in a night.
/// </summary>
public sealed record RegisterEscort(LocalDate Night, string? FirstName, string? Phone) : ICommand<EscortResponse>, ITransactional, IAudited;

public sealed class RegisterEscortValidator : AbstractValidator<RegisterEscort>
{
    public RegisterEscortValidator()
    {
        RuleFor(c => c.FirstName).NotEmpty().MaximumLength(NightEscort.MaxNameLength).OneLine();
        RuleFor(c => c.Phone).NotEmpty().Must(PhoneNumber.IsE164).WithMessage("must be a phone number in E.164 form, e.g. +33612345678");
    }
}

public sealed class RegisterEscortHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<RegisterEscort, EscortResponse>
{
    public async ValueTask<EscortResponse> Handle(RegisterEscort command, CancellationToken cancellationToken)
    {
        var escort = NightEscort.Create(command.Night, command.FirstName!, command.Phone!, clock.GetCurrentInstant());
        if (await db.NightEscorts.AnyAsync(e => e.Night == command.Night && e.Phone == escort.Phone, cancellationToken))
        {
            throw new DomainException("escort-already-registered",
                $"An escort with the phone {PhoneNumber.MaskNumbers(escort.Phone)} is already registered for the night of {command.Night:yyyy-MM-dd}.");
        }

        db.NightEscorts.Add(escort);
        await db.SaveChangesAsync(cancellationToken);
        return escort.ToResponse();
    }
}
