namespace HostingMatch.Application.Stays.Planner;

/// <summary>
/// Bounds that hold for every allowed plan: each guest's own optimum, its best chain if it had every bed but those
/// the other guests' current stays must keep (rule 8) (<see cref="ChainSearch"/>: nights, then moves, then journeys,
/// under rules 1-8). Person-nights per tier are
/// the sums of those nights. A plan that reaches all three has every guest at its own optimum coverage (a guest never
/// does better than alone), so its moves are at least the sum of the guests' fewest moves at that coverage, and, at
/// those moves, its journeys at least the sum of their shortest journeys (where a guest has more than
/// <see cref="ChainSearch.ExactJourneyHosts"/> compatible hosts, only the journey to its nearest host counts). A plan
/// that reaches all five is optimal.
/// </summary>
public sealed record StaysBounds(IReadOnlyList<long> PersonNights, long Moves, long JourneyMinutes)
{
    /// <summary>The bounds of <paramref name="file"/>.</summary>
    /// <exception cref="ArgumentException">When a current stay cannot go on as rule 8 requires.</exception>
    public static StaysBounds Compute(StaysFile file)
    {
        var problem = new StaysProblem(file);
        return Compute(problem, new ChainSearch(problem)).Bounds;
    }

    /// <summary>The bounds and each guest's own optimum chain.</summary>
    internal static (StaysBounds Bounds, List<Candidate>[] Own) Compute(StaysProblem problem, ChainSearch search)
    {
        var guests = problem.File.Guests.Count;
        var own = new List<Candidate>[guests];
        var personNights = new long[3];
        long moves = 0;
        long journeys = 0;
        // The nights current stays must go on (rule 8) are taken in every plan: no guest counts on those beds.
        var agreed = Enumerable.Range(0, guests).Select(g => problem.Agreed(g)).ToArray();
        var occupancy = new Occupancy(problem);
        foreach (var part in agreed)
        {
            occupancy.Add(part);
        }

        for (var g = 0; g < guests; g++)
        {
            occupancy.Remove(agreed[g]);
            var (chain, value) = search.Best(g, occupancy) ?? search.Own(g);
            occupancy.Add(agreed[g]);
            own[g] = chain;
            personNights[problem.Tier[g] - 1] += value.Nights * problem.People[g];
            moves += value.Moves;
            if (search.JourneysExact(g))
            {
                journeys += value.Minutes;
            }
            else if (chain.Count > 0 && problem.CurrentHost[g] < 0)
            {
                journeys += problem.Compatible[g].Min(h => problem.Journey(g, -1, h));
            }
        }

        return (new StaysBounds(personNights, moves, journeys), own);
    }

    /// <summary>The five levels as a plan's summary lists them.</summary>
    public long[] Levels => [PersonNights[0], PersonNights[1], PersonNights[2], Moves, JourneyMinutes];

    /// <summary>
    /// The gap of <paramref name="summary"/> against these bounds, on the first level it does not reach: coverage
    /// (bound - found) / bound, moves and journeys (found - bound) / found, all in [0, 1]; 0 when it reaches them all.
    /// </summary>
    public double GapOf(StaysSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        for (var tier = 0; tier < 3; tier++)
        {
            if (summary.PersonNightsCovered[tier] < PersonNights[tier])
            {
                return LevelGap(tier, PersonNights[tier], summary.PersonNightsCovered[tier]);
            }
        }

        if (summary.Moves > Moves)
        {
            return LevelGap(3, Moves, summary.Moves);
        }

        return summary.JourneyMinutes > JourneyMinutes ? LevelGap(4, JourneyMinutes, summary.JourneyMinutes) : 0;
    }

    /// <summary>
    /// The gap on one level (0-4) between a bound and what was found: coverage (maximised) (bound - found) / bound, moves
    /// and journeys (minimised) (found - bound) / found, each over at least 1, in [0, 1].
    /// </summary>
    public static double LevelGap(int level, double bound, double found) =>
        Math.Clamp(level < 3 ? (bound - found) / Math.Max(1, bound) : (found - bound) / Math.Max(1, found), 0, 1);

    /// <summary>True when the plan reaches all five bounds: it is then optimal.</summary>
    public bool Proves(StaysSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return summary.Levels.SequenceEqual(Levels);
    }

    /// <summary>True when the plan reaches the three coverage bounds: levels 1-3 are then proved optimal.</summary>
    public bool CoverageProved(StaysSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Enumerable.Range(0, 3).All(t => summary.PersonNightsCovered[t] >= PersonNights[t]);
    }
}
