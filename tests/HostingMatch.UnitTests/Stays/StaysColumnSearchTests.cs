using HostingMatch.Application.Stays.Planner;

namespace HostingMatch.UnitTests.Stays;

/// <summary>
/// The chains-as-columns planner (the one large programmes get) and its bounds, on the tiny random programmes where the
/// exhaustive search knows the optimum: bounds never beat the optimum, a plan said optimal is, plans pass the spec's checks.
/// </summary>
public sealed class StaysColumnSearchTests
{
    [Fact]
    public void Bounds_OnTinyRandomProgrammes_NeverBeatTheExhaustiveOptimum()
    {
        var failures = new List<string>();
        for (var seed = 0; seed < 150; seed++)
        {
            var file = RandomStays.Create(seed);
            failures.AddRange(BoundProblems(seed, StaysExhaustive.BestLevels(file), StaysBounds.Compute(file)));
        }

        Assert.Empty(failures);
    }

    [Fact]
    public void SolveByColumns_OnTinyRandomProgrammes_IsAllowedAndItsProofsAndBoundsHold()
    {
        var failures = new List<string>();
        var proved = 0;
        for (var seed = 0; seed < 150; seed++)
        {
            var file = RandomStays.Create(seed);
            var best = StaysExhaustive.BestLevels(file);
            // No time limit: what is proved must not depend on how busy the machine is (with 5 s, a loaded CI machine
            // once left one of these unproved); each takes well under a second alone.
            var (plan, bounds) = StaysPlanner.SolveWithBounds(file, new StaysPlannerOptions(TimeLimit: null), exactModelLimit: 0);
            failures.AddRange(StaysPlanChecker.Problems(file, plan).Select(p => $"seed {seed}: {p}"));
            failures.AddRange(BoundProblems(seed, best, bounds));
            var levels = plan.Summary.Levels;
            if (StaysPlannerAgainstExhaustiveTests.Better(levels, best))
            {
                failures.Add($"seed {seed}: plan [{string.Join(",", levels)}] beats the exhaustive optimum [{string.Join(",", best)}]");
            }

            if (plan.Optimal && !levels.SequenceEqual(best))
            {
                failures.Add($"seed {seed}: said optimal at [{string.Join(",", levels)}], optimum [{string.Join(",", best)}]");
            }

            if (StaysPlannerAgainstExhaustiveTests.Better(FirstFitStays.Solve(file).Summary.Levels, levels))
            {
                failures.Add($"seed {seed}: the first fit beats the plan");
            }

            proved += plan.Optimal ? 1 : 0;
        }

        Assert.Empty(failures);

        // The bounds alone prove 128 of them; listing every chain a better plan could use (at the relaxation's prices)
        // and solving the master over them proves the rest, each checked against the exhaustive optimum above.
        Assert.Equal(150, proved);
    }

    /// <summary>Each bound must hold for the optimum, as far as the optimum reaches the bounds above it.</summary>
    private static IEnumerable<string> BoundProblems(int seed, long[] best, StaysBounds bounds)
    {
        for (var tier = 0; tier < 3; tier++)
        {
            if (best[tier] > bounds.PersonNights[tier])
            {
                yield return $"seed {seed}: tier {tier + 1} optimum {best[tier]} above its bound {bounds.PersonNights[tier]}";
            }
        }

        if (Enumerable.Range(0, 3).All(t => best[t] == bounds.PersonNights[t]))
        {
            if (best[3] < bounds.Moves)
            {
                yield return $"seed {seed}: optimum moves {best[3]} below the bound {bounds.Moves}";
            }
            else if (best[3] == bounds.Moves && best[4] < bounds.JourneyMinutes)
            {
                yield return $"seed {seed}: optimum journeys {best[4]} below the bound {bounds.JourneyMinutes}";
            }
        }
    }
}
