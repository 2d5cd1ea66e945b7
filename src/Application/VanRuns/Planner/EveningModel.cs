using HostingMatch.Domain;
using HostingMatch.Domain.Geography;
using NodaTime;

namespace HostingMatch.Application.VanRuns.Planner;

/// <summary>
/// The evening reduced to whole elapsed minutes from <c>firstDeparture</c>, shared by the routing planner and the
/// baseline: which stops can be planned at all (the others get their reason up front), the driving-time matrix,
/// and the one place where a route is turned into times and the spec's output. Elapsed minutes, not clock minutes,
/// so a night with a clock change neither gains nor loses an hour of driving.
/// </summary>
internal sealed class EveningModel
{
    private readonly RunsFile input;
    private readonly Instant reference;
    private readonly List<UnservedStop> preUnserved = [];
    private readonly Dictionary<RunStop, string> unreachableDetail = [];

    public EveningModel(RunsFile input, VanPlannerOptions options)
    {
        this.input = input;
        reference = input.At(input.FirstDeparture);
        LatestMinute = Minute(input.LatestArrival);
        Loading = input.LoadingMinutes;
        StopMinutes = input.StopMinutes;
        Vans = input.Vans
            .Select(v => options.VanAvailability.TryGetValue(v.Id, out var a)
                ? new ModelVan(v, Math.Max(0, CeilMinutes(a.From - reference)), a.TripsDone)
                : new ModelVan(v, 0, 0))
            .ToList();
        var maxSeats = input.Vans.Count == 0 ? 0 : input.Vans.Max(v => v.Seats);

        var candidates = new List<Candidate>();
        foreach (var stop in input.Stops)
        {
            if (stop.Transport == StopTransport.Other)
            {
                continue;
            }

            if (stop.People > maxSeats)
            {
                preUnserved.Add(new UnservedStop(stop.HostId, UnservedReason.TooLargeForVan,
                    $"{stop.People} people together need more than the {maxSeats} seats of the largest van: it needs two vehicles, arranged by hand"));
                continue;
            }

            var from = Math.Max(0, Minute(stop.ArrivalFrom));
            var until = Math.Min(LatestMinute, Minute(stop.ArrivalUntil));
            var toStop = Travel(input.Base.Location, stop.Location);
            var earliest = Vans.Where(v => v.Van.Seats >= stop.People)
                .Select(v => v.ReadyMinute + Loading + toStop)
                .DefaultIfEmpty(int.MaxValue)
                .Min();
            if (from > until || Math.Max(earliest, from) > until)
            {
                var why = from > until
                    ? $"{PeopleLeft(stop.People)}: its window {Clock(stop.ArrivalFrom)}-{Clock(stop.ArrivalUntil)} is outside the evening's arrivals ({Clock(input.FirstDeparture)}-{Clock(input.LatestArrival)})"
                    : $"{PeopleLeft(stop.People)}: even the first trip would reach it at {ClockAt(earliest)}, after its window closes at {ClockAt(until)}";
                preUnserved.Add(new UnservedStop(stop.HostId, UnservedReason.NoTime, why));
                continue;
            }

            candidates.Add(new Candidate(stop, candidates.Count + 1, from, until, stop.People));
        }

        Candidates = candidates;
        var points = new List<GeoPoint> { input.Base.Location };
        points.AddRange(candidates.Select(c => c.Stop.Location));
        TravelMatrix = new int[points.Count, points.Count];
        for (var i = 0; i < points.Count; i++)
        {
            for (var j = 0; j < points.Count; j++)
            {
                TravelMatrix[i, j] = i == j ? 0 : Travel(points[i], points[j]);
            }
        }
    }

    public int LatestMinute { get; }
    public int Loading { get; }
    public int StopMinutes { get; }
    public IReadOnlyList<ModelVan> Vans { get; }

    /// <summary>Stops the vans may serve, numbered 1..n as matrix nodes; node 0 is the base.</summary>
    public IReadOnlyList<Candidate> Candidates { get; }

    public int[,] TravelMatrix { get; }

    public int TotalPeople => Candidates.Sum(c => c.People);

    /// <summary>
    /// An upper bound on the trips a van can usefully make. Each trip serves at least one stop of its own and lasts at
    /// least that stop's round trip (<c>2·drive + stopMinutes</c>: driving times keep the triangle inequality, rounding
    /// up included), so trip k cannot reach any stop before
    /// <c>ready + k·loading + (the k-1 shortest round trips) + nearest</c>, which must not pass <c>latestArrival</c>.
    /// </summary>
    public int MaxTrips(ModelVan van)
    {
        if (Candidates.Count == 0)
        {
            return 0;
        }

        var nearest = Candidates.Min(c => TravelMatrix[0, c.Node]);
        var roundTrips = Candidates.Select(c => (2L * TravelMatrix[0, c.Node]) + StopMinutes).Order().ToList();
        var trips = 0;
        var earlierTrips = 0L;
        while (trips < Candidates.Count)
        {
            var k = trips + 1;
            var firstArrival = van.ReadyMinute + (k * (long)Loading) + earlierTrips + nearest;
            if (firstArrival > LatestMinute)
            {
                break;
            }

            earlierTrips += roundTrips[trips];
            trips = k;
        }

        return trips;
    }

    /// <summary>
    /// Times of one trip at the earliest: boarding from <paramref name="ready"/>, leaving <c>loading</c> later,
    /// waiting at a stop only until its window opens. Null when a stop's window is missed or the seats overflow.
    /// Earliest is best: every arrival is as early as the order allows, which is what the objective wants.
    /// </summary>
    public TripTimes? Simulate(int ready, int seats, IReadOnlyList<int> nodes)
    {
        if (nodes.Sum(n => Candidates[n - 1].People) > seats)
        {
            return null;
        }

        var depart = ready + Loading;
        var t = depart;
        var previous = 0;
        var arrivals = new List<int>(nodes.Count);
        var driving = 0;
        foreach (var node in nodes)
        {
            var candidate = Candidates[node - 1];
            driving += TravelMatrix[previous, node];
            var arrive = Math.Max(t + TravelMatrix[previous, node], candidate.From);
            if (arrive > candidate.Until)
            {
                return null;
            }

            arrivals.Add(arrive);
            t = arrive + StopMinutes;
            previous = node;
        }

        driving += TravelMatrix[previous, 0];
        return new TripTimes(depart, t + TravelMatrix[previous, 0], arrivals, driving);
    }

    /// <summary>
    /// Turns routes (per van, in <see cref="Vans"/> order: its trips in order, each a list of nodes) into the plan.
    /// A van leaves as late as it can without delaying its first arrival, so people wait at the base rather than
    /// in the van outside a door. Throws when a route breaks a rule: that is a bug in a planner, never bad input.
    /// </summary>
    public VanPlan Build(IReadOnlyList<IReadOnlyList<IReadOnlyList<int>>> routes, long solveMilliseconds)
    {
        var trips = new List<VanTrip>();
        var served = new HashSet<int>();
        for (var v = 0; v < Vans.Count; v++)
        {
            var van = Vans[v];
            var ready = van.ReadyMinute;
            var number = van.TripsDone;
            foreach (var nodes in routes[v].Where(r => r.Count > 0))
            {
                var times = Simulate(ready, van.Van.Seats, nodes)
                    ?? throw new InvalidOperationException($"The planned trip {number + 1} of {van.Van.Id} breaks a rule.");
                var stops = new List<TripStop>();
                for (var i = 0; i < nodes.Count; i++)
                {
                    var candidate = Candidates[nodes[i] - 1];
                    if (!served.Add(candidate.Node))
                    {
                        throw new InvalidOperationException($"Stop {candidate.Stop.HostId} is planned twice.");
                    }

                    stops.Add(new TripStop(candidate.Stop.HostId, candidate.Stop.Households.Select(h => h.Id).ToList(),
                        candidate.People, At(times.Arrivals[i])));
                }

                var departAt = times.Arrivals[0] - TravelMatrix[0, nodes[0]];
                number++;
                trips.Add(new VanTrip(van.Van.Id, number, At(departAt), At(times.Return), stops.Sum(s => s.People), stops));
                ready = times.Return;
            }
        }

        var unserved = new List<UnservedStop>();
        foreach (var stop in input.Stops)
        {
            var pre = preUnserved.Find(u => u.HostId == stop.HostId);
            if (pre is not null)
            {
                unserved.Add(pre);
                continue;
            }

            var candidate = Candidates.FirstOrDefault(c => c.Stop == stop);
            if (candidate is not null && !served.Contains(candidate.Node))
            {
                unserved.Add(new UnservedStop(stop.HostId, UnservedReason.NoTime,
                    $"{PeopleLeft(candidate.People)}: the vans are full for the evening: no trip left reaches it between {ClockAt(candidate.From)} and {ClockAt(candidate.Until)}"));
            }
        }

        var homes = Candidates.ToDictionary(c => c.Stop.HostId, c => c.Stop.Location);
        return new VanPlan(input.Night, trips, unserved, Summarize(input, trips, hostId => homes[hostId], solveMilliseconds));
    }

    /// <summary>
    /// The objective's levels over an evening's trips, the one place they are counted: a new plan's, or a re-plan's
    /// with the trips that already left. People on board; the sum of their arrival minutes, elapsed from
    /// <c>firstDeparture</c>; driving base, stops, base by the travel formula. <paramref name="homeOf"/> gives a host's home.
    /// </summary>
    public static VanPlanSummary Summarize(RunsFile input, IEnumerable<VanTrip> trips, Func<string, GeoPoint> homeOf, long solveMilliseconds)
    {
        var reference = input.At(input.FirstDeparture);
        int people = 0, personMinutes = 0, driving = 0;
        foreach (var trip in trips)
        {
            var at = input.Base.Location;
            foreach (var stop in trip.Stops)
            {
                var home = homeOf(stop.HostId);
                driving += input.Rules.Minutes(at, home);
                people += stop.People;
                personMinutes += stop.People * CeilMinutes(stop.ArriveAt.ToInstant() - reference);
                at = home;
            }

            driving += input.Rules.Minutes(at, input.Base.Location);
        }

        return new VanPlanSummary(people, personMinutes, driving, solveMilliseconds);
    }

    /// <summary>Elapsed minutes from <c>firstDeparture</c> to a clock time of the night.</summary>
    public int Minute(LocalTime time) => CeilMinutes(input.At(time) - reference);

    public OffsetDateTime At(int minute) => (reference + Duration.FromMinutes(minute)).InZone(Night.Zone).ToOffsetDateTime();

    private string ClockAt(int minute) => At(minute).TimeOfDay.ToString("HH:mm", null);

    /// <summary>How many people a stop leaves without a van (the spec: "the plan says how many people are left").</summary>
    private static string PeopleLeft(int people) => people == 1 ? "1 person" : $"{people} people";

    private static string Clock(LocalTime time) => time.ToString("HH:mm", null);

    private int Travel(GeoPoint from, GeoPoint to) => input.Rules.Minutes(from, to);

    private static int CeilMinutes(Duration d) => (int)Math.Ceiling(d.TotalMinutes);
}

/// <summary>A van as the model sees it: boarding for its next trip may start at <see cref="ReadyMinute"/>.</summary>
internal sealed record ModelVan(RunsVan Van, int ReadyMinute, int TripsDone);

/// <summary>A stop the vans may serve, its window clipped to the evening, in elapsed minutes.</summary>
internal sealed record Candidate(RunStop Stop, int Node, int From, int Until, int People);

/// <summary>A trip's times in elapsed minutes: departure after boarding, arrival at each stop, return to the base.</summary>
internal sealed record TripTimes(int Depart, int Return, IReadOnlyList<int> Arrivals, int DrivingMinutes);
