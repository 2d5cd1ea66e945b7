using HostingMatch.Application.Pipeline;
using FluentValidation;
using HostingMatch.Application.Validation;
using HostingMatch.Domain.Common;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Hosts;

/// <summary>A coordinator adds a host who signed an agreement.</summary>
public sealed record CreateHost(HostInput Host) : ICommand<HostResponse>, ITransactional, IAudited;

public sealed class CreateHostValidator : AbstractValidator<CreateHost>
{
    public CreateHostValidator() => RuleFor(c => c.Host).IsValidBody(new HostInputValidator());
}

public sealed class CreateHostHandler(IHostingMatchDb db, IClock clock, HostLocation location) : ICommandHandler<CreateHost, HostResponse>
{
    public async ValueTask<HostResponse> Handle(CreateHost command, CancellationToken cancellationToken)
    {
        var code = command.Host.Code!.Trim();
        if (await db.Hosts.AnyAsync(h => h.Code == code, cancellationToken))
        {
            throw new DomainException("host-code-taken", $"A host with the code '{code}' already exists.");
        }

        var host = (await location.LocateAsync(command.Host, cancellationToken)).ToNewHost(clock.GetCurrentInstant());
        db.Hosts.Add(host);
        await db.SaveChangesAsync(cancellationToken);
        return host.ToResponse();
    }
}
