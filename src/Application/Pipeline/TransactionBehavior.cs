using Mediator;

namespace HostingMatch.Application.Pipeline;

/// <summary>
/// Runs an <see cref="ITransactional"/> use case in one database transaction, committed only when the use case (and its audit
/// entry, inside) succeeded: nothing half-applied. Locks taken inside (the night's matching lock) last until the commit, for
/// every caller alike: the Api, the command line, the workers.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not ITransactional)
        {
            return await next(message, cancellationToken);
        }

        await using var transaction = await unitOfWork.BeginAsync(cancellationToken);
        var response = await next(message, cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return response;
    }
}
