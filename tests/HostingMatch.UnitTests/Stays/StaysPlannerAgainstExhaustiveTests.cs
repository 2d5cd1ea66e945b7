using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.Stays.Planner;

namespace HostingMatch.UnitTests.Stays;

/// <summary>The property test: on hundreds of tiny random programmes the planner's levels are the exhaustive search's, and its plan passes the spec's checks.</summary>
public sealed class StaysPlannerAgainstExhaustiveTests
{
    public static TheoryData<int> Batches() => [0, 1, 2, 3, 4, 5];

    [Theory]
    [MemberData(nameof(Batches))]
    public void Solve_OnTinyRandomProgrammes_MatchesExhaustiveSearch(int batch)
    {
        const int perBatch = 60;
        var failures = new List<string>();
        for (var seed = batch * perBatch; seed < (batch + 1) * perBatch; seed++)
        {
            var file = RandomStays.Create(seed);
            var plan = StaysPlanner.Solve(file);
            var best = StaysExhaustive.BestLevels(file);
            if (!plan.Optimal)
            {
                failures.Add($"seed {seed}: not proved optimal");
            }

            if (!best.SequenceEqual(plan.Summary.Levels))
            {
                failures.Add($"seed {seed}: planner [{string.Join(",", plan.Summary.Levels)}] vs exhaustive [{string.Join(",", best)}]");
            }

            failures.AddRange(StaysPlanChecker.Problems(file, plan).Select(p => $"seed {seed}: {p}"));
        }

        Assert.Empty(failures);
    }

    /// <summary>
    /// The exact model on its own, from the first fit: the planner tries it only where the chains search stops short of a
    /// proof, which none of these programmes makes it do, so it is checked here.
    /// </summary>
    [Fact]
    public void ExactModel_OnTinyRandomProgrammes_MatchesExhaustiveSearch()
    {
        var failures = new List<string>();
        for (var seed = 0; seed < 120; seed++)
        {
            var file = RandomStays.Create(seed);
            var problem = new StaysProblem(file);
            var firstFit = FirstFitStays.Chains(problem, [.. Enumerable.Range(0, file.Guests.Count)]);
            var (chains, unproved) = StaysPlanner.SolveExact(problem, firstFit, Deadline.Start(null));
            var plan = StaysPlanBuilder.Build(problem, chains, optimal: unproved is null, gap: null, TimeSpan.Zero);
            var best = StaysExhaustive.BestLevels(file);
            if (unproved is not null)
            {
                failures.Add($"seed {seed}: level {unproved.Value.Level + 1} not proved");
            }

            if (!best.SequenceEqual(plan.Summary.Levels))
            {
                failures.Add($"seed {seed}: exact model [{string.Join(",", plan.Summary.Levels)}] vs exhaustive [{string.Join(",", best)}]");
            }

            failures.AddRange(StaysPlanChecker.Problems(file, plan).Select(p => $"seed {seed}: {p}"));
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void Solve_SameProgrammeTwice_GivesTheSamePlan()
    {
        var file = RandomStays.Create(7);
        var first = StaysPlanner.Solve(file);
        var second = StaysPlanner.Solve(file);
        Assert.Equal(first.Stays, second.Stays);
        Assert.Equal(first.Uncovered, second.Uncovered);
    }

    [Fact]
    public void FirstFit_OnTinyRandomProgrammes_IsAllowedAndNeverBetterThanThePlanner()
    {
        var failures = new List<string>();
        for (var seed = 0; seed < 100; seed++)
        {
            var file = RandomStays.Create(seed);
            var baseline = FirstFitStays.Solve(file);
            failures.AddRange(StaysPlanChecker.Problems(file, baseline).Select(p => $"seed {seed}: {p}"));
            var plan = StaysPlanner.Solve(file);
            if (Better(baseline.Summary.Levels, plan.Summary.Levels))
            {
                failures.Add($"seed {seed}: first fit [{string.Join(",", baseline.Summary.Levels)}] beats the planner");
            }
        }

        Assert.Empty(failures);
    }

    /// <summary>True when levels <paramref name="a"/> are lexicographically better than <paramref name="b"/>.</summary>
    internal static bool Better(IReadOnlyList<long> a, IReadOnlyList<long> b)
    {
        for (var i = 0; i < 5; i++)
        {
            var x = i < 3 ? a[i] : -a[i];
            var y = i < 3 ? b[i] : -b[i];
            if (x != y)
            {
                return x > y;
            }
        }

        return false;
    }
}
