namespace HostingMatch.Application.Stays.Planner;

/// <summary>How to run one stays planning.</summary>
/// <remarks><c>TimeLimit</c>: 
/// Wall-clock budget for the whole search. Past it the planner returns its best plan with
/// <see cref="StaysPlan.Optimal"/> false and a <see cref="StaysPlan.Gap"/>. Null: no limit (search to proved optimality).
/// </remarks>
public sealed record StaysPlannerOptions(TimeSpan? TimeLimit = null)
{
    public static StaysPlannerOptions Default { get; } = new();
}
