using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.Application.NightPlan.Engine;

/// <summary>
/// A local improvement of a complete plan: households left out, priority first, are put on the vehicles' trips where
/// they fit: at a stop of their host already on a trip, as a new stop inserted in a trip, or on a new trip in a gap of a
/// vehicle's evening; then, when a household of a higher tier still does not fit, it takes the place of households of a
/// lower tier on a trip (the stop's whole households, so that rule 2 holds), when that brings more people priority first.
/// Every change is checked against van-runs.md rules 1-5 within the shift: a trip keeps its departure, its stops are
/// re-timed (arriving as soon as driving allows, waiting only for a window to open), it must be back by the shift's end
/// and before the vehicle's next boarding. Departed trips are never touched. Pure and fast: no solver.
/// </summary>
/// <remarks><c>busy</c>: Per vehicle index, when it is back from a departed trip; null: free.</remarks>
/// <remarks><c>timeUp</c>: whether the night plan's time is spent: the insertion then stops between two households (every
/// plan it has made so far keeps every rule), so that a night of a thousand households keeps its limit.</remarks>
internal sealed partial class TripInsertion(NightPlanProblem problem, IReadOnlyList<VanTrip> departed, (int Ready, int TripsDone)?[] busy, IReadOnlySet<int> pinned,
    Func<bool>? timeUp = null)
{
    private readonly MatchingProblem m = problem.Matching;
    private readonly Dictionary<string, int> hostIndex = Enumerable.Range(0, problem.Matching.Hosts.Count).ToDictionary(k => problem.Matching.Hosts[k].Id, StringComparer.Ordinal);
    private readonly Dictionary<string, int> householdIndex = Enumerable.Range(0, problem.Matching.Households.Count).ToDictionary(h => problem.Matching.Households[h].Id, StringComparer.Ordinal);
    private readonly Dictionary<string, int> vehicleIndex = Enumerable.Range(0, problem.Vehicles.Count).ToDictionary(v => problem.Vehicles[v].Vehicle.Id, StringComparer.Ordinal);

    private const int Passes = 3;

    private sealed class Trip
    {
        public required int Vehicle { get; init; }
        public required bool Departed { get; init; }
        public required int Depart { get; set; }
        public required List<(int K, List<int> Households)> Stops { get; init; }
        public int[] Arrivals { get; set; } = [];
        public int Return { get; set; }
        public int Number { get; set; }
    }

    /// <summary>The plan with what could be added; the same plan when nothing could.</summary>
    public Candidate Improve(Candidate plan)
    {
        var (host, rides, trips) = Load(plan);
        return Fill(host, rides, trips, random: null) ? Emit(plan, host, rides, trips) : plan;
    }

    /// <summary>The plan's placements, rides and trips, as the insertion changes them (copies: the plan is left as it is).</summary>
    private (int[] Host, Ride?[] Rides, List<Trip> Trips) Load(Candidate plan)
    {
        var frozen = departed.Select(t => (t.VanId, t.Trip)).ToHashSet();
        var trips = plan.Trips.Select(t => new Trip
        {
            Vehicle = vehicleIndex[t.VanId],
            Departed = frozen.Contains((t.VanId, t.Trip)),
            Depart = problem.MinuteOf(t.DepartAt),
            Return = problem.MinuteOf(t.ReturnAt),
            Number = t.Trip,
            Stops = t.Stops.Select(s => (hostIndex[s.HostId], s.HouseholdIds.Select(id => householdIndex[id]).ToList())).ToList(),
            Arrivals = t.Stops.Select(s => problem.MinuteOf(s.ArriveAt)).ToArray(),
        }).ToList();
        return ((int[])plan.HostOf.Clone(), (Ride?[])plan.Rides.Clone(), trips);
    }

    /// <summary>
    /// Puts the households left out on the trips, priority first (<see cref="Insert"/>, else <see cref="Replace"/>), in a
    /// few passes: a household put out of its stop by a higher priority may fit elsewhere. With <paramref name="random"/>,
    /// households of one tier come in a random order and hosts nearly as near in a random one (<see cref="Search"/>).
    /// Whether anything changed.
    /// </summary>
    private bool Fill(int[] host, Ride?[] rides, List<Trip> trips, Random? random)
    {
        var changed = false;
        for (var pass = 0; pass < Passes; pass++)
        {
            var left = Enumerable.Range(0, host.Length).Where(h => host[h] < 0 && rides[h] is null && !pinned.Contains(h) && problem.Pairs[h].Length > 0)
                .OrderBy(h => m.Tier[h])
                .ThenBy(h => random?.Next() ?? 0)
                .ThenByDescending(h => m.People[h]).ThenByDescending(h => m.Households[h].NightsWithoutShelter).ThenBy(h => h).ToList();
            var more = false;
            foreach (var h in left)
            {
                if (timeUp?.Invoke() == true)
                {
                    return changed | more;
                }

                // In the search, a household may also go to a fetching host or with a spare escort, before the vehicles
                // or after them (at random); the insertion alone leaves those ways to the realiser's repair.
                var escortFirst = random is not null && random.Next(2) == 0;
                if (host[h] < 0 && (random is not null && OtherWay(h, host, rides, escort: escortFirst)
                    || Insert(h, host, trips, random)
                    || random is not null && !escortFirst && OtherWay(h, host, rides, escort: true)
                    || Replace(h, host, rides, trips, random)))
                {
                    more = true;
                }
            }

            changed |= more;
            if (!more)
            {
                break;
            }
        }

        return changed;
    }

    /// <summary>The plan with the insertion's placements and trips: each vehicle's trips numbered in time order again, the rides of everyone on them rewritten.</summary>
    private Candidate Emit(Candidate plan, int[] host, Ride?[] rides, List<Trip> trips)
    {
        // Number each vehicle's trips in time order again and rewrite the rides of everyone on them.
        var result = new List<VanTrip>();
        foreach (var group in trips.Where(t => t.Stops.Count > 0).GroupBy(t => t.Vehicle))
        {
            var number = 0;
            foreach (var trip in group.OrderBy(t => t.Depart))
            {
                trip.Number = ++number;
                var id = problem.Vehicles[trip.Vehicle].Vehicle.Id;
                var stops = new List<TripStop>();
                for (var i = 0; i < trip.Stops.Count; i++)
                {
                    var (k, households) = trip.Stops[i];
                    var ordered = households.OrderBy(x => m.Households[x].Id, StringComparer.Ordinal).ToList();
                    stops.Add(new TripStop(m.Hosts[k].Id, ordered.Select(x => m.Households[x].Id).ToList(), ordered.Sum(x => m.People[x]), problem.At(trip.Arrivals[i])));
                    foreach (var x in ordered)
                    {
                        host[x] = k;
                        rides[x] = trip.Departed ? rides[x] : new Ride(RideWay.Vehicle, problem.At(trip.Arrivals[i]), id, trip.Number);
                    }
                }

                result.Add(new VanTrip(id, trip.Number, problem.At(trip.Depart), problem.At(trip.Return), stops.Sum(s => s.People), stops));
            }
        }

        return new Candidate
        {
            Problem = problem,
            HostOf = host,
            Rides = rides,
            Trips = result.OrderBy(t => t.VanId, StringComparer.Ordinal).ThenBy(t => t.Trip).ToList(),
            DrivingMinutes = result.Sum(problem.DrivingMinutes),
            UndrivenCount = plan.UndrivenCount,
        };
    }

    /// <summary>Puts household h on a trip at one of its hosts, if some trip can take it.</summary>
    private bool Insert(int h, int[] host, List<Trip> trips, Random? random)
    {
        foreach (var k in Hosts(h, random))
        {
            if (!problem.Fits(host, k, h))
            {
                continue;
            }

            // Rule 2: a host already served by a trip is served by that stop only.
            var served = trips.FirstOrDefault(t => t.Stops.Any(s => s.K == k));
            if (served is not null)
            {
                if (!served.Departed && Passengers(served) + m.People[h] <= problem.Vehicles[served.Vehicle].Vehicle.Seats
                    && problem.CanDrive(served.Vehicle, h, k))
                {
                    served.Stops.First(s => s.K == k).Households.Add(h);
                    host[h] = k;
                    return true;
                }

                continue;
            }

            if (TryNewStop(h, k, trips))
            {
                host[h] = k;
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Household h takes the place of a stop none of whose households is of a higher priority than h's tier or agreed,
    /// and whose households of h's own tier have fewer people than h: the stop is removed, and h is inserted anywhere it
    /// then fits. Lexicographically better: tiers above h's lose nothing, h's tier gains, only lower tiers may lose.
    /// </summary>
    private bool Replace(int h, int[] host, Ride?[] rides, List<Trip> trips, Random? random)
    {
        foreach (var trip in trips.Where(t => !t.Departed).ToList())
        {
            for (var i = 0; i < trip.Stops.Count; i++)
            {
                var (k, households) = trip.Stops[i];
                if (households.Any(x => m.Tier[x] < m.Tier[h] || pinned.Contains(x))
                    || households.Where(x => m.Tier[x] == m.Tier[h]).Sum(x => m.People[x]) >= m.People[h])
                {
                    continue;
                }

                var removed = trip.Stops[i];
                var saved = (trip.Stops.ToList(), trip.Arrivals, trip.Return);
                trip.Stops.RemoveAt(i);
                if (trip.Stops.Count == 0 || Schedule(trip, trips))
                {
                    foreach (var x in removed.Households)
                    {
                        host[x] = -1;
                    }

                    if (Insert(h, host, trips, random))
                    {
                        foreach (var x in removed.Households)
                        {
                            rides[x] = null;
                        }

                        return true;
                    }

                    foreach (var x in removed.Households)
                    {
                        host[x] = k;
                    }
                }

                trip.Stops.Clear();
                trip.Stops.AddRange(saved.Item1);
                trip.Arrivals = saved.Arrivals;
                trip.Return = saved.Return;
            }
        }

        return false;
    }

    /// <summary>Household h's hosts, continuity first, then nearest (with <paramref name="random"/>: up to <see cref="Nearly"/> minutes nearer at random); <see cref="Insert"/> skips those without room.</summary>
    private IEnumerable<int> Hosts(int h, Random? random) =>
        problem.Pairs[h].OrderBy(k => m.LastHost[h] == k ? 0 : 1).ThenBy(k => problem.Drive[k] - (random?.Next(Nearly + 1) ?? 0));

    /// <summary>A new stop at k for h: inserted in a trip with seats left (the cheapest place), else a new trip in a gap.</summary>
    private bool TryNewStop(int h, int k, List<Trip> trips)
    {
        var transport = problem.File.Transport;
        (Trip Trip, int Position, int Return)? best = null;
        foreach (var trip in trips.Where(t => !t.Departed && problem.CanDrive(t.Vehicle, h, k)
            && Passengers(t) + m.People[h] <= problem.Vehicles[t.Vehicle].Vehicle.Seats && CouldReach(t, k)))
        {
            for (var position = 0; position <= trip.Stops.Count; position++)
            {
                var saved = (trip.Arrivals, trip.Return);
                trip.Stops.Insert(position, (k, [h]));
                if (Schedule(trip, trips) && (best is null || trip.Return < best.Value.Return))
                {
                    best = (trip, position, trip.Return);
                }

                trip.Stops.RemoveAt(position);
                (trip.Arrivals, trip.Return) = saved;
            }
        }

        if (best is { } found)
        {
            found.Trip.Stops.Insert(found.Position, (k, [h]));
            Schedule(found.Trip, trips);
            return true;
        }

        for (var v = 0; v < problem.Vehicles.Count; v++)
        {
            if (!problem.CanDrive(v, h, k))
            {
                continue;
            }

            // The gaps of v's evening: from its first boarding or a trip's return to the next boarding.
            var mine = trips.Where(t => t.Vehicle == v && t.Stops.Count > 0).OrderBy(t => t.Depart).ToList();
            var boards = new List<int> { Ready(v) };
            boards.AddRange(mine.Select(t => t.Return));
            foreach (var board in boards)
            {
                var trip = new Trip { Vehicle = v, Departed = false, Depart = board + transport.LoadingMinutes, Stops = [(k, [h])] };
                if (Schedule(trip, trips))
                {
                    trips.Add(trip);
                    return true;
                }
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the trip could stop at k at all, wherever in it: it reaches k no sooner than the drive from the base after
    /// its departure and is back no sooner than the stop and the drive back after that (driving minutes keep the triangle
    /// inequality), so when that misses k's window or the shift no place in the trip can do (a quick test before <see cref="Schedule"/>'s).
    /// </summary>
    private bool CouldReach(Trip trip, int k)
    {
        var arrive = Math.Max(trip.Depart + problem.Drive[k], problem.From[k]);
        return arrive <= Math.Min(problem.Until[k], problem.LatestMinute)
            && arrive + problem.File.Transport.StopMinutes + problem.Drive[k] <= problem.Vehicles[trip.Vehicle].Until;
    }

    /// <summary>
    /// Times the trip from its departure (each stop as soon as driving allows, waiting only for its window), and says
    /// whether it keeps the windows, the latest arrival, the shift, and the vehicle's other trips (boarding after a return).
    /// </summary>
    private bool Schedule(Trip trip, List<Trip> trips)
    {
        var transport = problem.File.Transport;
        var vehicle = problem.Vehicles[trip.Vehicle];
        if (problem.Schedule(trip.Depart, trip.Stops.Select(s => s.K).ToList()) is not { } scheduled)
        {
            return false;
        }

        var (arrivals, back) = scheduled;
        if (back > vehicle.Until || trip.Depart - transport.LoadingMinutes < Ready(trip.Vehicle))
        {
            return false;
        }

        foreach (var other in trips)
        {
            if (other == trip || other.Vehicle != trip.Vehicle || other.Stops.Count == 0)
            {
                continue;
            }

            // Disjoint: boarding (depart − loading) to return.
            var start = trip.Depart - transport.LoadingMinutes;
            var otherStart = other.Depart - transport.LoadingMinutes;
            if (start < other.Return && otherStart < back)
            {
                return false;
            }
        }

        trip.Arrivals = arrivals;
        trip.Return = back;
        return true;
    }

    private int Ready(int v) => problem.Ready(v, busy);

    private int Passengers(Trip trip) => trip.Stops.Sum(s => s.Households.Sum(x => m.People[x]));
}
