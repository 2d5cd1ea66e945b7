namespace HostingMatch.Application.Matching.Engine;

/// <summary>
/// Consecutive objective levels solved together as one weighted sum, with weights that provably keep
/// the lexicographic order.
/// </summary>
/// <remarks>
/// Within a group of levels l1..lm, each level's value can move by at most its range R (the sum over
/// households of the level's largest absolute gain). Weights are W(lm) = 1 and W(li) = W(li+1) * (R(li+1) + 1).
/// By induction, the lower levels together move by at most W(li+1) * R(li+1) + ... &lt; W(li), so one unit of
/// level li outweighs any change below it. A group closes when the next level would push the weighted
/// span past <c>limit</c>; the next group is then solved with the previous groups' optima fixed.
/// </remarks>
internal sealed record LevelGroup(int[] Levels, long[] Weights)
{
    /// <summary>The weighted value of placing household h at host k for this group.</summary>
    public long Gain(MatchingProblem problem, int h, int k)
    {
        long gain = 0;
        for (var i = 0; i < Levels.Length; i++)
        {
            gain = checked(gain + (Weights[i] * problem.Level(Levels[i], h, k)));
        }

        return gain;
    }

    /// <summary>
    /// The weighted value of using host k at all, beyond its pairs' <see cref="Gain"/>: host load at a shared host
    /// (<see cref="MatchingProblem.HostLevel"/>); 0 elsewhere.
    /// </summary>
    public long HostGain(MatchingProblem problem, int k)
    {
        long gain = 0;
        for (var i = 0; i < Levels.Length; i++)
        {
            gain = checked(gain + (Weights[i] * problem.HostLevel(Levels[i], k)));
        }

        return gain;
    }

    public long Value(MatchingProblem problem, int[] hostOf)
    {
        long value = 0;
        var used = new HashSet<int>();
        for (var h = 0; h < hostOf.Length; h++)
        {
            if (hostOf[h] >= 0)
            {
                value = checked(value + Gain(problem, h, hostOf[h]));
                if (used.Add(hostOf[h]))
                {
                    value = checked(value + HostGain(problem, hostOf[h]));
                }
            }
        }

        return value;
    }

    /// <summary>Groups levels <paramref name="fromLevel"/> onwards (the levels above are already settled).</summary>
    public static List<LevelGroup> Split(long[] ranges, long limit, int fromLevel = 0)
    {
        var groups = new List<List<int>>();
        var current = new List<int>();
        long span = 1;
        for (var level = fromLevel; level < ranges.Length; level++)
        {
            var width = ranges[level] + 1;
            if (current.Count > 0 && span > limit / width)
            {
                groups.Add(current);
                current = [];
                span = 1;
            }

            current.Add(level);
            span = span > long.MaxValue / width ? long.MaxValue : span * width;
        }

        groups.Add(current);
        return groups.Select(levels =>
        {
            var weights = new long[levels.Count];
            weights[^1] = 1;
            for (var i = levels.Count - 2; i >= 0; i--)
            {
                weights[i] = checked(weights[i + 1] * (ranges[levels[i + 1]] + 1));
            }

            return new LevelGroup(levels.ToArray(), weights);
        }).ToList();
    }
}
