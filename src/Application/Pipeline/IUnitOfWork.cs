namespace HostingMatch.Application.Pipeline;

/// <summary>The database's unit of work, as the pipeline behaviours see it; EF Core and PostgreSQL implement it in Infrastructure.</summary>
public interface IUnitOfWork
{
    /// <summary>Opens a transaction; null when one is already open, which the caller then joins (it does not commit it).</summary>
    Task<IUnitOfWorkTransaction?> BeginAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Keeps one database connection until disposed, for every statement in between: a read and its audit entry take a
    /// connection from the pool once, instead of once per statement (each return to the pool resets the connection).
    /// </summary>
    Task<IAsyncDisposable> KeepConnectionAsync(CancellationToken cancellationToken);

    /// <summary>
    /// True when <paramref name="exception"/> says another writer changed the same rows first (a row version that moved, a
    /// unique key taken meanwhile, a serialization failure, a deadlock): running the use case again may succeed.
    /// </summary>
    bool IsConflict(Exception exception);

    /// <summary>Forgets every entity read or changed so far, so a new attempt reads what is committed now.</summary>
    void Reset();
}

/// <summary>An open transaction: committed by <see cref="CommitAsync"/>, rolled back when disposed without it.</summary>
public interface IUnitOfWorkTransaction : IAsyncDisposable
{
    Task CommitAsync(CancellationToken cancellationToken);
}
