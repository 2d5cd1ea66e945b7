namespace HostingMatch.Application.Matching.Engine;

/// <summary>How to run one matching.</summary>
/// <param name="TimeLimit">
/// Wall-clock budget for the search. Past it the engine returns its best plan with
/// <see cref="Plan.Optimal"/> false and a <see cref="Plan.Gap"/>. Null: no limit (search to proved optimality).
/// </param>
/// <param name="Exclusions">
/// Household-host pairs that are forbidden tonight (the host declined that household). An excluded pair
/// counts as incompatible everywhere, including in the reasons: a household whose only compatible host
/// declined it is left with <c>no-compatible-host</c>.
/// </param>
/// <param name="Pins">
/// Placements already accepted (household id to host id). They are forced into the plan and count in
/// every level of the objective like any other placement. A pin must itself pass rules 1 to 5 and the
/// pins together must fit rules 6 and 7, otherwise <see cref="MatchingEngine.Solve(NightFile, MatchingOptions)"/> throws.
/// </param>
public sealed record MatchingOptions(
    TimeSpan? TimeLimit = null,
    IReadOnlySet<(string HouseholdId, string HostId)>? Exclusions = null,
    IReadOnlyDictionary<string, string>? Pins = null)
{
    public static MatchingOptions Default { get; } = new();

    internal bool IsExcluded(string householdId, string hostId) =>
        Exclusions is not null && Exclusions.Contains((householdId, hostId));
}
