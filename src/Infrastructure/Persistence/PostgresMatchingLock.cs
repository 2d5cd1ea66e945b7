using HostingMatch.Application.Matching;
using Microsoft.EntityFrameworkCore;
using NodaTime;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.Infrastructure.Persistence;

/// <summary>
/// A PostgreSQL advisory lock keyed by the night, held on the request's own connection, so that every Api instance on
/// the same database sees it. Inside a transaction (the Api's audited calls run in one) it is a transaction lock,
/// released when that transaction commits or rolls back: released at dispose, a second caller could read the night
/// before the first one's changes are committed. Outside one it is a session lock, released on dispose (or when the
/// connection dies).
/// </summary>
internal sealed class PostgresMatchingLock(HostingMatchDbContext db) : IMatchingLock
{
    /// <summary>The lock's namespace: the first key of pg_advisory_lock(int, int).</summary>
    private const int MatchingLockSpace = 0x484D; // "HM"

    /// <summary>How often a waiting caller asks again: a re-match at the network's size takes a few milliseconds.</summary>
    private static readonly TimeSpan PollEvery = TimeSpan.FromMilliseconds(50);

    public async Task<IAsyncDisposable?> TryAcquireAsync(LocalDate night, TimeSpan patience, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var key = Period.DaysBetween(LocalDate.FromDateTime(DateTime.UnixEpoch), night);
        var untilCommit = db.Database.CurrentTransaction is not null;
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (!await TryOnceAsync(key, untilCommit, cancellationToken))
        {
            if (waited.Elapsed >= patience)
            {
                await db.Database.CloseConnectionAsync();
                return null;
            }

            await Task.Delay(PollEvery, cancellationToken);
        }

        return new Held(db, key, untilCommit);
    }

    private Task<bool> TryOnceAsync(int key, bool untilCommit, CancellationToken cancellationToken) =>
        (untilCommit
            ? db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_xact_lock({MatchingLockSpace}, {key}) AS \"Value\"")
            : db.Database.SqlQuery<bool>($"SELECT pg_try_advisory_lock({MatchingLockSpace}, {key}) AS \"Value\""))
        .SingleAsync(cancellationToken);

    private sealed class Held(HostingMatchDbContext db, int key, bool untilCommit) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            if (!untilCommit)
            {
                await db.Database.SqlQuery<bool>($"SELECT pg_advisory_unlock({MatchingLockSpace}, {key}) AS \"Value\"").SingleAsync();
            }

            await db.Database.CloseConnectionAsync();
        }
    }
}
