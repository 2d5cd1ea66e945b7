using HostingMatch.Application.Pipeline;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Access;

/// <summary>Stops a key from working, at once; null when there is no such key. Revoking twice changes nothing.</summary>
public sealed record RevokeApiKey(Guid Id) : ICommand<ApiKeyResponse?>, ITransactional, IAudited;

public sealed class RevokeApiKeyHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<RevokeApiKey, ApiKeyResponse?>
{
    public async ValueTask<ApiKeyResponse?> Handle(RevokeApiKey command, CancellationToken cancellationToken)
    {
        var key = await db.ApiKeys.FirstOrDefaultAsync(k => k.Id == command.Id, cancellationToken);
        if (key is null)
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        key.Revoke(now);
        await db.SaveChangesAsync(cancellationToken);
        return key.ToResponse(now);
    }
}
