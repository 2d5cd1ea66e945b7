using Mediator;

namespace HostingMatch.Application.Pipeline;

/// <summary>
/// Runs an <see cref="IRetriedOnConflict"/> use case again from the start when it raced with another writer (the expiry worker,
/// the outbox worker, Twilio's retry of the same webhook): the new attempt forgets what it read, sees what the other writer
/// committed, and a duplicate is then recognised as one. Outside the transaction, so each attempt has its own.
/// </summary>
public sealed class ConflictRetryBehavior<TMessage, TResponse>(IUnitOfWork unitOfWork) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    /// <summary>Attempts in all, the first included.</summary>
    public const int MaxAttempts = 3;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (message is not IRetriedOnConflict)
        {
            return await next(message, cancellationToken);
        }

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await next(message, cancellationToken);
            }
            catch (Exception e) when (attempt < MaxAttempts && unitOfWork.IsConflict(e))
            {
                // Recovering for real: the other writer committed; the next attempt reads what it did.
                unitOfWork.Reset();
            }
        }
    }
}
