namespace HostingMatch.Application.Stays.Planner;

/// <summary>
/// The candidate stays of a programme too big for the exact model (every host, every start, every length): each
/// guest keeps its best few hosts, and stays start and end only on boundary days: the weekly rotation days, the
/// days something changes (a need, an availability period, an agreement or certificate ends, a current stay's
/// agreed morning), and the rotation limit. The first-fit plan's own stays are always kept, so the plan found is
/// never worse than it. A plan found on a reduction is never reported optimal.
/// </summary>
internal sealed class Reduction
{
    /// <summary>Hosts kept per guest, besides its current host and its first-fit hosts.</summary>
    public const int HostsPerGuest = 10;

    private readonly int[][] hosts;
    private readonly HashSet<(int Guest, int Host, int Day)> boundaries = [];
    private readonly HashSet<int>[] guestDays;

    public Reduction(StaysProblem problem, List<Candidate>[] firstFit)
    {
        var guests = problem.File.Guests.Count;
        hosts = new int[guests][];
        guestDays = new HashSet<int>[guests];
        for (var g = 0; g < guests; g++)
        {
            var open = problem.Compatible[g].ToDictionary(h => h, h => problem.NightOk[g][h].Count(o => o));
            var keep = problem.Compatible[g]
                .OrderByDescending(h => open[h])
                .ThenBy(h => problem.Journey(g, -1, h))
                .Take(HostsPerGuest)
                .Concat(firstFit[g].Select(c => c.Host))
                .Concat(problem.CurrentHost[g] >= 0 && problem.NightOk[g][problem.CurrentHost[g]] is not null ? [problem.CurrentHost[g]] : [])
                .Distinct()
                .Order()
                .ToArray();
            hosts[g] = keep;
            var days = new HashSet<int> { problem.Start[g], problem.End[g], problem.MandatoryUntil[g] };
            for (var d = 0; d <= problem.Days; d += 7)
            {
                days.Add(d);
            }

            foreach (var c in firstFit[g])
            {
                boundaries.Add((g, c.Host, c.From));
                boundaries.Add((g, c.Host, c.Until));
            }

            foreach (var h in keep)
            {
                var ok = problem.NightOk[g][h];
                for (var d = problem.Start[g]; d <= problem.End[g]; d++)
                {
                    var before = d > problem.Start[g] && ok[d - 1];
                    var after = d < problem.End[g] && ok[d];
                    if (before != after)
                    {
                        days.Add(d);
                    }
                }
            }

            guestDays[g] = days;
        }
    }

    public int[] Hosts(int g) => hosts[g];

    public bool IsBoundary(int g, int h, int day) => guestDays[g].Contains(day) || boundaries.Contains((g, h, day));
}
