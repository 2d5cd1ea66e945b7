using System.Diagnostics;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.Application.NightPlan.Engine;

/// <summary>
/// The insertion as a search, ruin and recreate (Schrimpf et al., 2000): from the plan, take a few stops or a whole trip
/// off the vehicles' evenings, move each vehicle's trips as early as its evening allows, and put the households left out
/// back with <see cref="Fill"/>, households of one tier in a random order, hosts nearly as near in a random one. A plan
/// as good on levels 1-3 is the next one to go on from (so the search walks across equal plans), a worse one now and then
/// (<see cref="Worse"/>); the best by the spec's seven levels is returned. Departed trips and agreed households are never
/// taken off; every plan it makes is checked against the same rules as the insertion's.
/// </summary>
internal sealed partial class TripInsertion
{
    /// <summary>Hosts up to this many minutes farther may come first in a random order (<see cref="Hosts"/>).</summary>
    private const int Nearly = 10;

    /// <summary>At most this many stops are taken off at once (else a whole trip).</summary>
    private const int MostStopsTaken = 3;

    /// <summary>One ruin in this many also takes off a household brought another way than a vehicle.</summary>
    private const int OtherWayOdds = 3;

    /// <summary>The chance that a plan worse on levels 1-3 is still the next one to go on from (to leave a plan none of whose neighbours is as good).</summary>
    private const double Worse = 0.05;

    /// <summary>The best plan found from <paramref name="plan"/> in <paramref name="limit"/>; at least <see cref="Improve"/>'s.</summary>
    /// <remarks><c>seed</c> and <c>iterations</c>: the random order's seed and at most this many plans made, so that the
    /// same night searched as far gives the same plan on any machine (the night plan stops on time alone).</remarks>
    public Candidate Search(Candidate plan, TimeSpan limit, int seed = 1, int iterations = int.MaxValue)
    {
        var clock = Stopwatch.StartNew();
        var random = new Random(seed);
        var best = Improve(plan);
        var current = best;
        var made = 0;
        while (clock.Elapsed < limit && made++ < iterations)
        {
            var (host, rides, trips) = Load(current);
            var ruined = Ruin(host, rides, trips, random);
            if (ruined is null)
            {
                break;
            }

            if (ruined == false)
            {
                continue;
            }

            Fill(host, rides, trips, random);
            var next = Emit(current, host, rides, trips);
            if (Candidate.CompareTiers(next.PeoplePerTier(), current.PeoplePerTier()) >= 0 || random.NextDouble() < Worse)
            {
                current = next;
            }

            best = Candidate.Better(next, best) ? next : best;
        }

        return best;
    }

    /// <summary>
    /// Household h to a host of its with room that fetches its guests (way 2), or with <paramref name="escort"/> to one an
    /// escort still free can take it to (way 3, transport.md): at most <c>escorts</c> households go by public transport.
    /// </summary>
    private bool OtherWay(int h, int[] host, Ride?[] rides, bool escort)
    {
        var escortsLeft = problem.File.Transport.PublicTransport.Escorts - rides.Count(r => r?.Way == RideWay.PublicTransport);
        foreach (var k in problem.Pairs[h])
        {
            var ride = problem.CanFetch(k) ? problem.FetchRide(k)
                : escort && escortsLeft > 0 && problem.CanTransit(h, k) ? problem.TransitRide(k)
                : null;
            if (ride is not null && problem.Fits(host, k, h))
            {
                (host[h], rides[h]) = (k, ride);
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Takes one to <see cref="MostStopsTaken"/> stops, or one whole trip, off the vehicles' new trips (never a stop with an
    /// agreed household), then moves every vehicle's new trips as early as its evening allows, in order: leaving sooner
    /// only makes a trip's arrivals and return sooner or the same (it waits for a window as it did), so every rule still
    /// holds. Null when there is nothing to take off; false when a trip could not be re-timed (not expected): the plan
    /// made is then not used.
    /// </summary>
    private bool? Ruin(int[] host, Ride?[] rides, List<Trip> trips, Random random)
    {
        var stops = trips.Where(t => !t.Departed)
            .SelectMany(t => t.Stops.Select(s => (Trip: t, Stop: s)))
            .Where(x => !x.Stop.Households.Any(pinned.Contains))
            .ToList();
        var others = Enumerable.Range(0, host.Length).Where(h => rides[h] is { Way: not RideWay.Vehicle } && !pinned.Contains(h)).ToList();
        if (stops.Count == 0 && others.Count == 0)
        {
            return null;
        }

        // Now and then (always when no stop can be taken) a household brought another way, its host fetching it or an
        // escort, is taken off too, freeing the escort or the beds for someone else.
        if (others.Count > 0 && (stops.Count == 0 || random.Next(OtherWayOdds) == 0))
        {
            var h = others[random.Next(others.Count)];
            (host[h], rides[h]) = (-1, null);
        }

        if (stops.Count == 0)
        {
            return true;
        }

        var whole = random.Next(MostStopsTaken + 1) == 0 ? stops[random.Next(stops.Count)].Trip : null;
        var taken = whole is not null
            ? stops.Where(x => x.Trip == whole).ToList()
            : stops.OrderBy(_ => random.Next()).Take(1 + random.Next(Math.Min(MostStopsTaken, stops.Count))).ToList();
        foreach (var (trip, stop) in taken)
        {
            trip.Stops.Remove(stop);
            foreach (var h in stop.Households)
            {
                host[h] = -1;
                rides[h] = null;
            }
        }

        trips.RemoveAll(t => t.Stops.Count == 0);
        var loading = problem.File.Transport.LoadingMinutes;
        foreach (var group in trips.GroupBy(t => t.Vehicle))
        {
            var back = Ready(group.Key);
            foreach (var trip in group.OrderBy(t => t.Depart))
            {
                if (!trip.Departed)
                {
                    trip.Depart = back + loading;
                    if (!Schedule(trip, trips))
                    {
                        // Not expected (see above): the plan made is not used.
                        return false;
                    }
                }

                back = Math.Max(back, trip.Return);
            }
        }

        return true;
    }
}
