namespace HostingMatch.Application.Stays.Planner;

/// <summary>
/// Bounds that hold for every allowed plan, computed without a solver: the person-nights each tier could reach if
/// every guest had every bed (its coverable nights: some host passes rules 3-5 with enough beds), and, for plans
/// that reach all three, the fewest moves (each run of coverable nights needs at least its length divided by the
/// longest stay its hosts allow) and journeys (a guest without a current stay travels at least to its nearest host).
/// A plan that reaches the three coverage bounds has proved levels 1-3; its moves are then within the reported gap.
/// </summary>
public sealed record StaysBounds(IReadOnlyList<long> PersonNights, long Moves, long JourneyMinutes)
{
    /// <summary>The bounds of <paramref name="file"/>.</summary>
    public static StaysBounds Compute(StaysFile file) => Compute(new StaysProblem(file));

    internal static StaysBounds Compute(StaysProblem problem)
    {
        var file = problem.File;
        var personNights = new long[3];
        long moves = 0;
        long journeys = 0;
        for (var g = 0; g < file.Guests.Count; g++)
        {
            var guest = file.Guests[g];
            var compatible = problem.Compatible[g];
            if (compatible.Length == 0)
            {
                continue;
            }

            var longest = compatible.Max(h => file.Hosts[h].MaxNightsPerGuest);
            var stays = 0L;
            var run = 0;
            for (var d = problem.Start[g]; d <= problem.End[g]; d++)
            {
                if (d < problem.End[g] && compatible.Any(h => problem.NightOk[g][h][d]))
                {
                    run++;
                    personNights[guest.Tier - 1] += guest.People;
                    continue;
                }

                stays += (run + longest - 1) / longest;
                run = 0;
            }

            moves += Math.Max(0, stays - 1);
            if (stays > 0 && problem.CurrentHost[g] < 0)
            {
                journeys += compatible.Min(h => problem.Journey(g, -1, h));
            }
        }

        return new StaysBounds(personNights, moves, journeys);
    }

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
                return (PersonNights[tier] - summary.PersonNightsCovered[tier]) / (double)Math.Max(1, PersonNights[tier]);
            }
        }

        if (summary.Moves > Moves)
        {
            return (summary.Moves - Moves) / (double)Math.Max(1, summary.Moves);
        }

        return summary.JourneyMinutes > JourneyMinutes ? (summary.JourneyMinutes - JourneyMinutes) / (double)Math.Max(1, summary.JourneyMinutes) : 0;
    }

    /// <summary>True when the plan reaches the three coverage bounds: levels 1-3 are then proved optimal.</summary>
    public bool CoverageProved(StaysSummary summary)
    {
        ArgumentNullException.ThrowIfNull(summary);
        return Enumerable.Range(0, 3).All(t => summary.PersonNightsCovered[t] >= PersonNights[t]);
    }
}
