using HostingMatch.Application.Pipeline;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Hosts;

/// <summary>
/// A one-night exception: the host says yes (or no) for that night whatever their weekly pattern;
/// <paramref name="Available"/> null removes the exception. Returns null when there is no such host.
/// </summary>
public sealed record SetHostAvailability(Guid HostId, LocalDate Night, bool? Available) : ICommand<HostResponse?>, ITransactional, IAudited;

public sealed class SetHostAvailabilityHandler(IHostingMatchDb db) : ICommandHandler<SetHostAvailability, HostResponse?>
{
    public async ValueTask<HostResponse?> Handle(SetHostAvailability command, CancellationToken cancellationToken)
    {
        var host = await db.Hosts.FirstOrDefaultAsync(h => h.Id == command.HostId, cancellationToken);
        if (host is null)
        {
            return null;
        }

        if (command.Available is { } available)
        {
            host.SetAvailabilityOn(command.Night, available);
        }
        else
        {
            host.ClearAvailabilityOn(command.Night);
        }

        await db.SaveChangesAsync(cancellationToken);
        return host.ToResponse();
    }
}
