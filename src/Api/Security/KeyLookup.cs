using HostingMatch.Application.Access;
using HostingMatch.Domain.Access;
using Mediator;

namespace HostingMatch.Api.Security;

/// <summary>Who holds a key, for the Api's key check and the console's sign-in alike.</summary>
public static class KeyLookup
{
    /// <summary>
    /// The holder of <paramref name="text"/>, or null. Text that cannot be a key is refused here, without the database: a
    /// query keeps a connection from its start (TransactionBehavior), and garbage must get 401 even when the database is down.
    /// </summary>
    public static ValueTask<AuthenticatedKey?> AuthenticateAsync(IMediator mediator, string? text, CancellationToken cancellationToken) =>
        ApiKeySecret.PrefixOf(text) is null
            ? ValueTask.FromResult<AuthenticatedKey?>(null)
            : mediator.Send(new AuthenticateApiKey(text!), cancellationToken);
}
