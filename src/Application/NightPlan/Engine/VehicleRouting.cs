using HostingMatch.Application.VanRuns.Planner;
using NodaTime;

namespace HostingMatch.Application.NightPlan.Engine;

/// <summary>
/// The vehicles' trips for households already given a host, by the van planner (van-runs.md rules 1-5, OR-Tools
/// routing), one vehicle after the other, largest capacity first: each vehicle gets the stops the earlier ones left. A
/// vehicle free before <c>firstDeparture</c> leaves from its <c>availableFrom</c> (transport.md: van-runs.md rule 4 with
/// <c>firstDeparture</c> replaced by it), so its runs file starts there; the stops' windows are given explicitly.
/// A vehicle's shift is kept exactly through the stops' windows: a stop is closed to a vehicle from
/// <c>availableUntil − stopMinutes − drive back</c>, which is exactly "back at the base by <c>availableUntil</c>" for the
/// last stop of a trip and is implied for the others (driving times keep the triangle inequality, rounding up included).
/// </summary>
internal static class VehicleRouting
{
    public sealed record Result(List<VanTrip> Trips, HashSet<int> Delivered, long DrivingMinutes);

    /// <remarks><c>hostOf</c>: Households to drive, to their host.</remarks>
    /// <remarks><c>busy</c>: Per vehicle index, when it is back from a departed trip and how many trips it made; null: free.</remarks>
    /// <remarks><c>perVehicle</c>: each vehicle's routing search.</remarks>
    /// <remarks><c>limit</c>: what is left of the night plan's time: no vehicle's search has more than an even share of it
    /// among the vehicles still to route (but at least 30 ms), and the vehicles not reached when it is spent get no stops
    /// (a night of a hundred vehicles took twice its limit).</remarks>
    public static Result Route(NightPlanProblem problem, IReadOnlyDictionary<int, int> hostOf, (int Ready, int TripsDone)?[] busy, TimeSpan perVehicle,
        TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var file = problem.File;
        var transport = file.Transport;
        var left = new Dictionary<int, int>(hostOf);
        var trips = new List<VanTrip>();
        var delivered = new HashSet<int>();
        long driving = 0;
        var order = Enumerable.Range(0, problem.Vehicles.Count)
            .OrderByDescending(v => (long)problem.Vehicles[v].Vehicle.Seats * Math.Max(0, problem.Vehicles[v].Until - problem.Ready(v, busy)))
            .ThenBy(v => v).ToList();
        for (var n = 0; n < order.Count && clock.Elapsed < limit; n++)
        {
            var v = order[n];
            var vehicle = problem.Vehicles[v];
            var ready = problem.Ready(v, busy);
            var stops = new List<RunStop>();
            foreach (var group in left.GroupBy(p => p.Value).OrderBy(g => g.Key))
            {
                var k = group.Key;
                var host = problem.Matching.Hosts[k];
                var households = group.Select(p => p.Key).Order().ToList();
                var people = households.Sum(h => problem.Matching.People[h]);
                var until = Math.Min(problem.Until[k], vehicle.Until - transport.StopMinutes - problem.Drive[k]);
                if (people > vehicle.Vehicle.Seats || until < problem.From[k] || until < 0)
                {
                    continue;
                }

                stops.Add(new RunStop(host.Id, host.Location, Clock(problem, problem.From[k]), Clock(problem, until),
                    households.Select(h => new RunHousehold(problem.Matching.Households[h].Id, problem.Matching.People[h])).ToList()));
            }

            if (stops.Count == 0)
            {
                continue;
            }

            var runs = new RunsFile(file.Night.Night, RunsFile.SupportedTimeZone, new VanRuns.Planner.RunsBase(file.Night.Base.Name ?? "base", file.Night.Base.Location),
                transport.Rules, [new RunsVan(vehicle.Vehicle.Id, vehicle.Vehicle.Seats)], ready < 0 ? Clock(problem, ready) : transport.FirstDeparture, transport.LatestArrival,
                transport.LoadingMinutes, transport.StopMinutes, stops);
            var options = new VanPlannerOptions
            {
                TimeLimit = Share(perVehicle, (limit - clock.Elapsed) / (order.Count - n)),
                SolutionLimit = SolutionLimit,
                VanAvailability = new Dictionary<string, VanAvailability>
                {
                    [vehicle.Vehicle.Id] = new(problem.At(ready).ToInstant(), busy[v]?.TripsDone ?? 0),
                },
            };
            var plan = VanPlanner.Plan(runs, options);
            driving += plan.Summary.DrivingMinutes;
            trips.AddRange(plan.Trips);
            foreach (var stop in plan.Trips.SelectMany(t => t.Stops))
            {
                foreach (var id in stop.HouseholdIds)
                {
                    var h = IndexOf(problem, id);
                    delivered.Add(h);
                    left.Remove(h);
                }
            }
        }

        return new Result(trips, delivered, driving);
    }

    /// <summary>One vehicle's routing search: <paramref name="perVehicle"/>, at most <paramref name="share"/> but at least <see cref="Least"/>.</summary>
    private static TimeSpan Share(TimeSpan perVehicle, TimeSpan share) => perVehicle < share ? perVehicle : share > Least ? share : Least;

    /// <summary>The shortest routing search given to a vehicle.</summary>
    private static readonly TimeSpan Least = TimeSpan.FromMilliseconds(30);

    /// <summary>Caps each routing search so that a small evening does not spend its whole time limit (guided local search never stops on its own).</summary>
    private const long SolutionLimit = 1500;

    /// <summary>
    /// The clock time of an elapsed minute, as a runs file's window. In the autumn's repeated hour the clock time reads
    /// back as its first occurrence, an hour earlier: the window only narrows, so the shift is still kept.
    /// </summary>
    private static LocalTime Clock(NightPlanProblem problem, int minute) => problem.At(minute).TimeOfDay;

    private static int IndexOf(NightPlanProblem problem, string householdId)
    {
        for (var h = 0; h < problem.Matching.Households.Count; h++)
        {
            if (problem.Matching.Households[h].Id == householdId)
            {
                return h;
            }
        }

        throw new InvalidOperationException($"The van planner returned an unknown household '{householdId}'.");
    }
}
