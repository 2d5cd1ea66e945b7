using HostingMatch.Application.Stays.Planner;
using HostingMatch.Domain.Geography;
using NodaTime;

namespace HostingMatch.UnitTests.Stays;

/// <summary>
/// The best objective vector of a tiny stays file by exhaustive search, written from stays.md and not from the
/// planner: every chain each guest could make alone (rules 1, 3-5, 7, 8, maximal stays), then every combination of
/// chains that keeps rule 6, best first with a bound that only cuts combinations that cannot win.
/// </summary>
internal static class StaysExhaustive
{
    private sealed record Chain(List<(int Host, LocalDate From, LocalDate Until)> Stays, long[] Value);

    /// <summary>The levels [tier 1, tier 2, tier 3, moves, journey minutes] of an optimal plan.</summary>
    public static long[] BestLevels(StaysFile file)
    {
        var chains = file.Guests.Select(g => Chains(file, g).OrderByDescending(c => c.Value, Comparer).ToList()).ToList();
        var optimistic = new long[file.Guests.Count + 1][];
        optimistic[file.Guests.Count] = new long[5];
        for (var g = file.Guests.Count - 1; g >= 0; g--)
        {
            optimistic[g] = new long[5];
            for (var l = 0; l < 5; l++)
            {
                optimistic[g][l] = optimistic[g + 1][l] + chains[g].Max(c => c.Value[l]);
            }
        }

        var days = Period.DaysBetween(file.PlanFrom, file.PlanUntil);
        var people = new int[file.Hosts.Count, days];
        var households = new int[file.Hosts.Count, days];
        var category = new int[file.Hosts.Count, days];
        var categoryCount = new int[file.Hosts.Count, days];
        long[]? best = null;
        var current = new long[5];

        void Search(int g)
        {
            if (best is not null && Comparer.Compare(Add(current, optimistic[g]), best) <= 0)
            {
                return;
            }

            if (g == file.Guests.Count)
            {
                best = [.. current];
                return;
            }

            var guest = file.Guests[g];
            var cat = (int)guest.Category;
            foreach (var chain in chains[g])
            {
                var fits = chain.Stays.All(s =>
                {
                    for (var d = Period.DaysBetween(file.PlanFrom, s.From); d < Period.DaysBetween(file.PlanFrom, s.Until); d++)
                    {
                        var host = file.Hosts[s.Host];
                        if (people[s.Host, d] + guest.People > host.Beds || households[s.Host, d] + 1 > host.MaxHouseholds
                            || (categoryCount[s.Host, d] > 0 && category[s.Host, d] != cat))
                        {
                            return false;
                        }
                    }

                    return true;
                });
                if (!fits)
                {
                    continue;
                }

                Place(chain, guest.People, cat, +1);
                for (var l = 0; l < 5; l++)
                {
                    current[l] += chain.Value[l];
                }

                Search(g + 1);
                for (var l = 0; l < 5; l++)
                {
                    current[l] -= chain.Value[l];
                }

                Place(chain, guest.People, cat, -1);
            }
        }

        void Place(Chain chain, int count, int cat, int sign)
        {
            foreach (var s in chain.Stays)
            {
                for (var d = Period.DaysBetween(file.PlanFrom, s.From); d < Period.DaysBetween(file.PlanFrom, s.Until); d++)
                {
                    people[s.Host, d] += sign * count;
                    households[s.Host, d] += sign;
                    categoryCount[s.Host, d] += sign;
                    category[s.Host, d] = cat;
                }
            }
        }

        Search(0);
        return [best![0], best[1], best[2], -best[3], -best[4]];
    }

    /// <summary>Lexicographic order on [tier 1, tier 2, tier 3, -moves, -journey]: larger is better.</summary>
    private static readonly Comparer<long[]> Comparer = Comparer<long[]>.Create((a, b) =>
    {
        for (var i = 0; i < a.Length; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return 0;
    });

    private static long[] Add(long[] a, long[] b) => [.. a.Zip(b, (x, y) => x + y)];

    /// <summary>
    /// Every chain guest <paramref name="g"/> could make on its own: its stays (host index, first night, morning of leaving,
    /// as dates) and its levels [tier 1, tier 2, tier 3, -moves, -journey minutes].
    /// </summary>
    public static List<(List<(int Host, LocalDate From, LocalDate Until)> Stays, long[] Value)> ChainsOf(StaysFile file, int g) =>
        [.. Chains(file, file.Guests[g]).Select(c => (c.Stays, c.Value))];

    /// <summary>Every chain one guest could make on its own.</summary>
    private static List<Chain> Chains(StaysFile file, StaysGuest guest)
    {
        var from = guest.NeedFrom > file.PlanFrom ? guest.NeedFrom : file.PlanFrom;
        var until = guest.NeedUntil is { } nu && nu < file.PlanUntil ? nu : file.PlanUntil;
        var result = new List<Chain>();
        var stays = new List<(int Host, LocalDate From, LocalDate Until)>();
        var current = guest.Current;
        var currentHost = current is null ? -1 : file.Hosts.ToList().FindIndex(h => h.Id == current.HostId);

        void Walk(LocalDate night)
        {
            if (night >= until)
            {
                result.Add(new Chain([.. stays], Value()));
                return;
            }

            var mandatory = current is not null && night == from && from < current.Until;
            if (!mandatory)
            {
                Walk(night.PlusDays(1));
            }

            for (var h = 0; h < file.Hosts.Count; h++)
            {
                var host = file.Hosts[h];
                var continues = h == currentHost && night == from && from == file.PlanFrom;
                if (mandatory && !continues)
                {
                    continue;
                }

                if (stays.Count > 0 && stays[^1].Host == h && stays[^1].Until == night)
                {
                    continue;
                }

                for (var end = night.PlusDays(1); end <= until; end = end.PlusDays(1))
                {
                    var last = end.PlusDays(-1);
                    if (!StaysPlanChecker.Passes3To5(host, guest, last) || host.Beds < guest.People || host.MaxHouseholds < 1)
                    {
                        break;
                    }

                    var length = Period.DaysBetween(continues ? current!.Since : night, end);
                    if (length > host.MaxNightsPerGuest)
                    {
                        break;
                    }

                    if (mandatory && end < (current!.Until < until ? current.Until : until))
                    {
                        continue;
                    }

                    if (!continues && end != until && Period.DaysBetween(night, end) < file.Rules.MinStayNights)
                    {
                        continue;
                    }

                    stays.Add((h, night, end));
                    Walk(end);
                    stays.RemoveAt(stays.Count - 1);
                }
            }
        }

        long[] Value()
        {
            var value = new long[5];
            var previous = currentHost;
            var started = current is not null;
            foreach (var (h, f, u) in stays)
            {
                value[guest.Tier - 1] += (long)guest.People * Period.DaysBetween(f, u);
                var continues = h == currentHost && f == from && from == file.PlanFrom;
                if (!continues)
                {
                    var origin = previous < 0 ? guest.Location : file.Hosts[previous].Location;
                    value[4] -= TravelTime.Minutes(origin, file.Hosts[h].Location, file.Rules.DetourFactor, file.Rules.AverageSpeedKmh);
                    if (started)
                    {
                        value[3]--;
                    }
                }

                started = true;
                previous = h;
            }

            return value;
        }

        if (from >= until)
        {
            return [new Chain([], new long[5])];
        }

        Walk(from);
        return result;
    }
}
