using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.VanRuns.Planner;
using HostingMatch.Domain.Households;

namespace HostingMatch.Application.NightPlan.Engine;

/// <summary>
/// Turns a choice of hosts (and, from the model, of ways) into a complete night plan: the vehicles' trips by the
/// van planner, then a repair (a household the vehicles could not take goes with a spare escort, or to a fetching
/// host with room, when it can), and at last the plan with its rides and reasons. A pinned household (a placement already
/// agreed) keeps its host whatever happens: it is routed first when sharing the vehicles would leave it behind, and one no
/// way brings after all stays at its host without a ride (its beds stay taken), said apart in the plan.
/// </summary>
/// <remarks><c>pinned</c>: Households whose host is agreed already, by index (departed ones included).</remarks>
internal sealed class Realiser(
    NightPlanProblem problem, IReadOnlyList<VanTrip> departed, IReadOnlyDictionary<int, Ride> frozenRides, (int Ready, int TripsDone)?[] busy,
    IReadOnlySet<int> pinned)
{
    private readonly MatchingProblem m = problem.Matching;

    /// <remarks><c>hostOf</c>: Per household its host, -1 when unplaced.</remarks>
    /// <remarks><c>ways</c>: Per household its way (the model's choice), or null to choose: fetching host, then escorts, then vehicles.</remarks>
    /// <remarks><c>routingTime</c>: each vehicle's routing search; <c>limit</c>: what is left of the night plan's time (<see cref="VehicleRouting.Route"/>).</remarks>
    public Candidate Realise(int[] hostOf, RideWay?[]? ways, TimeSpan routingTime, TimeSpan limit)
    {
        var n = hostOf.Length;
        var host = (int[])hostOf.Clone();
        var way = ways is null ? ChooseWays(host) : (RideWay?[])ways.Clone();
        for (var h = 0; h < n; h++)
        {
            if (problem.Frozen.ContainsKey(h))
            {
                way[h] = RideWay.Vehicle;
            }
        }

        var toDrive = new Dictionary<int, int>();
        for (var h = 0; h < n; h++)
        {
            if (host[h] >= 0 && way[h] == RideWay.Vehicle && !problem.Frozen.ContainsKey(h))
            {
                toDrive[h] = host[h];
            }
        }

        var routed = Route(toDrive, routingTime, limit);
        var rides = new Ride?[n];
        foreach (var (h, ride) in frozenRides)
        {
            rides[h] = ride;
        }

        foreach (var trip in routed.Trips)
        {
            foreach (var stop in trip.Stops)
            {
                foreach (var id in stop.HouseholdIds)
                {
                    var h = IndexOf(id);
                    rides[h] = new Ride(RideWay.Vehicle, stop.ArriveAt, trip.VanId, trip.Trip);
                }
            }
        }

        var escortsLeft = problem.File.Transport.PublicTransport.Escorts;
        for (var h = 0; h < n; h++)
        {
            if (host[h] >= 0 && rides[h] is null)
            {
                rides[h] = ChosenRide(h, host[h], way[h], ref escortsLeft);
            }
        }

        var undriven = toDrive.Keys.Count(h => !routed.Delivered.Contains(h));

        // A pinned household left without a ride keeps its host: a spare escort, or its host fetches, if that can be;
        // otherwise it stays there without a ride, its beds taken, for a coordinator to arrange.
        foreach (var h in Enumerable.Range(0, n).Where(h => rides[h] is null && host[h] >= 0 && pinned.Contains(h)))
        {
            rides[h] = SpareRide(h, host[h], ref escortsLeft);
        }

        // The repair: households without a ride, priority first, take a spare escort to their host or any fetching host
        // with room; otherwise they are not placed (transport.md rule 2).
        var order = Enumerable.Range(0, n).Where(h => rides[h] is null && !pinned.Contains(h))
            .OrderBy(h => m.Tier[h]).ThenByDescending(h => m.People[h]).ThenByDescending(h => m.Households[h].NightsWithoutShelter).ThenBy(h => h).ToList();
        foreach (var h in order)
        {
            host[h] = -1;
        }

        foreach (var h in order)
        {
            var wanted = hostOf[h];
            var options = problem.Pairs[h].OrderBy(k => k == wanted ? 0 : 1).ThenBy(k => m.LastHost[h] == k ? 0 : 1).ThenBy(k => m.Travel[k]);
            foreach (var k in options)
            {
                var transit = escortsLeft > 0 && problem.CanTransit(h, k);
                if (!(problem.CanFetch(k) || transit) || !problem.Fits(host, k, h))
                {
                    continue;
                }

                host[h] = k;
                if (problem.CanFetch(k))
                {
                    rides[h] = problem.FetchRide(k);
                }
                else
                {
                    rides[h] = problem.TransitRide(k);
                    escortsLeft--;
                }

                break;
            }
        }

        var trips = departed.Concat(routed.Trips);
        return new Candidate
        {
            Problem = problem,
            HostOf = host,
            Rides = rides,
            Trips = trips.OrderBy(t => t.VanId, StringComparer.Ordinal).ThenBy(t => t.Trip).ToList(),
            DrivingMinutes = routed.DrivingMinutes + departed.Sum(problem.DrivingMinutes),
            UndrivenCount = undriven,
        };
    }

    /// <summary>
    /// The plan of the exact model's solution (<see cref="TransportModel.SolveExact"/>): its trips re-timed at the
    /// earliest from each vehicle's ready minute (arriving as soon as driving allows, waiting only for a window, leaving
    /// the base as late as the first arrival allows), the fetching hosts and escorts as chosen. Null when a trip breaks
    /// a rule once re-timed, or a household given a vehicle is on no trip: a bug in the model, never kept.
    /// </summary>
    /// <remarks><c>pins</c>: the agreed households and their hosts. One the solution left out keeps its host, with a ride if
    /// its host fetches or an escort is spare, else without one (as <see cref="Realise"/> keeps it).</remarks>
    public Candidate? FromTrips(int[] hostOf, RideWay?[] ways, IReadOnlyList<SlotTrip> trips, IReadOnlyDictionary<int, int> pins)
    {
        var n = hostOf.Length;
        var host = (int[])hostOf.Clone();
        var rides = new Ride?[n];
        foreach (var (h, ride) in frozenRides)
        {
            rides[h] = ride;
        }

        var transport = problem.File.Transport;
        var result = new List<VanTrip>();

        // Rule 2: a host already reached by a departed trip gets no new stop (its households travelled together).
        if (trips.Any(t => t.Stops.Any(s => problem.ReachedByDepartedTrip.Contains(s.Host))))
        {
            return null;
        }

        foreach (var group in trips.GroupBy(t => t.Vehicle))
        {
            var v = group.Key;
            var vehicle = problem.Vehicles[v];
            var ready = problem.Ready(v, busy);
            var number = busy[v]?.TripsDone ?? 0;
            foreach (var trip in group)
            {
                if (trip.Stops.Count == 0 || trip.Stops.Sum(s => s.Households.Sum(h => m.People[h])) > vehicle.Vehicle.Seats)
                {
                    return null;
                }

                if (problem.Schedule(ready + transport.LoadingMinutes, trip.Stops.Select(s => s.Host).ToList()) is not { } scheduled
                    || scheduled.Return > vehicle.Until)
                {
                    return null;
                }

                var (arrivals, returnAt) = scheduled;

                number++;
                var stops = new List<TripStop>();
                for (var i = 0; i < trip.Stops.Count; i++)
                {
                    var stop = trip.Stops[i];
                    var ordered = stop.Households.OrderBy(h => m.Households[h].Id, StringComparer.Ordinal).ToList();
                    foreach (var h in ordered)
                    {
                        host[h] = stop.Host;
                        rides[h] = new Ride(RideWay.Vehicle, problem.At(arrivals[i]), vehicle.Vehicle.Id, number);
                    }

                    stops.Add(new TripStop(m.Hosts[stop.Host].Id, ordered.Select(h => m.Households[h].Id).ToList(), ordered.Sum(h => m.People[h]), problem.At(arrivals[i])));
                }

                var departAt = arrivals[0] - problem.Drive[trip.Stops[0].Host];
                result.Add(new VanTrip(vehicle.Vehicle.Id, number, problem.At(departAt), problem.At(returnAt), stops.Sum(s => s.People), stops));
                ready = returnAt;
            }
        }

        var escortsLeft = transport.PublicTransport.Escorts;
        var left = new List<int>();
        for (var h = 0; h < n; h++)
        {
            if (pins.TryGetValue(h, out var pin) && (host[h] != pin || ways[h] is null) && rides[h] is null)
            {
                host[h] = pin;
                left.Add(h);
                continue;
            }

            if (host[h] >= 0 && rides[h] is null && (rides[h] = ChosenRide(h, host[h], ways[h], ref escortsLeft)) is null)
            {
                return null;
            }
        }

        foreach (var h in left)
        {
            // The solution may have given a left-out agreed household's beds to others (the bound's model frees them).
            if (!problem.Fits(host, host[h], h))
            {
                return null;
            }

            rides[h] = SpareRide(h, host[h], ref escortsLeft);
        }

        return new Candidate
        {
            Problem = problem,
            HostOf = host,
            Rides = rides,
            Trips = departed.Concat(result).OrderBy(t => t.VanId, StringComparer.Ordinal).ThenBy(t => t.Trip).ToList(),
            DrivingMinutes = result.Concat(departed).Sum(problem.DrivingMinutes),
            UndrivenCount = 0,
        };
    }

    /// <summary>The sequential plan's ways: the host fetches if it can; the escorts go to the households the vehicles could not take, then priority first; the rest by vehicle.</summary>
    private RideWay?[] ChooseWays(int[] host)
    {
        var way = new RideWay?[host.Length];
        for (var h = 0; h < host.Length; h++)
        {
            if (host[h] >= 0)
            {
                way[h] = problem.CanFetch(host[h]) ? RideWay.HostFetches : problem.CanDrive(h, host[h]) ? RideWay.Vehicle : null;
            }
        }

        var escorted = Enumerable.Range(0, host.Length)
            .Where(h => host[h] >= 0 && way[h] != RideWay.HostFetches && problem.CanTransit(h, host[h]))
            .OrderBy(h => way[h] is null ? 0 : 1).ThenBy(h => pinned.Contains(h) ? 0 : 1).ThenBy(h => m.Tier[h]).ThenByDescending(h => m.People[h]).ThenByDescending(h => problem.Drive[host[h]]).ThenBy(h => h)
            .Take(problem.File.Transport.PublicTransport.Escorts);
        foreach (var h in escorted)
        {
            way[h] = RideWay.PublicTransport;
        }

        return way;
    }

    /// <summary>
    /// The vehicles' trips for <paramref name="toDrive"/>: all together; when that leaves a pinned household behind, the
    /// pinned ones first on trips of their own and the others after them, whichever drives more of the pinned.
    /// </summary>
    private VehicleRouting.Result Route(Dictionary<int, int> toDrive, TimeSpan routingTime, TimeSpan limit)
    {
        if (toDrive.Count == 0)
        {
            return new VehicleRouting.Result([], [], 0);
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        var together = VehicleRouting.Route(problem, toDrive, busy, routingTime, limit);
        var pins = toDrive.Where(p => pinned.Contains(p.Key)).ToDictionary();
        if (pins.Keys.All(together.Delivered.Contains))
        {
            return together;
        }

        // The agreed households first, with the others bound for the same hosts (rule 2: a host's guests travel on one
        // trip, so no later routing may stop there again); then the rest after them.
        var pinnedHosts = pins.Values.ToHashSet();
        var first = VehicleRouting.Route(problem, toDrive.Where(p => pinnedHosts.Contains(p.Value)).ToDictionary(), busy, routingTime, limit - clock.Elapsed);
        var after = ((int Ready, int TripsDone)?[])busy.Clone();
        foreach (var trip in first.Trips)
        {
            var v = problem.Vehicles.Select((vehicle, i) => (vehicle, i)).First(x => x.vehicle.Vehicle.Id == trip.VanId).i;
            var back = problem.MinuteOf(trip.ReturnAt);
            after[v] = NightPlanProblem.AfterTrip(after[v], back, trip.Trip);
        }

        var rest = toDrive.Where(p => !pinnedHosts.Contains(p.Value)).ToDictionary();
        var then = rest.Count == 0 ? new VehicleRouting.Result([], [], 0) : VehicleRouting.Route(problem, rest, after, routingTime, limit - clock.Elapsed);
        var pinsFirst = new VehicleRouting.Result([.. first.Trips, .. then.Trips], [.. first.Delivered, .. then.Delivered],
            first.DrivingMinutes + then.DrivingMinutes);
        return pins.Keys.Count(pinsFirst.Delivered.Contains) > pins.Keys.Count(together.Delivered.Contains) ? pinsFirst : together;
    }

    /// <summary>The ride by the way chosen for household h to host k, when it can be had (public transport spends an escort); null otherwise.</summary>
    private Ride? ChosenRide(int h, int k, RideWay? way, ref int escortsLeft)
    {
        if (way == RideWay.HostFetches && problem.CanFetch(k))
        {
            return problem.FetchRide(k);
        }

        if (way == RideWay.PublicTransport && problem.CanTransit(h, k) && escortsLeft > 0)
        {
            escortsLeft--;
            return problem.TransitRide(k);
        }

        return null;
    }

    /// <summary>A ride for an agreed household left without one: its host fetches, else a spare escort; null when neither can be.</summary>
    private Ride? SpareRide(int h, int k, ref int escortsLeft) =>
        ChosenRide(h, k, problem.CanFetch(k) ? RideWay.HostFetches : RideWay.PublicTransport, ref escortsLeft);

    private int IndexOf(string householdId)
    {
        for (var h = 0; h < m.Households.Count; h++)
        {
            if (m.Households[h].Id == householdId)
            {
                return h;
            }
        }

        throw new InvalidOperationException($"Unknown household '{householdId}'.");
    }

    /// <summary>The plan of a candidate, with the reasons of everyone left out.</summary>
    public NightPlan Build(Candidate best, int[] upperBound, int[] sequential, bool optimal, long solveMilliseconds)
    {
        var placements = new List<NightPlacement>();
        var unplaced = new List<NightUnplaced>();
        var withoutRide = new List<NightPinnedWithoutRide>();
        var placedPeople = new int[Priority.LowestTier];
        var unplacedPeople = new int[Priority.LowestTier];
        long waiting = 0, travel = 0;
        var continuity = 0;
        ILookup<int, int>? guests = null;
        for (var h = 0; h < best.HostOf.Length; h++)
        {
            var k = best.HostOf[h];
            var tier = m.Tier[h];
            if (k >= 0 && best.Rides[h] is null)
            {
                withoutRide.Add(new NightPinnedWithoutRide(m.Households[h].Id, m.Hosts[k].Id, m.People[h], tier));
            }
            else if (k >= 0)
            {
                placements.Add(new NightPlacement(m.Households[h].Id, m.Hosts[k].Id, m.People[h], tier, m.Travel[k], best.Rides[h]!));
                placedPeople[tier - 1] += m.People[h];
                waiting += m.Households[h].NightsWithoutShelter;
                continuity += m.LastHost[h] == k ? 1 : 0;
                travel += m.Travel[k];
            }
            else
            {
                guests ??= Enumerable.Range(0, best.HostOf.Length).Where(o => best.HostOf[o] >= 0).ToLookup(o => best.HostOf[o]);
                var (reason, detail) = NightPlanReasons.Explain(problem, best, guests, h);
                unplaced.Add(new NightUnplaced(m.Households[h].Id, tier, reason, detail));
                unplacedPeople[tier - 1] += m.People[h];
            }
        }

        return new NightPlan(
            problem.File.Night.Night,
            optimal,
            placements.OrderBy(p => p.HouseholdId, StringComparer.Ordinal).ToList(),
            unplaced.OrderBy(u => u.HouseholdId, StringComparer.Ordinal).ToList(),
            best.Trips,
            withoutRide.OrderBy(u => u.HouseholdId, StringComparer.Ordinal).ToList(),
            new NightPlanSummary(placedPeople, unplacedPeople, waiting, continuity, travel, upperBound, sequential,
                best.PersonArrivalMinutes, best.DrivingMinutes, solveMilliseconds));
    }
}
