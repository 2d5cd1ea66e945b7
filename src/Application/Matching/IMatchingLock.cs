using NodaTime;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.Application.Matching;

/// <summary>
/// One matching run per night at a time, across every Api instance: the second coordinator who presses
/// the button while a run is under way gets a clear conflict instead of a second, racing run.
/// </summary>
public interface IMatchingLock
{
    /// <summary>The lock, released when disposed; null when another run holds it.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(LocalDate night, CancellationToken cancellationToken);
}
