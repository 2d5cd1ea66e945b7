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
/// each stop and back and through each pair of its stops.
/// </summary>
internal sealed class TripSlots
{
    /// <summary>One trip slot of one vehicle: its variables, hosts by the vehicle's host index.</summary>
    public sealed record Slot(IntVar Start, IntVar End, BoolVar Used, IntVar Tour, BoolVar[] Stops, IntVar[] Arrive, Dictionary<(int I, int I2), BoolVar> Order, Dictionary<int, BoolVar> Rides);

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
                size += SlotCount(problem, hosts, readyOf(v), problem.Vehicles[v].Until) * (long)hosts.Length * (hosts.Length - 1) / 2;
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

            var slots = new List<Slot>();
            var ridesOf = mine.ToDictionary(p => p, _ => new List<BoolVar>());
            for (var j = 0; j < SlotCount(problem, hosts, ready, until); j++)
            {
                var a = model.NewIntVar(ready, Math.Max(ready, until), $"a{v}_{j}");
                var b = model.NewIntVar(ready, Math.Max(ready, until), $"b{v}_{j}");
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
                    var latest = Math.Max(problem.From[k], Math.Min(problem.Until[k], problem.LatestMinute));
                    arrive[i] = model.NewIntVar(problem.From[k], latest, $"t{k}_{v}_{j}");
                    model.Add(arrive[i] >= a + loading + d).OnlyEnforceIf(stop);
                    model.Add(b >= arrive[i] + stopMinutes + d).OnlyEnforceIf(stop);
                    model.Add(tour >= 2 * d).OnlyEnforceIf(stop);
                }

                var order = new Dictionary<(int I, int I2), BoolVar>();
                for (var i = 0; i < hosts.Length; i++)
                {
                    for (var i2 = i + 1; i2 < hosts.Length; i2++)
                    {
                        var first = order[(i, i2)] = model.NewBoolVar($"o{i}_{i2}_{v}_{j}");
                        model.Add(arrive[i2] >= arrive[i] + stopMinutes + travel[i, i2]).OnlyEnforceIf([stops[i], stops[i2], first]);
                        model.Add(arrive[i] >= arrive[i2] + stopMinutes + travel[i2, i]).OnlyEnforceIf([stops[i], stops[i2], first.Not()]);
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
                slots.Add(new Slot(a, b, used, tour, stops, arrive, order, rides));
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

    /// <summary>
    /// At most how many trips the vehicle can make: each lasts at least loading, one stop and the round trip to the
    /// nearest host it can drive to, inside <c>[ready, until]</c>.
    /// </summary>
    private static int SlotCount(NightPlanProblem problem, int[] hosts, int ready, int until)
    {
        var transport = problem.File.Transport;
        var shortest = transport.LoadingMinutes + transport.StopMinutes + (2 * hosts.Min(k => problem.Drive[k]));
        return Math.Max(0, until - ready) / Math.Max(1, shortest);
    }
}
