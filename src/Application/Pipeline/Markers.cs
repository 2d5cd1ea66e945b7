namespace HostingMatch.Application.Pipeline;

/// <summary>
/// A use case whose changes commit together in one database transaction (<see cref="TransactionBehavior{TMessage, TResponse}"/>),
/// with its audit entry when it has one. A use case sent while a transaction is open joins it.
/// </summary>
public interface ITransactional;

/// <summary>
/// A use case that leaves an entry in the audit log when a coordinator or an admin runs it (<see cref="AuditBehavior{TMessage, TResponse}"/>):
/// every change, and every read of personal data. <see cref="IAuditTrail"/> says who is acting, and whether this call is recorded.
/// </summary>
public interface IAudited;

/// <summary>
/// A use case run again from the start, up to <see cref="ConflictRetryBehavior{TMessage, TResponse}.MaxAttempts"/> times, when it
/// raced with another writer on the same rows (<see cref="IUnitOfWork.IsConflict"/>). Only for use cases that read what they
/// change, so the new attempt sees the other writer's work and does the right thing (a duplicate becomes a no-op).
/// </summary>
public interface IRetriedOnConflict;
