using HostingMatch.Application.Matching;
using NodaTime;

namespace HostingMatch.Infrastructure.Persistence;

/// <summary>The night's matching lock: an advisory lock keyed by the night (<see cref="PostgresAdvisoryLock"/>).</summary>
internal sealed class PostgresMatchingLock(HostingMatchDbContext db) : PostgresAdvisoryLock(db, MatchingLockSpace), IMatchingLock
{
    /// <summary>The lock's namespace: the first key of pg_advisory_lock(int, int).</summary>
    private const int MatchingLockSpace = 0x484D; // "HM"

    public Task<IAsyncDisposable?> TryAcquireAsync(LocalDate night, TimeSpan patience, CancellationToken cancellationToken) =>
        TryAcquireAsync(Period.DaysBetween(LocalDate.FromDateTime(DateTime.UnixEpoch), night), patience, cancellationToken);
}
