using HostingMatch.Application.Pipeline;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Transport;

/// <summary>An escort is not available tonight after all. False when the night has no such escort (a repeated call).</summary>
public sealed record WithdrawEscort(LocalDate Night, Guid EscortId) : ICommand<bool>, ITransactional, IAudited;

public sealed class WithdrawEscortHandler(IHostingMatchDb db) : ICommandHandler<WithdrawEscort, bool>
{
    public async ValueTask<bool> Handle(WithdrawEscort command, CancellationToken cancellationToken)
    {
        var escort = await db.NightEscorts.FirstOrDefaultAsync(e => e.Id == command.EscortId && e.Night == command.Night, cancellationToken);
        if (escort is null)
        {
            return false;
        }

        db.NightEscorts.Remove(escort);
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }
}
