namespace HostingMatch.Application.Stays.Planner;

/// <summary>
/// The stays chain planner: a programme in, the optimal chains of stays out (spec: stays.md). Pure (no I/O,
/// no clock other than the time budget) and deterministic: the same file and options give the same plan.
/// </summary>
public static class StaysPlanner
{
    /// <summary>Plans the stays to proved optimality, or to the time limit.</summary>
    /// <exception cref="ArgumentException">When a current stay names an unknown host (the reader rejects such files first).</exception>
    public static StaysPlan Solve(StaysFile file, StaysPlannerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(file);
        throw new NotImplementedException("The stays planner is being written (issue 15).");
    }
}
