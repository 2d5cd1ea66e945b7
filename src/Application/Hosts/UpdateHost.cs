using HostingMatch.Application.Pipeline;
using FluentValidation;
using HostingMatch.Application.Validation;
using Mediator;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.Application.Hosts;

/// <summary>
/// A coordinator changes a host. <paramref name="Version"/> is the version they read: when someone else
/// changed the host since, the update is refused with a conflict instead of silently overwriting.
/// Returns null when there is no such host.
/// </summary>
public sealed record UpdateHost(Guid Id, HostInput Host, uint? Version) : ICommand<HostResponse?>, ITransactional, IAudited;

public sealed class UpdateHostValidator : AbstractValidator<UpdateHost>
{
    public UpdateHostValidator() => RuleFor(c => c.Host).IsValidBody(new HostInputValidator());
}

public sealed class UpdateHostHandler(IHostingMatchDb db, HostLocation location) : ICommandHandler<UpdateHost, HostResponse?>
{
    public async ValueTask<HostResponse?> Handle(UpdateHost command, CancellationToken cancellationToken)
    {
        var host = await db.Hosts.FirstOrDefaultAsync(h => h.Id == command.Id, cancellationToken);
        if (host is null)
        {
            return null;
        }

        if (command.Version is { } version)
        {
            // Compare against what the coordinator read, not what we just loaded.
            ((DbContext)db).Entry(host).Property(h => h.Version).OriginalValue = version;
        }

        (await location.LocateAsync(command.Host, cancellationToken)).ApplyTo(host);
        await db.SaveChangesAsync(cancellationToken);
        return host.ToResponse();
    }
}
