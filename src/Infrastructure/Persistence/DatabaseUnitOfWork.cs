using HostingMatch.Application.Pipeline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;

namespace HostingMatch.Infrastructure.Persistence;

/// <summary>The request's <see cref="HostingMatchDbContext"/> as a unit of work: its transaction, and what PostgreSQL calls a conflict.</summary>
internal sealed class DatabaseUnitOfWork(HostingMatchDbContext db) : IUnitOfWork
{
    public async Task<IUnitOfWorkTransaction?> BeginAsync(CancellationToken cancellationToken) =>
        db.Database.CurrentTransaction is null ? new Transaction(await db.Database.BeginTransactionAsync(cancellationToken)) : null;

    public async Task<IAsyncDisposable> KeepConnectionAsync(CancellationToken cancellationToken)
    {
        // EF Core leaves a connection opened here open across its queries and SaveChanges, until closed as many times.
        await db.Database.OpenConnectionAsync(cancellationToken);
        return new KeptConnection(db);
    }

    public bool IsConflict(Exception exception) => exception switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: PostgresException postgres } => IsConflict(postgres),
        PostgresException postgres => IsConflict(postgres),
        InvalidOperationException { InnerException: PostgresException postgres } => IsConflict(postgres),
        _ => false,
    };

    public void Reset() => db.ChangeTracker.Clear();

    private static bool IsConflict(PostgresException e) => e.SqlState is PostgresErrorCodes.UniqueViolation
        or PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected;

    private sealed class KeptConnection(HostingMatchDbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await db.Database.CloseConnectionAsync();
    }

    private sealed class Transaction(IDbContextTransaction transaction) : IUnitOfWorkTransaction
    {
        public Task CommitAsync(CancellationToken cancellationToken) => transaction.CommitAsync(cancellationToken);

        public ValueTask DisposeAsync() => transaction.DisposeAsync();
    }
}
