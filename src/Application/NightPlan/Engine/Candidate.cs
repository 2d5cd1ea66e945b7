using HostingMatch.Application.VanRuns.Planner;
using HostingMatch.Domain.Households;

namespace HostingMatch.Application.NightPlan.Engine;

/// <summary>One complete night plan under evaluation: who is brought where and how, the trips, the objective's levels.</summary>
internal sealed class Candidate
{
    public required NightPlanProblem Problem { get; init; }

    /// <summary>Per household, its host when brought, else -1.</summary>
    public required int[] HostOf { get; init; }

    /// <summary>Per household brought, its ride.</summary>
    public required Ride?[] Rides { get; init; }

    public required IReadOnlyList<VanTrip> Trips { get; init; }

    public required long DrivingMinutes { get; init; }

    /// <summary>Households the model gave a vehicle that the routing could not drive (before the repair).</summary>
    public required int UndrivenCount { get; init; }

    public long PersonArrivalMinutes
    {
        get
        {
            long sum = 0;
            for (var h = 0; h < HostOf.Length; h++)
            {
                if (Rides[h] is { } ride)
                {
                    sum += (long)Problem.Matching.People[h] * Problem.MinuteOf(ride.ArriveAt);
                }
            }

            return sum;
        }
    }

    /// <summary>Pinned households kept at their host with no way there (the fewer the better, before every level).</summary>
    public int PinnedWithoutRide => Enumerable.Range(0, HostOf.Length).Count(h => HostOf[h] >= 0 && Rides[h] is null);

    /// <summary>Whether household <paramref name="h"/> is placed and brought.</summary>
    public bool Brought(int h) => HostOf[h] >= 0 && Rides[h] is not null;

    public int[] PeoplePerTier()
    {
        var tiers = new int[Priority.LowestTier];
        for (var h = 0; h < HostOf.Length; h++)
        {
            if (Brought(h))
            {
                tiers[Problem.Matching.Tier[h] - 1] += Problem.Matching.People[h];
            }
        }

        return tiers;
    }

    /// <summary>The seven levels, each "more is better" (arrival and driving negated).</summary>
    public long[] Levels()
    {
        var tiers = PeoplePerTier();
        long waiting = 0, continuity = 0;
        for (var h = 0; h < HostOf.Length; h++)
        {
            if (Brought(h))
            {
                waiting += Problem.Matching.Households[h].NightsWithoutShelter;
                continuity += Problem.Matching.LastHost[h] == HostOf[h] ? 1 : 0;
            }
        }

        return [tiers[0], tiers[1], tiers[2], waiting, continuity, -PersonArrivalMinutes, -DrivingMinutes];
    }

    /// <summary>The seat-minutes of the households driven by a vehicle on new trips, in the model's costs.</summary>
    public long DrivenCost(TransportModel model)
    {
        long cost = 0;
        for (var h = 0; h < HostOf.Length; h++)
        {
            if (HostOf[h] >= 0 && Rides[h] is { Way: RideWay.Vehicle } && !Problem.Frozen.ContainsKey(h))
            {
                cost += model.PairCost(h, HostOf[h]);
            }
        }

        return cost;
    }

    /// <summary>This plan as a hint for the model: per household brought, its host, way and vehicle index (-1 unless on a new trip).</summary>
    public Dictionary<int, (int Host, RideWay Way, int Vehicle)> Hint()
    {
        var hint = new Dictionary<int, (int Host, RideWay Way, int Vehicle)>();
        for (var h = 0; h < HostOf.Length; h++)
        {
            if (HostOf[h] >= 0 && Rides[h] is { } ride)
            {
                var vehicle = -1;
                for (var v = 0; v < Problem.Vehicles.Count && ride.Way == RideWay.Vehicle; v++)
                {
                    vehicle = Problem.Vehicles[v].Vehicle.Id == ride.VehicleId ? v : vehicle;
                }

                hint[h] = (HostOf[h], ride.Way, vehicle);
            }
        }

        return hint;
    }

    /// <summary>This plan's new trips (not in <paramref name="departed"/>) as the exact model's slots, each vehicle's in time order.</summary>
    public List<SlotTrip> SlotTrips(IReadOnlySet<(string VanId, int Trip)> departed, int loadingMinutes)
    {
        var m = Problem.Matching;
        var hostIndex = Enumerable.Range(0, m.Hosts.Count).ToDictionary(k => m.Hosts[k].Id, StringComparer.Ordinal);
        var householdIndex = Enumerable.Range(0, m.Households.Count).ToDictionary(h => m.Households[h].Id, StringComparer.Ordinal);
        var vehicleIndex = Enumerable.Range(0, Problem.Vehicles.Count).ToDictionary(v => Problem.Vehicles[v].Vehicle.Id, StringComparer.Ordinal);
        return Trips.Where(t => !departed.Contains((t.VanId, t.Trip)))
            .OrderBy(t => vehicleIndex[t.VanId]).ThenBy(t => t.DepartAt.ToInstant())
            .Select(t => new SlotTrip(vehicleIndex[t.VanId], Problem.MinuteOf(t.DepartAt) - loadingMinutes, Problem.MinuteOf(t.ReturnAt),
                t.Stops.Select(s => new SlotStop(hostIndex[s.HostId], s.HouseholdIds.Select(id => householdIndex[id]).ToList(), Problem.MinuteOf(s.ArriveAt))).ToList()))
            .ToList();
    }

    public static bool Better(Candidate a, Candidate b)
    {
        if (a.PinnedWithoutRide != b.PinnedWithoutRide)
        {
            return a.PinnedWithoutRide < b.PinnedWithoutRide;
        }

        var x = a.Levels();
        var y = b.Levels();
        for (var i = 0; i < x.Length; i++)
        {
            if (x[i] != y[i])
            {
                return x[i] > y[i];
            }
        }

        return false;
    }

    /// <summary>Lexicographic comparison of people per tier.</summary>
    public static int CompareTiers(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        for (var i = 0; i < a.Count; i++)
        {
            if (a[i] != b[i])
            {
                return a[i].CompareTo(b[i]);
            }
        }

        return 0;
    }
}
