using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Access;

/// <summary>Signs a console session out for good: its cookie, or any copy of it, no longer works.</summary>
public sealed record EndConsoleSession(Guid SessionId) : ICommand;

public sealed class EndConsoleSessionHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<EndConsoleSession>
{
    public async ValueTask<Unit> Handle(EndConsoleSession command, CancellationToken cancellationToken)
    {
        if (await db.ConsoleSessions.FirstOrDefaultAsync(s => s.Id == command.SessionId, cancellationToken) is { } session)
        {
            session.End(clock.GetCurrentInstant());
            await db.SaveChangesAsync(cancellationToken);
        }

        return Unit.Value;
    }
}
