using HostingMatch.Domain.Audit;
using Mediator;
using NodaTime;

namespace HostingMatch.Application.Pipeline;

/// <summary>
/// Writes the audit entry of an <see cref="IAudited"/> use case once it succeeded, inside its transaction (a change and its entry
/// commit together, or neither does). A use case that threw changed nothing and leaves no entry.
/// </summary>
public sealed class AuditBehavior<TMessage, TResponse>(IAuditTrail trail, IHostingMatchDb db, IClock clock) : IPipelineBehavior<TMessage, TResponse>
    where TMessage : notnull, IMessage
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var response = await next(message, cancellationToken);
        if (message is IAudited && trail.Describe(message, response) is { } entry)
        {
            db.AuditEntries.Add(AuditEntry.Record(entry.ApiKeyId, entry.OrganisationId, entry.Action, entry.TargetType, entry.TargetId,
                entry.Summary, clock.GetCurrentInstant()));
            await db.SaveChangesAsync(cancellationToken);
        }

        return response;
    }
}
