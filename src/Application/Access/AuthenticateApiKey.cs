using HostingMatch.Domain.Access;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Access;

/// <summary>
/// Who holds this key: found by its public prefix, its hash compared in constant time, refused when revoked
/// or expired. Null for anything else, without saying why (a caller learns nothing by guessing).
/// </summary>
public sealed record AuthenticateApiKey(string Key) : IQuery<AuthenticatedKey?>;

public sealed class AuthenticateApiKeyHandler(IHostingMatchDb db, IClock clock) : IQueryHandler<AuthenticateApiKey, AuthenticatedKey?>
{
    public async ValueTask<AuthenticatedKey?> Handle(AuthenticateApiKey query, CancellationToken cancellationToken)
    {
        if (ApiKeySecret.PrefixOf(query.Key) is not { } prefix)
        {
            return null;
        }

        var key = await db.ApiKeys.AsNoTracking().FirstOrDefaultAsync(k => k.Prefix == prefix, cancellationToken);
        return key is not null && key.Accepts(query.Key, clock.GetCurrentInstant())
            ? new AuthenticatedKey(key.Id, key.OrganisationId, key.Role, key.ExpiresAt)
            : null;
    }
}
