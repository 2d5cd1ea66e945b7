using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.NightPlan.Engine;
using NodaTime;

namespace HostingMatch.UnitTests.NightPlan;

/// <summary>
/// The best people per tier a small night allows, by trying everything: every assignment of households to hosts (or
/// none) that keeps matching.md rules 1-8, every way for each (the host fetches, an escort, the one vehicle), and for
/// the vehicle every order of its stops cut into every sequence of trips, timed at the earliest (waiting only for a
/// window to open, which is never worse). Written from the specs, sharing nothing with the engine but the checker's
/// arithmetic. For nights of a handful of households and hosts and one vehicle.
/// </summary>
internal static class ExhaustiveNightPlan
{
    public static int[] Best(NightPlanFile file)
    {
        var night = file.Night;
        var households = night.Households;
        var options = households.Select(h => night.Hosts.Where(k => NightPlanChecker.Allows(night, k, h) && k.Beds >= h.Members.Count).ToList()).ToList();
        var best = new int[3];
        var assignment = new NightHost?[households.Count];

        void Assign(int i)
        {
            if (i == households.Count)
            {
                var tiers = BestWays(file, assignment);
                if (tiers is not null && NightPlanChecker.Compare(tiers, best) > 0)
                {
                    best = tiers;
                }

                return;
            }

            assignment[i] = null;
            Assign(i + 1);
            foreach (var k in options[i])
            {
                var together = Enumerable.Range(0, i).Where(j => assignment[j] == k).Select(j => households[j]).Append(households[i]).ToList();
                if (together.Sum(h => h.Members.Count) <= k.Beds && together.Count <= k.MaxHouseholds && together.Select(NightPlanChecker.Category).Distinct().Count() == 1)
                {
                    assignment[i] = k;
                    Assign(i + 1);
                }
            }

            assignment[i] = null;
        }

        Assign(0);
        return best;
    }

    /// <summary>People per tier if every placed household gets a way at once; null when some cannot.</summary>
    private static int[]? BestWays(NightPlanFile file, NightHost?[] assignment)
    {
        var night = file.Night;
        var t = file.Transport;
        var placed = Enumerable.Range(0, assignment.Length).Where(i => assignment[i] is not null).ToList();
        var ways = new int[placed.Count];

        // 0: host fetches, 1: escort, 2: vehicle.
        bool Try(int j)
        {
            if (j == placed.Count)
            {
                if (ways.Count(w => w == 1) > t.PublicTransport.Escorts)
                {
                    return false;
                }

                var driven = placed.Where((_, n) => ways[n] == 2).ToList();
                return driven.Count == 0 || Routable(file, driven.GroupBy(i => assignment[i]!).Select(g => (g.Key, g.Sum(i => night.Households[i].Members.Count))).ToList());
            }

            var h = night.Households[placed[j]];
            var k = assignment[placed[j]]!;
            for (var w = 0; w < 3; w++)
            {
                if (Allowed(file, h, k, w))
                {
                    ways[j] = w;
                    if (Try(j + 1))
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        if (!Try(0))
        {
            return null;
        }

        var tiers = new int[3];
        foreach (var i in placed)
        {
            tiers[NightPlanChecker.Tier(night.Households[i]) - 1] += night.Households[i].Members.Count;
        }

        return tiers;
    }

    private static bool Allowed(NightPlanFile file, NightHousehold h, NightHost k, int way)
    {
        var only = new NightPlanFile(file.Night, file.Transport with
        {
            Vehicles = way == 2 ? file.Transport.Vehicles : [],
            PublicTransport = way == 1 ? file.Transport.PublicTransport : file.Transport.PublicTransport with { Escorts = 0 },
        }, way == 0 ? file.HostArrivals : file.HostArrivals.ToDictionary(a => a.Key, a => a.Value with { PicksUpAtBase = false }));
        return NightPlanChecker.Reachable(only, h, k);
    }

    /// <summary>Whether the one vehicle can serve all the stops (each host's people together) in some trips.</summary>
    private static bool Routable(NightPlanFile file, List<(NightHost Host, int People)> stops)
    {
        var night = file.Night;
        var t = file.Transport;
        var v = t.Vehicles.Single();
        var reference = NightPlanChecker.At(night.Night, t.FirstDeparture);
        var start = NightPlanChecker.At(night.Night, v.AvailableFrom);
        start = start > reference ? start : reference;
        var end = NightPlanChecker.At(night.Night, v.AvailableUntil);
        var latest = NightPlanChecker.At(night.Night, t.LatestArrival);
        int Drive(HostingMatch.Domain.Geography.GeoPoint a, HostingMatch.Domain.Geography.GeoPoint b) => NightPlanChecker.Minutes(a, b, t.Rules.DetourFactor, t.Rules.AverageSpeedKmh);

        foreach (var order in Permutations(stops))
        {
            // Every way to cut the order into consecutive trips: bit c set means a new trip after stop c.
            for (var cuts = 0; cuts < 1 << Math.Max(0, order.Count - 1); cuts++)
            {
                var ok = true;
                var ready = start;
                var i = 0;
                while (ok && i < order.Count)
                {
                    var trip = new List<(NightHost Host, int People)> { order[i] };
                    while (i < order.Count - 1 && (cuts & (1 << i)) == 0)
                    {
                        i++;
                        trip.Add(order[i]);
                    }

                    i++;
                    if (trip.Sum(s => s.People) > v.Seats)
                    {
                        ok = false;
                        break;
                    }

                    var time = ready + Duration.FromMinutes(t.LoadingMinutes);
                    var at = night.Base.Location;
                    foreach (var (host, _) in trip)
                    {
                        var arrival = file.ArrivalOf(host.Id);
                        var from = NightPlanChecker.At(night.Night, arrival.ArrivalFrom ?? t.FirstDeparture);
                        var until = NightPlanChecker.At(night.Night, arrival.ArrivalUntil ?? t.LatestArrival);
                        var arrive = time + Duration.FromMinutes(Drive(at, host.Location));
                        arrive = arrive < from ? from : arrive;
                        if (arrive > until || arrive > latest)
                        {
                            ok = false;
                            break;
                        }

                        time = arrive + Duration.FromMinutes(t.StopMinutes);
                        at = host.Location;
                    }

                    ready = time + Duration.FromMinutes(Drive(at, night.Base.Location));
                    ok = ok && ready <= end;
                }

                if (ok)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static IEnumerable<List<T>> Permutations<T>(List<T> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var p in Permutations(rest))
            {
                yield return [items[i], .. p];
            }
        }
    }
}
