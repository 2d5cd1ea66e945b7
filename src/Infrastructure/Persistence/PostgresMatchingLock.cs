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

/// <summary>The stays programme's planning lock: one plan is computed and stored at a time, across every instance.</summary>
internal sealed class PostgresStaysPlanningLock(HostingMatchDbContext db) : PostgresAdvisoryLock(db, StaysLockSpace), Application.Stays.IStaysPlanningLock
{
    /// <summary>The lock's namespace: "HS".</summary>
    private const int StaysLockSpace = 0x4853;

    public Task<IAsyncDisposable?> TryAcquireAsync(TimeSpan patience, CancellationToken cancellationToken) =>
        TryAcquireAsync(0, patience, cancellationToken);
}
