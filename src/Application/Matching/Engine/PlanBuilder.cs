using HostingMatch.Domain.Households;

namespace HostingMatch.Application.Matching.Engine;

/// <summary>Turns a solver's assignment into the plan: placements, reasons, summary, stable order.</summary>
internal static class PlanBuilder
{
    public static Plan Build(MatchingProblem problem, int[] hostOf, bool optimal, double? gap, TimeSpan elapsed)
    {
        var placements = new List<Placement>();
        var unplaced = new List<UnplacedHousehold>();
        var placedPeople = new int[Priority.LowestTier];
        var unplacedPeople = new int[Priority.LowestTier];
        long waiting = 0, travel = 0;
        var continuity = 0;
        for (var h = 0; h < hostOf.Length; h++)
        {
            var household = problem.Households[h];
            var tier = problem.Tier[h];
            var k = hostOf[h];
            if (k >= 0)
            {
                placements.Add(new Placement(household.Id, problem.Hosts[k].Id, problem.People[h], tier, problem.Travel[k]));
                placedPeople[tier - 1] += problem.People[h];
                waiting += household.NightsWithoutShelter;
                continuity += problem.LastHost[h] == k ? 1 : 0;
                travel += problem.Travel[k];
            }
            else
            {
                var (reason, detail) = UnplacedReasons.Explain(problem, h);
                unplaced.Add(new UnplacedHousehold(household.Id, tier, reason, detail));
                unplacedPeople[tier - 1] += problem.People[h];
            }
        }

        return new Plan(
            problem.Night.Night,
            optimal,
            optimal ? null : gap,
            placements.OrderBy(p => p.HouseholdId, StringComparer.Ordinal).ToList(),
            unplaced.OrderBy(u => u.HouseholdId, StringComparer.Ordinal).ToList(),
            new PlanSummary(placedPeople, unplacedPeople, waiting, continuity, travel, (long)elapsed.TotalMilliseconds,
                -problem.LevelValue(MatchingProblem.LoadLevel, hostOf)));
    }
}
