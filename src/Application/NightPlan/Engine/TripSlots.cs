using Google.OrTools.Sat;

namespace HostingMatch.Application.NightPlan.Engine;

/// <summary>
/// The vehicles' trips as slots in the CP-SAT model of <see cref="TransportModel"/>: an exact model of the rides
/// (van-runs.md rules 1-5 within each shift, transport.md rule 3), so that its solutions are night plans and its bound
/// bounds every plan. Per vehicle v and trip j (its trips numbered in time order, used ones first): <c>y</c>, a driven
/// household rides it; <c>stop</c>, it stops at a host; <c>a</c>, its boarding starts (at or after the vehicle's ready
/// minute and the previous trip's return); <c>b</c>, it is back (by the end of the shift); <c>arrive</c>, per host, its
/// arrival there, inside the host's window, at least loading and the drive out after <c>a</c> and at least the stop
/// and the drive back before <c>b</c>; and for two stops of one trip one order or the other with the stop and the drive
/// between them kept (driving minutes keep the triangle inequality, rounding up included, so these pairwise orders
/// are exactly the timings of some order of the stops). Seats per trip (rule 1); a host's driven households on one trip
/// (rule 2). Redundant rows that tighten the relaxation: a trip lasts at least loading, its stops, and a tour out to
/// each stop and back and through each pair of its stops; two hosts that no trip can visit together (too many people,
/// or neither order keeps both windows and the shift) exclude each other; trip j boards no sooner than after j trips to
/// distinct hosts (<see cref="SlotStarts"/>). Each holds for every plan.
/// </summary>
internal sealed class TripSlots
{
    /// <summary>One trip slot of one vehicle: its variables, hosts by the vehicle's host index.</summary>
    public sealed record Slot(int Earliest, IntVar Start, IntVar End, BoolVar Used, IntVar Tour, BoolVar[] Stops, IntVar[] Arrive, Dictionary<(int I, int I2), BoolVar> Order, Dictionary<int, BoolVar> Rides);

    /// <summary>Per vehicle: the hosts it can drive someone to (by host index), and its slots.</summary>
    public sealed record VehicleSlots(int Vehicle, int Ready, int[] Hosts, IReadOnlyList<Slot> Slots);

    public IReadOnlyList<VehicleSlots> Vehicles { get; }

    private TripSlots(IReadOnlyList<VehicleSlots> vehicles) => Vehicles = vehicles;

    /// <summary>
    /// The number of ordering literals the model would have: Σ over vehicles of slots × pairs of hosts. The model's
    /// size grows with it; <see cref="NightPlanner"/> builds it only below a limit.
    /// </summary>
    public static long Size(NightPlanProblem problem, IReadOnlyList<(int H, int K)> pairs, IReadOnlyList<int>[] drivers, Func<int, int> readyOf)
    {
        long size = 0;
        for (var v = 0; v < problem.Vehicles.Count; v++)
        {
            var hosts = Enumerable.Range(0, pairs.Count).Where(p => drivers[p].Contains(v)).Select(p => pairs[p].K).Distinct().ToArray();
            if (hosts.Length > 0)
            {
                size += SlotStarts(problem, hosts, readyOf(v), problem.Vehicles[v].Until).Count * (long)hosts.Length * (hosts.Length - 1) / 2;
            }
        }

        return size;
    }

    /// <remarks><c>readyOf</c>: per vehicle, its ready minute (its own, or later when it is out on a departed trip).</remarks>
    public static TripSlots Add(CpModel model, NightPlanProblem problem, IReadOnlyList<(int H, int K)> pairs, IReadOnlyList<int>[] drivers,
        IReadOnlyDictionary<(int P, int V), BoolVar> zv, Func<int, int> readyOf)
    {
        var transport = problem.File.Transport;
        long loading = transport.LoadingMinutes, stopMinutes = transport.StopMinutes;
        var stopsOfHost = new Dictionary<int, List<BoolVar>>();
        var result = new List<VehicleSlots>();
        for (var v = 0; v < problem.Vehicles.Count; v++)
        {
            var vehicle = problem.Vehicles[v];
            var mine = Enumerable.Range(0, pairs.Count).Where(p => drivers[p].Contains(v)).ToArray();
            if (mine.Length == 0)
            {
                continue;
            }

            int ready = readyOf(v), until = vehicle.Until;
            long seats = vehicle.Vehicle.Seats;
            var hosts = mine.Select(p => pairs[p].K).Distinct().Order().ToArray();
            var hostAt = hosts.Select((k, i) => (k, i)).ToDictionary(x => x.k, x => x.i);
            var travel = new int[hosts.Length, hosts.Length];
            for (var i = 0; i < hosts.Length; i++)
            {
                for (var i2 = 0; i2 < hosts.Length; i2++)
                {
                    travel[i, i2] = transport.Rules.Minutes(problem.Matching.Hosts[hosts[i]].Location, problem.Matching.Hosts[hosts[i2]].Location);
                }
            }

            // Whether a trip can stop at the i-th host and then at the i2-th, both in their windows, and be back in time.
            bool Together(int i, int i2)
            {
                int k = hosts[i], k2 = hosts[i2];
                var first = Math.Max(problem.From[k], ready + (int)loading + problem.Drive[k]);
                var second = Math.Max(problem.From[k2], first + (int)stopMinutes + travel[i, i2]);
                return first <= Math.Min(problem.Until[k], problem.LatestMinute) && second <= Math.Min(problem.Until[k2], problem.LatestMinute)
                    && second + stopMinutes + problem.Drive[k2] <= until;
            }

            var slots = new List<Slot>();
            var ridesOf = mine.ToDictionary(p => p, _ => new List<BoolVar>());
            var starts = SlotStarts(problem, hosts, ready, until);
            var fewest = hosts.ToDictionary(k => k, k => mine.Where(p => pairs[p].K == k).Min(p => problem.Matching.People[pairs[p].H]));
            for (var j = 0; j < starts.Count; j++)
            {
                var a = model.NewIntVar(starts[j], until, $"a{v}_{j}");
                var b = model.NewIntVar(starts[j], until, $"b{v}_{j}");
                var used = model.NewBoolVar($"u{v}_{j}");
                var tour = model.NewIntVar(0, Math.Max(0, until - ready), $"tour{v}_{j}");
                if (slots.Count > 0)
                {
                    // Rule 4: the next boarding starts when the previous trip is back; used trips first.
                    model.Add(a >= slots[^1].End);
                    model.AddImplication(used, slots[^1].Used);
                }

                var rides = new Dictionary<int, BoolVar>();
                var atHost = hosts.Select(_ => new List<BoolVar>()).ToArray();
                foreach (var p in mine)
                {
                    var y = rides[p] = model.NewBoolVar($"y{p}_{v}_{j}");
                    ridesOf[p].Add(y);
                    atHost[hostAt[pairs[p].K]].Add(y);
                }

                var stops = new BoolVar[hosts.Length];
                var arrive = new IntVar[hosts.Length];
                for (var i = 0; i < hosts.Length; i++)
                {
                    var k = hosts[i];
                    long d = problem.Drive[k];
                    var stop = stops[i] = model.NewBoolVar($"s{k}_{v}_{j}");
                    foreach (var y in atHost[i])
                    {
                        model.AddImplication(y, stop);
                    }

                    model.Add(LinearExpr.Sum(atHost[i]) >= stop);
                    model.AddImplication(stop, used);
                    if (!stopsOfHost.TryGetValue(k, out var list))
                    {
                        stopsOfHost[k] = list = [];
                    }

                    list.Add(stop);
                    arrive[i] = model.NewIntVar(problem.From[k], LatestArrival(problem, k), $"t{k}_{v}_{j}");
                    model.Add(arrive[i] >= a + loading + d).OnlyEnforceIf(stop);
                    model.Add(b >= arrive[i] + stopMinutes + d).OnlyEnforceIf(stop);
                    model.Add(tour >= 2 * d).OnlyEnforceIf(stop);
                }

                var order = new Dictionary<(int I, int I2), BoolVar>();
                for (var i = 0; i < hosts.Length; i++)
                {
                    for (var i2 = i + 1; i2 < hosts.Length; i2++)
                    {
                        // Two stops that no trip can make together (too many people, or neither order keeps the windows
                        // and the shift) exclude each other; when one order only can, it needs no literal.
                        var forward = Together(i, i2);
                        var backward = Together(i2, i);
                        if (!forward && !backward || fewest[hosts[i]] + fewest[hosts[i2]] > seats)
                        {
                            model.AddBoolOr([stops[i].Not(), stops[i2].Not()]);
                            continue;
                        }

                        if (forward && backward)
                        {
                            var first = order[(i, i2)] = model.NewBoolVar($"o{i}_{i2}_{v}_{j}");
                            model.Add(arrive[i2] >= arrive[i] + stopMinutes + travel[i, i2]).OnlyEnforceIf([stops[i], stops[i2], first]);
                            model.Add(arrive[i] >= arrive[i2] + stopMinutes + travel[i2, i]).OnlyEnforceIf([stops[i], stops[i2], first.Not()]);
                        }
                        else if (forward)
                        {
                            model.Add(arrive[i2] >= arrive[i] + stopMinutes + travel[i, i2]).OnlyEnforceIf([stops[i], stops[i2]]);
                        }
                        else
                        {
                            model.Add(arrive[i] >= arrive[i2] + stopMinutes + travel[i2, i]).OnlyEnforceIf([stops[i], stops[i2]]);
                        }

                        long di = problem.Drive[hosts[i]], d2 = problem.Drive[hosts[i2]];
                        var through = di + travel[i, i2] + d2;
                        if (through > 2 * Math.Max(di, d2))
                        {
                            model.Add(tour >= through).OnlyEnforceIf([stops[i], stops[i2]]);
                        }
                    }
                }

                model.Add(LinearExpr.WeightedSum(rides.Values, rides.Keys.Select(p => (long)problem.Matching.People[pairs[p].H])) <= seats);
                model.Add(b - a >= (loading * used) + (stopMinutes * LinearExpr.Sum(stops)) + tour);
                model.Add(LinearExpr.Sum(stops) >= used);
                slots.Add(new Slot(starts[j], a, b, used, tour, stops, arrive, order, rides));
            }

            foreach (var p in mine)
            {
                model.Add(LinearExpr.Sum(ridesOf[p]) == zv[(p, v)]);
            }

            result.Add(new VehicleSlots(v, ready, hosts, slots));
        }

        // Rule 2: all the households the vehicles bring to one host travel on the same trip.
        foreach (var list in stopsOfHost.Values.Where(l => l.Count > 1))
        {
            model.AddAtMostOne(list);
        }

        return new TripSlots(result);
    }

    /// <summary>The latest minute a slot's arrival at host k may take: its window's end, or the evening's latest arrival.</summary>
    public static int LatestArrival(NightPlanProblem problem, int k) => Math.Max(problem.From[k], Math.Min(problem.Until[k], problem.LatestMinute));

    /// <summary>
    /// The earliest boarding start of each trip the vehicle can make: trip j starts after j earlier trips, which stop at
    /// distinct hosts (rule 2 keeps a host's households on one trip) and each last at least loading, a stop and the round
    /// trip to one of its hosts; so after the j smallest such lengths over distinct hosts. A trip fits while it can
    /// itself still be made before <c>until</c>.
    /// </summary>
    private static List<int> SlotStarts(NightPlanProblem problem, int[] hosts, int ready, int until)
    {
        var transport = problem.File.Transport;
        var lengths = hosts.Select(k => transport.LoadingMinutes + transport.StopMinutes + (2 * problem.Drive[k])).Order().ToList();
        var starts = new List<int>();
        var start = ready;
        foreach (var length in lengths)
        {
            if (start + length > until)
            {
                break;
            }

            starts.Add(start);
            start += length;
        }

        return starts;
    }
}
