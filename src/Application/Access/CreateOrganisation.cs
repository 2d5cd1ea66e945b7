using HostingMatch.Application.Pipeline;
using FluentValidation;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Access;

/// <summary>An admin adds an organisation (a partner NGO, or the network itself). Names are unique.</summary>
public sealed record CreateOrganisation(string? Name) : ICommand<OrganisationResponse>, ITransactional, IAudited;

public sealed class CreateOrganisationValidator : AbstractValidator<CreateOrganisation>
{
    public CreateOrganisationValidator() => RuleFor(c => c.Name).NotEmpty().MaximumLength(Organisation.MaxNameLength);
}

public sealed class CreateOrganisationHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<CreateOrganisation, OrganisationResponse>
{
    public async ValueTask<OrganisationResponse> Handle(CreateOrganisation command, CancellationToken cancellationToken)
    {
        var name = command.Name!.Trim();
        if (await db.Organisations.AnyAsync(o => o.Name == name, cancellationToken))
        {
            throw new DomainException("organisation-exists", $"An organisation named '{name}' already exists.");
        }

        var organisation = Organisation.Create(name, clock.GetCurrentInstant());
        db.Organisations.Add(organisation);
        await db.SaveChangesAsync(cancellationToken);
        return organisation.ToResponse();
    }
}
