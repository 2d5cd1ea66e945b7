using Mediator;

namespace HostingMatch.Application.Pipeline;

/// <summary>
/// Runs an <see cref="ITransactional"/> use case in one database transaction, committed only when the use case (and its audit
/// entry, inside) succeeded: nothing half-applied. Locks taken inside (the night's matching lock) last until the commit, for
/// every caller alike: the Api, the command line, the workers. A query runs on one connection from its first statement to
/// its audit entry (<see cref="IUnitOfWork.KeepConnectionAsync"/>): one pooled connection rented and reset per request
/// instead of one per statement, a third of the resets on the Api's reads (docs/benchmarks.md, "Api throughput"). A
/// query that solves (the night plan's preview) keeps it through its solve, within its time limit. Commands are not held
/// so: some wait on Twilio or the geocoder between statements, and would keep a connection from the others.
/// </summary>
public sealed class TransactionBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is IBaseQuery and not ITransactional)
        {
            await using var connection = await unitOfWork.KeepConnectionAsync(cancellationToken);
            return await next(message, cancellationToken);
        }

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
