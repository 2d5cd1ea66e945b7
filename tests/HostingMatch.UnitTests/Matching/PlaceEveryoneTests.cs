using HostingMatch.Application.Matching;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.UnitTests.Matching;

/// <summary>
/// The path where greedy places every placeable household (levels 1-4 proved at their bound, continuity and travel
/// left), and its two ways out (the flow relaxation is a plan, or CP-SAT on the pairs the reduced costs keep), against
/// the exhaustive search; the nights where greedy leaves someone out go the general way and are checked too.
/// </summary>
public sealed class PlaceEveryoneTests
{
    [Theory]
    [InlineData(0, false)]
    [InlineData(1, false)]
    [InlineData(2, true)]
    public void Solve_OnRoomyRandomNights_MatchesExhaustiveSearch(int batch, bool levelByLevelWithoutFlow)
    {
        const int nightsPerBatch = 80;
        var failures = new List<string>();
        var everyonePlaced = 0;
        var relaxationNotAPlan = 0;
        var someoneLeftOut = 0;
        for (var seed = 5000 + (batch * nightsPerBatch); seed < 5000 + ((batch + 1) * nightsPerBatch); seed++)
        {
            var (night, options) = RandomNights.Create(seed, singleHouseholdHosts: false, roomy: true);
            var problem = new MatchingProblem(night, options);
            var greedy = GreedyMatcher.Assign(problem);
            if (problem.PlacesEveryPlaceable(greedy))
            {
                everyonePlaced++;
                var group = LevelGroup.Split(problem.LevelRanges(), 1L << 40, PlaceEveryoneMatcher.FirstLevel).Single();
                if (FlowMatcher.Solve(problem, group, placeAll: true) is { } relaxed && !problem.KeepsRules6And7(relaxed.HostOf))
                {
                    relaxationNotAPlan++;
                }
            }
            else
            {
                someoneLeftOut++;
            }

            var plan = levelByLevelWithoutFlow
                ? MatchingEngine.Solve(night, options, weightLimit: 1, allowFlow: false)
                : MatchingEngine.Solve(night, options);
            failures.AddRange(BruteForce.ProblemsWithPlan(seed, night, options, plan));
        }

        Assert.Empty(failures);
        // The batch must exercise every path, or it proves nothing about them.
        Assert.True(everyonePlaced >= 20, $"only {everyonePlaced} nights where greedy places everyone");
        Assert.True(relaxationNotAPlan >= 3, $"only {relaxationNotAPlan} nights where the flow relaxation breaks rule 6 or 7");
        Assert.True(someoneLeftOut >= 3, $"only {someoneLeftOut} nights where greedy leaves someone out");
    }

    [Fact]
    public void Solve_WhenTheFlowRelaxationMixesCategories_ProvesTheBestPlan()
    {
        // The nearest host takes two households: the flow relaxation puts the woman and the man there together (it
        // ignores categories at hosts that take several), which breaks rule 7; the engine must still prove the optimum.
        var night = NightBuilder.Night(
            [NightBuilder.AHost("near", beds: 4, maxHouseholds: 2, kmNorth: 2), NightBuilder.AHost("far", beds: 4, kmNorth: 10)],
            [NightBuilder.AWoman("a"), NightBuilder.AMan("b")]);
        var plan = MatchingEngine.Solve(night);
        Assert.True(plan.Optimal);
        Assert.Empty(PlanChecker.Problems(night, plan));
        Assert.Equal(BruteForce.BestVector(night), plan.Summary.ObjectiveVector);
        Assert.Equal(2, plan.Placements.Count);
    }
}
