using HostingMatch.Domain.Households;

namespace HostingMatch.Application.Stays.Planner;

/// <summary>
/// The chronological first-fit baseline: night after night, each guest not yet covered (current stays first, then tier 1, then by
/// input order) takes the longest stay it can start at the first host that has room, in input order. It is what
/// a coordinator does by hand in a spreadsheet; the planner starts from it and the benchmark compares with it.
/// </summary>
public static class FirstFitStays
{
    /// <summary>Plans <paramref name="file"/> by first fit; the plan is allowed but rarely optimal (<c>optimal</c> false unless trivially so).</summary>
    public static StaysPlan Solve(StaysFile file)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var problem = new StaysProblem(file);
        var chains = Chains(problem, [.. Enumerable.Range(0, file.Guests.Count)]);
        return StaysPlanBuilder.Build(problem, chains, optimal: false, gap: null, System.Diagnostics.Stopwatch.GetElapsedTime(started));
    }

    /// <summary>First-fit chains of the guests <paramref name="guests"/> (the others get none), indexed by guest.</summary>
    internal static List<Candidate>[] Chains(StaysProblem problem, int[] guests)
    {
        var file = problem.File;
        var chains = new List<Candidate>[file.Guests.Count];
        for (var g = 0; g < chains.Length; g++)
        {
            chains[g] = [];
        }

        var people = new int[file.Hosts.Count, problem.Days];
        var households = new int[file.Hosts.Count, problem.Days];
        var category = new HouseholdCategory?[file.Hosts.Count, problem.Days];
        var busyUntil = guests.ToDictionary(g => g, g => problem.Start[g]);
        // Current stays first: they were agreed before this plan and fit together (the reader checks rule 6 on them).
        var order = guests.OrderBy(g => problem.MandatoryUntil[g] > problem.Start[g] ? 0 : 1).ThenBy(g => file.Guests[g].Tier).ThenBy(g => g).ToArray();

        bool Fits(int g, int h, int t)
        {
            var host = file.Hosts[h];
            var guest = file.Guests[g];
            return problem.NightOk[g][h] is { } ok && ok[t]
                && people[h, t] + guest.People <= host.Beds
                && households[h, t] + 1 <= host.MaxHouseholds
                && (category[h, t] is null || category[h, t] == guest.Category);
        }

        for (var t = 0; t < problem.Days; t++)
        {
            foreach (var g in order)
            {
                if (t < problem.Start[g] || t >= problem.End[g] || t < busyUntil[g])
                {
                    continue;
                }

                var previous = chains[g].Count > 0 ? chains[g][^1] : (Candidate?)null;
                var hosts = problem.CurrentHost[g] >= 0 && t == problem.Start[g]
                    ? problem.Compatible[g].Where(h => h == problem.CurrentHost[g]).Concat(problem.Compatible[g].Where(h => h != problem.CurrentHost[g]))
                    : problem.Compatible[g];
                foreach (var h in hosts)
                {
                    if (t < problem.MandatoryUntil[g] && !problem.IsContinuing(g, h, t))
                    {
                        continue;
                    }

                    if (previous is { } p && p.Host == h && p.Until == t)
                    {
                        continue;
                    }

                    var max = problem.MaxNights(g, h, t);
                    var b = t;
                    while (b < problem.End[g] && b - t < max && Fits(g, h, b))
                    {
                        b++;
                    }

                    if (b == t || !problem.LongEnough(g, h, t, b) || (problem.IsContinuing(g, h, t) && b < problem.MandatoryUntil[g]))
                    {
                        continue;
                    }

                    var stay = new Candidate(g, h, t, b, problem.IsContinuing(g, h, t));
                    chains[g].Add(stay);
                    for (var n = t; n < b; n++)
                    {
                        people[h, n] += file.Guests[g].People;
                        households[h, n]++;
                        category[h, n] = file.Guests[g].Category;
                    }

                    busyUntil[g] = b;
                    break;
                }
            }
        }

        return chains;
    }
}
