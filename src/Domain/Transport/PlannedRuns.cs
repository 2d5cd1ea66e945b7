using NodaTime;

namespace HostingMatch.Domain.Transport;

/// <summary>
/// The content of a night's van plan, as stored (an owned JSON document in the spec's shape, van-runs.md "Output"):
/// the trips with their stops, the hosts the vans do not serve, and the objective's figures.
/// </summary>
public sealed class PlannedRuns
{
    private List<PlannedTrip> trips = [];
    private List<UnservedHost> unserved = [];

    private PlannedRuns()
    {
        Summary = null!;
    }

    /// <summary>Builds a plan; the lists are copied.</summary>
    public PlannedRuns(IEnumerable<PlannedTrip> trips, IEnumerable<UnservedHost> unserved, PlanTotals summary)
    {
        ArgumentNullException.ThrowIfNull(trips);
        ArgumentNullException.ThrowIfNull(unserved);
        ArgumentNullException.ThrowIfNull(summary);
        this.trips = trips.ToList();
        this.unserved = unserved.ToList();
        Summary = summary;
    }

    public IReadOnlyList<PlannedTrip> Trips => trips;
    public IReadOnlyList<UnservedHost> Unserved => unserved;
    public PlanTotals Summary { get; private set; }
}

/// <summary>One trip of one van: it drives off at <see cref="DepartAt"/> (boarding done) and is back at <see cref="ReturnAt"/>.</summary>
public sealed class PlannedTrip
{
    private List<PlannedStop> stops = [];

    private PlannedTrip()
    {
        VanId = string.Empty;
    }

    public PlannedTrip(string vanId, int trip, OffsetDateTime departAt, OffsetDateTime returnAt, int passengers, IEnumerable<PlannedStop> stops)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(vanId);
        ArgumentNullException.ThrowIfNull(stops);
        VanId = vanId;
        Trip = trip;
        DepartAt = departAt;
        ReturnAt = returnAt;
        Passengers = passengers;
        this.stops = stops.ToList();
    }

    public string VanId { get; private set; }
    public int Trip { get; private set; }
    public OffsetDateTime DepartAt { get; private set; }
    public OffsetDateTime ReturnAt { get; private set; }
    public int Passengers { get; private set; }
    public IReadOnlyList<PlannedStop> Stops => stops;

    /// <summary>The vehicle, renamed by the coordinators, is now labelled <paramref name="label"/>.</summary>
    internal void RenameVehicle(string label)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(label);
        VanId = label;
    }

    /// <summary>True once its boarding, <paramref name="boarding"/> before it drives off, has started by <paramref name="now"/>.</summary>
    public bool HasLeftBy(Instant now, Duration boarding) => DepartAt.ToInstant() - boarding <= now;
}

/// <summary>A stop of a trip: the van reaches the host at <see cref="ArriveAt"/> with <see cref="HouseholdIds"/> on board.</summary>
public sealed class PlannedStop
{
    private PlannedStop()
    {
        HouseholdIds = [];
    }

    public PlannedStop(Guid hostId, IEnumerable<Guid> householdIds, int people, OffsetDateTime arriveAt)
    {
        ArgumentNullException.ThrowIfNull(householdIds);
        HostId = hostId;
        HouseholdIds = householdIds.ToList();
        People = people;
        ArriveAt = arriveAt;
    }

    public Guid HostId { get; private set; }

    // A primitive collection in the JSON document; EF Core needs a concrete list to fill.
    public List<Guid> HouseholdIds { get; private set; }

    public int People { get; private set; }
    public OffsetDateTime ArriveAt { get; private set; }
}

/// <summary>Why the vans do not serve a host tonight.</summary>
public enum NotServedReason
{
    /// <summary>Its people, all households together, exceed every van's seats.</summary>
    TooLargeForVan,

    /// <summary>No trip reaches it inside its window, or the vans are full for the evening.</summary>
    NoTime,
}

/// <summary>A host no trip serves, with a sentence for the coordinators.</summary>
public sealed class UnservedHost
{
    private UnservedHost()
    {
        Detail = string.Empty;
    }

    public UnservedHost(Guid hostId, NotServedReason reason, string detail)
    {
        HostId = hostId;
        Reason = reason;
        Detail = detail ?? string.Empty;
    }

    public Guid HostId { get; private set; }
    public NotServedReason Reason { get; private set; }
    public string Detail { get; private set; }
}

/// <summary>The objective's figures as the plan achieves them (people delivered, person-arrival minutes, driving minutes).</summary>
public sealed class PlanTotals
{
    private PlanTotals()
    {
    }

    public PlanTotals(int peopleDelivered, int personArrivalMinutes, int drivingMinutes, long solveMilliseconds)
    {
        PeopleDelivered = peopleDelivered;
        PersonArrivalMinutes = personArrivalMinutes;
        DrivingMinutes = drivingMinutes;
        SolveMilliseconds = solveMilliseconds;
    }

    public int PeopleDelivered { get; private set; }
    public int PersonArrivalMinutes { get; private set; }
    public int DrivingMinutes { get; private set; }
    public long SolveMilliseconds { get; private set; }
}
