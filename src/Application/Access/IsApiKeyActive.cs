using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Access;

/// <summary>
/// Whether a key checked earlier (when a console session began) may still be used now: not revoked, not expired.
/// A session never outlives its key.
/// </summary>
public sealed record IsApiKeyActive(Guid KeyId) : IQuery<bool>;

public sealed class IsApiKeyActiveHandler(IHostingMatchDb db, IClock clock) : IQueryHandler<IsApiKeyActive, bool>
{
    public async ValueTask<bool> Handle(IsApiKeyActive query, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Id == query.KeyId, cancellationToken);
        return key is not null && key.IsActiveAt(clock.GetCurrentInstant());
    }
}
