using NodaTime;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.Application.Matching;

/// <summary>
/// One matching run per night at a time, across every Api instance. A coordinator who presses the button while another
/// run is under way (often the offer worker's automatic re-match, which takes milliseconds) waits for it, up to
/// <see cref="CoordinatorPatience"/>, and then runs on what it committed; past that, a clear conflict instead of a
/// second, racing run. The offer worker does not wait: its next round covers the night.
/// </summary>
public interface IMatchingLock
{
    /// <summary>How long a coordinator's run or hand move waits for a run under way: longer than a matching's time limit.</summary>
    static readonly TimeSpan CoordinatorPatience = TimeSpan.FromSeconds(12);

    /// <summary>The lock, released when disposed; null when another run still holds it after <paramref name="patience"/>.</summary>
    Task<IAsyncDisposable?> TryAcquireAsync(LocalDate night, TimeSpan patience, CancellationToken cancellationToken);
}
