using HostingMatch.Application.Matching.Engine;
using HostingMatch.Application.VanRuns.Planner;
using HostingMatch.Domain.Geography;
using HostingMatch.Domain.Households;
using NodaTime;

namespace HostingMatch.Application.NightPlan.Engine;

/// <summary>
/// A night prepared for the night plan: the matching's problem (rules 1-5 and the beds, computed by the matching's own
/// code), the evening in whole minutes elapsed from <c>firstDeparture</c> (so a clock change neither gains nor loses
/// an hour), and for each compatible pair with enough beds which ways could bring the household there alone, with
/// every vehicle, escort and fetching host free (transport.md, "Ways to reach a host").
/// </summary>
internal sealed class NightPlanProblem
{
    /// <remarks><c>frozen</c>: Households on departed trips, by index, to their host: brought already, whatever the ways say now.</remarks>
    public NightPlanProblem(NightPlanFile file, MatchingOptions matchingOptions, IReadOnlyDictionary<int, int>? frozen = null)
    {
        Frozen = frozen ?? new Dictionary<int, int>();
        ReachedByDepartedTrip = Frozen.Values.ToHashSet();
        File = file;
        Matching = new MatchingProblem(file.Night, matchingOptions);
        var transport = file.Transport;
        Reference = HostingMatch.Domain.Night.At(file.Night.Night, transport.FirstDeparture).ToInstant();
        LatestMinute = Minute(transport.LatestArrival);
        var hosts = Matching.Hosts;
        var households = Matching.Households;

        From = new int[hosts.Count];
        Until = new int[hosts.Count];
        Drive = new int[hosts.Count];
        FetchArrival = new int[hosts.Count];
        TransitArrival = new int[hosts.Count];
        TransitLeave = new int[hosts.Count];
        var pt = transport.PublicTransport;
        var lastTransit = Minute(pt.LastArrivalOrDefault);
        for (var k = 0; k < hosts.Count; k++)
        {
            var arrival = file.ArrivalOf(hosts[k].Id);
            From[k] = Minute(arrival.ArrivalFrom ?? transport.FirstDeparture);
            Until[k] = Minute(arrival.ArrivalUntil ?? transport.LatestArrival);
            Drive[k] = transport.Rules.Minutes(file.Night.Base.Location, hosts[k].Location);

            // Way 2: the host drives from the base at firstDeparture, the vans' formula, never after its window.
            var fetched = Math.Max(From[k], Drive[k]);
            FetchArrival[k] = arrival.PicksUpAtBase && fetched <= Until[k] ? fetched : -1;

            // Way 3: leave at firstDeparture or later, as late as needed to arrive when the window opens.
            var transit = TransitMinutes(file.Night.Base.Location, hosts[k].Location, pt);
            var leave = Math.Max(0, From[k] - transit);
            var arrive = leave + transit;
            var ok = pt.Escorts > 0 && transit <= pt.MaxMinutes && arrive <= Until[k] && arrive <= lastTransit;
            TransitLeave[k] = ok ? leave : -1;
            TransitArrival[k] = ok ? arrive : -1;
        }

        Vehicles = transport.Vehicles
            .Select(v => new PlanVehicle(v, Minute(v.AvailableFrom), Minute(v.AvailableUntil)))
            .ToList();
        VehicleArrival = new int[Vehicles.Count][];
        for (var v = 0; v < Vehicles.Count; v++)
        {
            VehicleArrival[v] = new int[hosts.Count];
            for (var k = 0; k < hosts.Count; k++)
            {
                VehicleArrival[v][k] = SingleStopArrival(Vehicles[v], k);
            }
        }

        TransitAllowed = households.Select(h => h.Members.All(m => !m.IsMinor) && !h.Vulnerable && !h.NeedsWheelchairAccess).ToArray();

        Pairs = new int[households.Count][];
        for (var h = 0; h < households.Count; h++)
        {
            Pairs[h] = Frozen.TryGetValue(h, out var at)
                ? [at]
                : Matching.Compatible[h].Where(k => HardRules.HasBedsFor(hosts[k], Matching.People[h]) && CanReach(h, k)).ToArray();
        }
    }

    public NightPlanFile File { get; }

    /// <summary>Households on departed trips, to their host.</summary>
    public IReadOnlyDictionary<int, int> Frozen { get; }
    public MatchingProblem Matching { get; }
    public Instant Reference { get; }
    public int LatestMinute { get; }

    /// <summary>Per host, its arrival window in elapsed minutes.</summary>
    public int[] From { get; }
    public int[] Until { get; }

    /// <summary>Per host, driving minutes from the base by the vans' formula.</summary>
    public int[] Drive { get; }

    /// <summary>Per host, when a fetching host arrives home with its guests; -1 when it does not fetch or cannot in its window.</summary>
    public int[] FetchArrival { get; }

    /// <summary>Per host, the earliest public-transport arrival and its leaving minute; -1 when the way is closed.</summary>
    public int[] TransitArrival { get; }
    public int[] TransitLeave { get; }

    /// <summary>Per household, whether public transport is allowed for its members (all adults, none vulnerable, no wheelchair).</summary>
    public bool[] TransitAllowed { get; }

    public IReadOnlyList<PlanVehicle> Vehicles { get; }

    /// <summary>Per vehicle and host, the arrival of a first trip with that stop alone; -1 when no such trip keeps the windows.</summary>
    public int[][] VehicleArrival { get; }

    /// <summary>Per household, the compatible hosts with enough beds that some way reaches (the pairs the night plan may use).</summary>
    public int[][] Pairs { get; }

    public bool CanFetch(int k) => FetchArrival[k] >= 0;

    public bool CanTransit(int h, int k) => TransitAllowed[h] && TransitArrival[k] >= 0;

    public bool CanDrive(int h, int k) => Enumerable.Range(0, Vehicles.Count).Any(v => CanDrive(v, h, k));

    /// <remarks>Never to a host a departed trip reached (van-runs.md rule 2: its households travel on that trip).</remarks>
    public bool CanDrive(int v, int h, int k) => CouldDrive(v, h, k) && !ReachedByDepartedTrip.Contains(k);

    /// <summary>Whether some way could bring household h to host k with the whole evening free, departed trips aside (transport.md's <c>no-ride</c>).</summary>
    public bool CouldReach(int h, int k) => CanFetch(k) || CanTransit(h, k) || Enumerable.Range(0, Vehicles.Count).Any(v => CouldDrive(v, h, k));

    private bool CouldDrive(int v, int h, int k) => Vehicles[v].Vehicle.Seats >= Matching.People[h] && VehicleArrival[v][k] >= 0;

    /// <summary>
    /// When vehicle v may board a new trip at the soonest: its <c>availableFrom</c> (before <c>firstDeparture</c> too, as
    /// transport.md allows), and after its departed trips (<paramref name="busy"/>: per vehicle, when it is back and how many
    /// trips it made; null: free).
    /// </summary>
    public int Ready(int v, (int Ready, int TripsDone)?[] busy) => Math.Max(Vehicles[v].Ready, busy[v]?.Ready ?? int.MinValue);

    /// <summary>A vehicle's state once trip number <paramref name="trip"/>, back at minute <paramref name="back"/>, is added to <paramref name="before"/>.</summary>
    public static (int Ready, int TripsDone) AfterTrip((int Ready, int TripsDone)? before, int back, int trip) =>
        (Math.Max(back, before?.Ready ?? int.MinValue), Math.Max(trip, before?.TripsDone ?? 0));

    /// <summary>The hosts a departed trip stopped at.</summary>
    public IReadOnlySet<int> ReachedByDepartedTrip { get; }

    public bool CanReach(int h, int k) => CanFetch(k) || CanTransit(h, k) || CanDrive(h, k);

    /// <summary>The ride of a household whose host k fetches it (way 2).</summary>
    public Ride FetchRide(int k) => new(RideWay.HostFetches, At(FetchArrival[k]));

    /// <summary>The ride of a household an escort takes to host k by public transport (way 3).</summary>
    public Ride TransitRide(int k) => new(RideWay.PublicTransport, At(TransitArrival[k]), LeaveAt: At(TransitLeave[k]));

    /// <summary>Whether household h fits host k beside the households <paramref name="hostOf"/> puts there (h itself aside): matching.md rules 6-8.</summary>
    public bool Fits(int[] hostOf, int k, int h)
    {
        var together = new List<NightHousehold> { Matching.Households[h] };
        for (var other = 0; other < hostOf.Length; other++)
        {
            if (hostOf[other] == k && other != h)
            {
                together.Add(Matching.Households[other]);
            }
        }

        return HardRules.FitsTogether(Matching.Hosts[k], together);
    }

    /// <summary>
    /// A trip leaving the base at <paramref name="depart"/> for <paramref name="hosts"/> in order, timed at the earliest:
    /// each stop as soon as driving allows, waiting only for its window. The arrivals and the return; null when a stop's
    /// window or the latest arrival is missed.
    /// </summary>
    public (int[] Arrivals, int Return)? Schedule(int depart, IReadOnlyList<int> hosts)
    {
        var transport = File.Transport;
        var at = File.Night.Base.Location;
        var time = depart;
        var arrivals = new int[hosts.Count];
        for (var i = 0; i < hosts.Count; i++)
        {
            var k = hosts[i];
            var arrive = Math.Max(time + transport.Rules.Minutes(at, Matching.Hosts[k].Location), From[k]);
            if (arrive > Until[k] || arrive > LatestMinute)
            {
                return null;
            }

            arrivals[i] = arrive;
            time = arrive + transport.StopMinutes;
            at = Matching.Hosts[k].Location;
        }

        return (arrivals, time + transport.Rules.Minutes(at, File.Night.Base.Location));
    }

    /// <summary>A trip's driving minutes: the base, its stops in order, the base.</summary>
    public long DrivingMinutes(VanTrip trip)
    {
        var rules = File.Transport.Rules;
        var at = File.Night.Base.Location;
        long minutes = 0;
        foreach (var stop in trip.Stops)
        {
            var location = Matching.Hosts.First(k => k.Id == stop.HostId).Location;
            minutes += rules.Minutes(at, location);
            at = location;
        }

        return minutes + rules.Minutes(at, File.Night.Base.Location);
    }

    /// <summary>Elapsed minutes from <c>firstDeparture</c> to a clock time of the night (before noon: after midnight).</summary>
    public int Minute(LocalTime time) => CeilMinutes(HostingMatch.Domain.Night.At(File.Night.Night, time).ToInstant() - Reference);

    public OffsetDateTime At(int minute) => (Reference + Duration.FromMinutes(minute)).InZone(HostingMatch.Domain.Night.Zone).ToOffsetDateTime();

    public int MinuteOf(OffsetDateTime time) => CeilMinutes(time.ToInstant() - Reference);

    /// <summary>Public-transport minutes: haversine km x detour / speed x 60, plus the walk, rounded up.</summary>
    public static int TransitMinutes(GeoPoint from, GeoPoint to, PublicTransportRules rules) =>
        (int)Math.Ceiling((TravelTime.HaversineKm(from, to) * rules.DetourFactor / rules.SpeedKmh * 60) + rules.WalkMinutes);

    private int SingleStopArrival(PlanVehicle vehicle, int k)
    {
        var transport = File.Transport;
        var arrive = Math.Max(vehicle.Ready + transport.LoadingMinutes + Drive[k], From[k]);
        var back = arrive + transport.StopMinutes + Drive[k];
        return arrive <= Math.Min(Until[k], LatestMinute) && back <= vehicle.Until ? arrive : -1;
    }

    private static int CeilMinutes(Duration d) => (int)Math.Ceiling(d.TotalMinutes);
}

/// <summary>A vehicle in elapsed minutes: boarding for its first trip may start at <see cref="Ready"/>; back at the base by <see cref="Until"/>.</summary>
internal sealed record PlanVehicle(NightVehicle Vehicle, int Ready, int Until);
