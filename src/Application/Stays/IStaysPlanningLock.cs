namespace HostingMatch.Application.Stays;

/// <summary>
/// One stays plan computed and stored at a time, across every Api instance: two plans made side by side would each
/// propose the same guest's nights (neither sees the other's proposals before it commits). A second caller waits for
/// the first to commit, then plans on what it stored.
/// </summary>
public interface IStaysPlanningLock
{
    /// <summary>The lock, released when disposed; null when another plan still holds it after <paramref name="patience"/>.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(TimeSpan patience, CancellationToken cancellationToken);
}
