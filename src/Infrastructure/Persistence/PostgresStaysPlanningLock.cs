namespace HostingMatch.Infrastructure.Persistence;

/// <summary>The stays programme's planning lock: one plan is computed and stored at a time, across every instance.</summary>
internal sealed class PostgresStaysPlanningLock(HostingMatchDbContext db) : PostgresAdvisoryLock(db, StaysLockSpace), Application.Stays.IStaysPlanningLock
{
    /// <summary>The lock's namespace: "HS".</summary>
    private const int StaysLockSpace = 0x4853;

    public Task<IAsyncDisposable?> TryAcquireAsync(TimeSpan patience, CancellationToken cancellationToken) =>
        TryAcquireAsync(0, patience, cancellationToken);
}
