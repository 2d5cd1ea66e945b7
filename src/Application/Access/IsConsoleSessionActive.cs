using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Access;

/// <summary>
/// Whether a console session may still be used now: not signed out, not past its shift, and its key neither revoked
/// nor expired. A session never outlives its key.
/// </summary>
public sealed record IsConsoleSessionActive(Guid SessionId) : IQuery<bool>;

public sealed class IsConsoleSessionActiveHandler(IHostingMatchDb db, IClock clock) : IQueryHandler<IsConsoleSessionActive, bool>
{
    public async ValueTask<bool> Handle(IsConsoleSessionActive query, CancellationToken cancellationToken)
    {
        var found = await (from s in db.ConsoleSessions.AsNoTracking()
                           join k in db.ApiKeys.AsNoTracking() on s.ApiKeyId equals k.Id
                           where s.Id == query.SessionId
                           select new { Session = s, Key = k }).FirstOrDefaultAsync(cancellationToken);
        var now = clock.GetCurrentInstant();
        return found is not null && found.Session.IsActiveAt(now) && found.Key.IsActiveAt(now);
    }
}
