using Microsoft.EntityFrameworkCore;

namespace HostingMatch.Infrastructure.Persistence;

/// <summary>
/// A PostgreSQL advisory lock <c>(space, key)</c> held on the request's own connection, so that every Api instance on
/// the same database sees it. Inside a transaction (the Api's audited calls run in one) it is a transaction lock,
/// released when that transaction commits or rolls back: released at dispose, a second caller could read before the
/// first one's changes are committed. Outside one it is a session lock, released on dispose (or when the connection dies).
/// </summary>
internal abstract class PostgresAdvisoryLock(HostingMatchDbContext db, int space)
{
    /// <summary>How often a waiting caller asks again.</summary>
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);

    protected async Task<IAsyncDisposable?> TryAcquireAsync(int key, TimeSpan patience, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var untilCommit = db.Database.CurrentTransaction is not null;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        var held = false;
        try
        {
            while (!await TryOnceAsync(key, untilCommit, cancellationToken))
            {
                if (waited.Elapsed >= patience)
                {
                    return null;
                }

                await Task.Delay(PollEvery, cancellationToken);
            }

            held = true;
            return new Held(db, space, key, untilCommit);
        }
        finally
        {
            // Not held (patience spent, the caller gone, a failed query): the open above is matched, or the pooled context
            // would keep this connection open for every later request it serves.
            if (!held)
            {
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    private Task<bool> TryOnceAsync(int key, bool untilCommit, CancellationToken cancellationToken) =>
        (untilCommit
            ? db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({space}, {key}) AS \"Value\"")
            : db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({space}, {key}) AS \"Value\""))
        .SingleAsync(cancellationToken);

    private sealed class Held(HostingMatchDbContext db, int space, int key, bool untilCommit) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                if (!untilCommit)
                {
                    await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({space}, {key}) AS \"Value\"").SingleAsync();
                }
            }
            finally
            {
                // Closed even when the unlock failed: the pool's reset (pg_advisory_unlock_all) then releases the lock.
                await db.Database.CloseConnectionAsync();
            }
        }
    }
}
