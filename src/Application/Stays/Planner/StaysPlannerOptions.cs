namespace HostingMatch.Application.Stays.Planner;

/// <summary>How to run one stays planning.</summary>
/// <remarks>
/// <c>TimeLimit</c>: wall-clock budget for the whole search. Past it the planner returns its best plan with
/// <see cref="StaysPlan.Optimal"/> false and a <see cref="StaysPlan.Gap"/>. Null: no limit (search to proved optimality).
/// <c>Progress</c>: told, in one line each, what every step of a large programme's search (chains as columns) reached and
/// when: for the benchmark and for diagnosis. Null: nothing is told.
/// </remarks>
public sealed record StaysPlannerOptions(TimeSpan? TimeLimit = null, Action<string>? Progress = null)
{
    public static StaysPlannerOptions Default { get; } = new();
}
