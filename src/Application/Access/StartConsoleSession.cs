using HostingMatch.Domain.Access;
using Mediator;
using NodaTime;

namespace HostingMatch.Application.Access;

/// <summary>Opens a console session for a key that has just been checked (<see cref="AuthenticateApiKey"/>).</summary>
public sealed record StartConsoleSession(Guid ApiKeyId, Duration Length) : ICommand<StartedConsoleSession>;

public sealed record StartedConsoleSession(Guid SessionId, Instant ExpiresAt);

public sealed class StartConsoleSessionHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<StartConsoleSession, StartedConsoleSession>
{
    public async ValueTask<StartedConsoleSession> Handle(StartConsoleSession command, CancellationToken cancellationToken)
    {
        var session = ConsoleSession.Start(command.ApiKeyId, clock.GetCurrentInstant(), command.Length);
        db.ConsoleSessions.Add(session);
        await db.SaveChangesAsync(cancellationToken);
        return new StartedConsoleSession(session.Id, session.ExpiresAt);
    }
}
