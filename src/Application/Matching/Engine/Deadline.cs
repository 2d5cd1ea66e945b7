using System.Diagnostics;

namespace HostingMatch.Application.Matching.Engine;

/// <summary>A time budget measured on the monotonic stopwatch (not the wall clock, which can jump).</summary>
internal readonly record struct Deadline(long StartedTimestamp, TimeSpan? Limit)
{
    public static Deadline Start(TimeSpan? limit) => new(Stopwatch.GetTimestamp(), limit);

    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(StartedTimestamp);

    /// <summary>True once the limit is reached: a phase that cannot be stopped half-way (building a model) must not start.</summary>
    public bool IsSpent => Limit is { } limit && Elapsed >= limit;

    /// <summary>Time left, never negative; null when there is no limit.</summary>
    public TimeSpan? Remaining() => Limit is { } limit ? (limit - Elapsed > TimeSpan.Zero ? limit - Elapsed : TimeSpan.Zero) : null;
}
