using HostingMatch.Application.Pipeline;
using FluentValidation;
using HostingMatch.Domain.Access;
using HostingMatch.Domain.Organisations;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Access;

/// <summary>
/// Issues a key for an organisation given by id (admins, through the Api: null when unknown), or by name
/// (the command line: the organisation is created when new). The key's text is in the answer, and nowhere else.
/// </summary>
public sealed record IssueApiKey(Guid? OrganisationId, string? OrganisationName, string? Role, int? ExpiresInDays = null)
    : ICommand<IssuedApiKeyResponse?>, ITransactional, IAudited;

public sealed class IssueApiKeyValidator : AbstractValidator<IssueApiKey>
{
    public IssueApiKeyValidator()
    {
        RuleFor(c => c.Role).NotEmpty().Must(r => Roles.TryParse(r, out _)).WithMessage("must be partner, coordinator or admin");
        RuleFor(c => c.ExpiresInDays).InclusiveBetween(1, ApiKey.MaxExpiryDays);
        RuleFor(c => c.OrganisationName).MaximumLength(Organisation.MaxNameLength);
        RuleFor(c => c.OrganisationName).NotEmpty().When(c => c.OrganisationId is null)
            .WithMessage("an organisation is required (its id or its name)");
    }
}

public sealed class IssueApiKeyHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<IssueApiKey, IssuedApiKeyResponse?>
{
    public async ValueTask<IssuedApiKeyResponse?> Handle(IssueApiKey command, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var organisation = command.OrganisationId is { } id
            ? await db.Organisations.FirstOrDefaultAsync(o => o.Id == id, cancellationToken)
            : await FindOrCreateAsync(command.OrganisationName!.Trim(), now, cancellationToken);
        if (organisation is null)
        {
            return null;
        }

        Roles.TryParse(command.Role, out var role);
        var (key, text) = ApiKey.Issue(organisation.Id, role, now, command.ExpiresInDays);
        db.ApiKeys.Add(key);
        await db.SaveChangesAsync(cancellationToken);
        return new IssuedApiKeyResponse(key.Id, key.OrganisationId, key.Role.ToWire(), key.Prefix, key.CreatedAt, key.ExpiresAt, text);
    }

    private async Task<Organisation> FindOrCreateAsync(string name, Instant now, CancellationToken cancellationToken)
    {
        var organisation = await db.Organisations.FirstOrDefaultAsync(o => o.Name == name, cancellationToken);
        if (organisation is null)
        {
            organisation = Organisation.Create(name, now);
            db.Organisations.Add(organisation);
        }

        return organisation;
    }
}
