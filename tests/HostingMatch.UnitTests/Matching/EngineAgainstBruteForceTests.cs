using HostingMatch.Application.Matching;
using HostingMatch.Application.Matching.Engine;

namespace HostingMatch.UnitTests.Matching;

/// <summary>The property test: on hundreds of random small nights the engine's plan is as good as the exhaustive search's, and valid.</summary>
public sealed class EngineAgainstBruteForceTests
{
    public static TheoryData<int, bool, bool> Batches() => new()
    {
        // batch, hosts take one household only (the min-cost-flow path), each level solved on its own (CP-SAT level by level)
        { 0, true, false }, { 1, true, false }, { 2, false, false }, { 3, false, false }, { 4, false, false },
        { 5, false, false }, { 6, true, true }, { 7, false, true },
    };

    [Theory]
    [MemberData(nameof(Batches))]
    public void Solve_OnRandomSmallNights_MatchesExhaustiveSearch(int batch, bool singleHouseholdHosts, bool levelByLevel)
    {
        const int nightsPerBatch = 80;
        var failures = new List<string>();
        for (var seed = batch * nightsPerBatch; seed < (batch + 1) * nightsPerBatch; seed++)
        {
            var (night, options) = RandomNights.Create(seed, singleHouseholdHosts);
            var plan = levelByLevel
                ? MatchingEngine.Solve(night, options, weightLimit: 1, allowFlow: false)
                : MatchingEngine.Solve(night, options);
            failures.AddRange(BruteForce.ProblemsWithPlan(seed, night, options, plan));
        }

        Assert.Empty(failures);
    }
}
