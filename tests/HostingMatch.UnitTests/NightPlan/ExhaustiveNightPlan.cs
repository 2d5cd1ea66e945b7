using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.NightPlan.Engine;
using NodaTime;

namespace HostingMatch.UnitTests.NightPlan;

/// <summary>
/// The best people per tier a small night allows, by trying everything: every assignment of households to hosts (or
/// none) that keeps matching.md rules 1-8, every way for each (the host fetches, an escort, a vehicle), and for
/// the vehicles every way to share the stops between them, and for each vehicle every order of its stops cut into
/// every sequence of trips, timed at the earliest (waiting only for a window to open, which is never worse). Written
/// from the specs, sharing nothing with the engine but the checker's arithmetic. For nights of a handful of households
/// and hosts and one or two vehicles.
/// </summary>
internal static class ExhaustiveNightPlan
{
    /// <summary>Levels 1-3 of <see cref="BestLevels"/>: the most people per tier any plan brings.</summary>
    public static int[] Best(NightPlanFile file) => [.. BestLevels(file).Take(3).Select(people => (int)people)];

    /// <summary>
    /// The best levels of transport.md's objective a small night allows: people per tier, the waiting nights of the
    /// households brought, continuity, then the sum over people of their arrival minute (from <c>firstDeparture</c>) and
    /// the vehicles' driving minutes, both negated so that larger is better throughout. Every assignment, every way for
    /// each household and every cut of every order of each vehicle's stops into trips, each timed at the earliest (a
    /// household arrives no sooner that way).
    /// </summary>
    public static long[] BestLevels(NightPlanFile file)
    {
        var households = file.Night.Households;
        var best = new long[] { 0, 0, 0, 0, 0, 0, long.MinValue };
        foreach (var assignment in Assignments(file.Night))
        {
            if (BestArrivals(file, assignment) is { } arrivals)
            {
                var levels = new long[7];
                foreach (var (h, k) in households.Zip(assignment).Where(x => x.Second is not null))
                {
                    levels[NightPlanChecker.Tier(h) - 1] += h.Members.Count;
                    levels[3] += h.NightsWithoutShelter;
                    levels[4] += h.LastHostId == k!.Id ? 1 : 0;
                }

                levels[5] = -(arrivals / Level7);
                levels[6] = -(arrivals % Level7);
                if (levels.Zip(best).Select(x => x.First.CompareTo(x.Second)).FirstOrDefault(c => c != 0) > 0)
                {
                    best = levels;
                }
            }
        }

        return best;
    }

    /// <summary>
    /// Every assignment of households to hosts (or none) that keeps matching.md rules 1-8: compatible, beds, households
    /// per host, one category per host. One array, filled anew for each.
    /// </summary>
    /// <summary>Arrival minutes and driving minutes in one number, compared as levels 6 then 7: arrivals × this + driving.</summary>
    private const long Level7 = 1_000_000;

    private static IEnumerable<NightHost?[]> Assignments(NightFile night)
    {
        var households = night.Households;
        var options = households.Select(h => night.Hosts.Where(k => NightPlanChecker.Allows(night, k, h) && k.Beds >= h.Members.Count).ToList()).ToList();
        var assignment = new NightHost?[households.Count];

        IEnumerable<NightHost?[]> From(int i)
        {
            if (i == households.Count)
            {
                yield return assignment;
                yield break;
            }

            assignment[i] = null;
            foreach (var done in From(i + 1))
            {
                yield return done;
            }

            foreach (var k in options[i])
            {
                var together = Enumerable.Range(0, i).Where(j => assignment[j] == k).Select(j => households[j]).Append(households[i]).ToList();
                if (together.Sum(h => h.Members.Count) <= k.Beds && together.Count <= k.MaxHouseholds && together.Select(NightPlanChecker.Category).Distinct().Count() == 1)
                {
                    assignment[i] = k;
                    foreach (var done in From(i + 1))
                    {
                        yield return done;
                    }
                }
            }

            assignment[i] = null;
        }

        return From(0);
    }

    /// <summary>
    /// The smallest arrival minutes then driving minutes (as arrivals × <see cref="Level7"/> + driving) when every placed
    /// household gets a way; null when some cannot.
    /// </summary>
    private static long? BestArrivals(NightPlanFile file, NightHost?[] assignment)
    {
        var night = file.Night;
        var t = file.Transport;
        var reference = NightPlanChecker.At(night.Night, t.FirstDeparture);
        var placed = Enumerable.Range(0, assignment.Length).Where(i => assignment[i] is not null).ToList();
        var ways = new int[placed.Count];
        long? best = null;

        // 0: host fetches, 1: escort, 2: vehicle; each the earliest it can arrive.
        void Try(int j)
        {
            if (j == placed.Count)
            {
                if (ways.Count(w => w == 1) > t.PublicTransport.Escorts)
                {
                    return;
                }

                long sum = 0;
                for (var n = 0; n < placed.Count; n++)
                {
                    var (h, k) = (night.Households[placed[n]], assignment[placed[n]]!);
                    sum += ways[n] == 2 ? 0 : (long)h.Members.Count * NightPlanChecker.Elapsed(reference, Earliest(file, k, ways[n])) * Level7;
                }

                var driven = placed.Where((_, n) => ways[n] == 2).ToList();
                var stops = driven.GroupBy(i => assignment[i]!).Select(g => (g.Key, g.Sum(i => night.Households[i].Members.Count))).ToList();
                if ((driven.Count == 0 ? 0 : RoutedArrivals(file, stops)) is { } routed)
                {
                    best = best is null || sum + routed < best ? sum + routed : best;
                }

                return;
            }

            var household = night.Households[placed[j]];
            for (var w = 0; w < 3; w++)
            {
                if (Allowed(file, household, assignment[placed[j]]!, w))
                {
                    ways[j] = w;
                    Try(j + 1);
                }
            }
        }

        Try(0);
        return best;
    }

    /// <summary>The earliest arrival at a host when it fetches (0) or by public transport (1), as transport.md times them.</summary>
    private static Instant Earliest(NightPlanFile file, NightHost k, int way)
    {
        var night = file.Night;
        var t = file.Transport;
        var reference = NightPlanChecker.At(night.Night, t.FirstDeparture);
        var from = NightPlanChecker.At(night.Night, file.ArrivalOf(k.Id).ArrivalFrom ?? t.FirstDeparture);
        var pt = t.PublicTransport;
        var minutes = way == 0
            ? NightPlanChecker.Minutes(night.Base.Location, k.Location, t.Rules.DetourFactor, t.Rules.AverageSpeedKmh)
            : (int)Math.Ceiling((NightPlanChecker.Km(night.Base.Location, k.Location) * pt.DetourFactor / pt.SpeedKmh * 60) + pt.WalkMinutes);
        var arrive = reference + Duration.FromMinutes(minutes);
        return arrive < from ? from : arrive;
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

    /// <summary>
    /// The smallest arrival then driving minutes (as <see cref="BestArrivals"/>) when the vehicles serve all the stops in some trips:
    /// every way to give each stop (a host's people together, rule 2) to a vehicle, then each vehicle's stops as
    /// <see cref="VehicleArrivals"/>; null when no way serves them all.
    /// </summary>
    private static long? RoutedArrivals(NightPlanFile file, List<(NightHost Host, int People)> stops)
    {
        var vehicles = file.Transport.Vehicles;
        var owner = new int[stops.Count];
        long? best = null;

        void Give(int i)
        {
            if (i == stops.Count)
            {
                long sum = 0;
                for (var v = 0; v < vehicles.Count; v++)
                {
                    var mine = stops.Where((_, n) => owner[n] == v).ToList();
                    if (mine.Count == 0)
                    {
                        continue;
                    }

                    if (VehicleArrivals(file, vehicles[v], mine) is not { } arrivals)
                    {
                        return;
                    }

                    sum += arrivals;
                }

                best = best is null || sum < best ? sum : best;
                return;
            }

            for (var v = 0; v < vehicles.Count; v++)
            {
                owner[i] = v;
                Give(i + 1);
            }
        }

        Give(0);
        return best;
    }

    /// <summary>
    /// The smallest arrival then driving minutes (as <see cref="BestArrivals"/>) when vehicle <paramref name="v"/> serves
    /// all the stops in some trips (every order, cut every way, timed at the earliest); null when it cannot.
    /// </summary>
    private static long? VehicleArrivals(NightPlanFile file, NightVehicle v, List<(NightHost Host, int People)> stops)
    {
        long? best = null;
        var night = file.Night;
        var t = file.Transport;
        var reference = NightPlanChecker.At(night.Night, t.FirstDeparture);
        // transport.md: trips keep van-runs.md rule 4 "with firstDeparture replaced by the vehicle's availableFrom".
        var start = NightPlanChecker.At(night.Night, v.AvailableFrom);
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
                long sum = 0;
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
                    foreach (var (host, people) in trip)
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

                        sum += ((long)people * NightPlanChecker.Elapsed(reference, arrive) * Level7) + Drive(at, host.Location);
                        time = arrive + Duration.FromMinutes(t.StopMinutes);
                        at = host.Location;
                    }

                    ready = time + Duration.FromMinutes(Drive(at, night.Base.Location));
                    sum += Drive(at, night.Base.Location);
                    ok = ok && ready <= end;
                }

                if (ok)
                {
                    best = best is null || sum < best ? sum : best;
                }
            }
        }

        return best;
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
