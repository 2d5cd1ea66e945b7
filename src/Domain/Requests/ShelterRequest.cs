using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Requests;

/// <summary>
/// A household needing a bed for one night. Its status only moves along the allowed transitions:
/// <code>
/// Waiting  -> Proposed | Unplaced | Cancelled
/// Proposed -> Confirmed | Waiting (host said no, offer expired) | Cancelled
/// Unplaced -> Proposed (a later run found a bed) | Waiting | Cancelled
/// Confirmed-> Delivered | Waiting (host cancelled) | Cancelled
/// Delivered and Cancelled are final, with one exception: a request withdrawn because an agreed stay covered its night
/// (<see cref="WithdrawForStay"/>) waits again if that stay is called off (<see cref="WaitAgainAfterStay"/>), so that
/// nobody falls between the two programmes.
/// </code>
/// </summary>
public sealed class ShelterRequest
{
    private static readonly Dictionary<RequestStatus, RequestStatus[]> Allowed = new()
    {
        [RequestStatus.Waiting] = [RequestStatus.Proposed, RequestStatus.Unplaced, RequestStatus.Cancelled],
        [RequestStatus.Proposed] = [RequestStatus.Confirmed, RequestStatus.Waiting, RequestStatus.Cancelled],
        [RequestStatus.Unplaced] = [RequestStatus.Proposed, RequestStatus.Waiting, RequestStatus.Cancelled],
        [RequestStatus.Confirmed] = [RequestStatus.Delivered, RequestStatus.Waiting, RequestStatus.Cancelled],
        [RequestStatus.Delivered] = [],
        [RequestStatus.Cancelled] = [],
    };

    private ShelterRequest()
    {
    }

    public Guid Id { get; private set; }
    public Guid HouseholdId { get; private set; }
    public LocalDate Night { get; private set; }
    public RequestStatus Status { get; private set; }

    /// <summary>Nights the household has already spent without shelter: the longest waiting go first (objective level 4).</summary>
    public int NightsWithoutShelter { get; private set; }

    /// <summary>
    /// How the household gets to its host: by the network's van (the default), or by other means the coordinators
    /// arranged (the host fetches them, public transport, a taxi), in which case the van plan leaves it out.
    /// </summary>
    public RequestTransport Transport { get; private set; }

    /// <summary>The proposed or confirmed host; null otherwise.</summary>
    public Guid? HostId { get; private set; }

    /// <summary>
    /// Why the matching left the household without a place: the wire name of a <see cref="Requests.UnplacedReason"/>
    /// (<c>no-compatible-host</c>, <c>too-large</c>, <c>outranked</c>), as the Api shows it and partners read it.
    /// </summary>
    public string? UnplacedReason { get; private set; }

    public string? UnplacedDetail { get; private set; }

    /// <summary>The night plan's ride to the proposed or confirmed host; null when none is planned (no transport registered, or not placed).</summary>
    public PlannedRide? Ride => RideWay is { } way && RideArriveAt is { } at ? new PlannedRide(way, at, RideVehicle, RideTrip, RideLeaveBaseAt) : null;

    // The ride's columns (EF maps these; the domain reads Ride).
    private PlannedRideWay? RideWay { get; set; }
    private Instant? RideArriveAt { get; set; }
    private string? RideVehicle { get; set; }
    private int? RideTrip { get; set; }
    private Instant? RideLeaveBaseAt { get; set; }

    public Instant CreatedAt { get; private set; }
    public Instant UpdatedAt { get; private set; }

    /// <summary>Optimistic concurrency: two coordinators editing the same request get a conflict, not a lost update.</summary>
    public uint Version { get; private set; }

    /// <exception cref="DomainException"><c>request-invalid</c> when <paramref name="nightsWithoutShelter"/> is negative.</exception>
    public static ShelterRequest Create(Guid householdId, LocalDate night, int nightsWithoutShelter, Instant now) => new()
    {
        Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
        HouseholdId = householdId,
        Night = night,
        Status = RequestStatus.Waiting,
        NightsWithoutShelter = Guard.AtLeast(nightsWithoutShelter, 0, "request-invalid", "Nights without shelter"),
        CreatedAt = now,
        UpdatedAt = now,
    };

    /// <summary>True when the status can move to <paramref name="next"/>.</summary>
    public static bool CanMove(RequestStatus from, RequestStatus next) => Allowed[from].Contains(next);

    /// <summary>The matching proposes a host.</summary>
    public void Propose(Guid hostId, Instant now)
    {
        MoveTo(RequestStatus.Proposed, now);
        HostId = hostId;
        UnplacedReason = UnplacedDetail = null;
    }

    /// <summary>
    /// A matching run or a coordinator proposes <paramref name="hostId"/>: a proposal to another host is taken back first
    /// (the household goes back to the pool, then to the new host); the same host proposed again changes nothing.
    /// </summary>
    /// <exception cref="DomainException"><c>request-invalid-transition</c> when the request is confirmed, delivered or cancelled.</exception>
    public void ProposeTo(Guid hostId, Instant now)
    {
        if (Status == RequestStatus.Proposed)
        {
            if (HostId == hostId)
            {
                return;
            }

            ReturnToPool(now);
        }

        Propose(hostId, now);
    }

    /// <summary>A matching run found no place tonight: a proposal it no longer keeps is taken back first.</summary>
    /// <exception cref="DomainException"><c>request-invalid-transition</c> when the request is confirmed, delivered or cancelled.</exception>
    public void LeaveUnplaced(UnplacedReason reason, string detail, Instant now)
    {
        if (Status == RequestStatus.Proposed)
        {
            ReturnToPool(now);
        }

        MarkUnplaced(reason, detail, now);
    }

    /// <summary>The night plan's ride to the host, or null to clear it (the household travels otherwise, or is not brought by a plan).</summary>
    /// <exception cref="DomainException"><c>request-not-placed</c> when there is no proposed or confirmed host to ride to.</exception>
    public void PlanRide(PlannedRide? ride, Instant now)
    {
        if (ride is not null && (HostId is null || Status is not (RequestStatus.Proposed or RequestStatus.Confirmed)))
        {
            throw new DomainException("request-not-placed", "Only a household proposed or confirmed to a host has a ride to it.");
        }

        if (ride == Ride)
        {
            return;
        }

        RideWay = ride?.Way;
        RideArriveAt = ride?.ArriveAt;
        RideVehicle = ride?.VehicleLabel;
        RideTrip = ride?.Trip;
        RideLeaveBaseAt = ride?.LeaveBaseAt;
        UpdatedAt = now;
    }

    /// <summary>The proposed host said yes.</summary>
    public void Confirm(Instant now) => MoveTo(RequestStatus.Confirmed, now);

    /// <summary>The household arrived at the host's.</summary>
    public void MarkDelivered(Instant now) => MoveTo(RequestStatus.Delivered, now);

    /// <summary>Back in the pool: the host declined, let the offer expire, or cancelled after accepting.</summary>
    public void ReturnToPool(Instant now)
    {
        MoveTo(RequestStatus.Waiting, now);
        HostId = null;
        ClearRide();
    }

    /// <summary>The matching found no place tonight.</summary>
    public void MarkUnplaced(UnplacedReason reason, string detail, Instant now)
    {
        if (Status != RequestStatus.Unplaced)
        {
            MoveTo(RequestStatus.Unplaced, now);
        }

        UnplacedReason = reason.ToWire();
        UnplacedDetail = detail;
        HostId = null;
        ClearRide();
        UpdatedAt = now;
    }

    /// <summary>The coordinators choose how the household travels to its host.</summary>
    /// <exception cref="DomainException"><c>request-closed</c> when the request is cancelled or already delivered.</exception>
    public void TravelBy(RequestTransport transport, Instant now)
    {
        if (Status is RequestStatus.Cancelled or RequestStatus.Delivered)
        {
            throw new DomainException("request-closed",
                $"A request that is {Status.ToString().ToLowerInvariant()} has no journey left to arrange.");
        }

        Transport = transport;
        UpdatedAt = now;
    }

    /// <summary>Withdrawn. A delivered household cannot be withdrawn.</summary>
    public void Cancel(Instant now)
    {
        MoveTo(RequestStatus.Cancelled, now);
        ClearRide();
    }

    /// <summary>True when the request was withdrawn because an agreed stay covered its night (stays.md, between the programmes).</summary>
    public bool WithdrawnForStay { get; private set; }

    /// <summary>Withdrawn because an agreed stay covers the night: the household has a bed there.</summary>
    public void WithdrawForStay(Instant now)
    {
        Cancel(now);
        WithdrawnForStay = true;
    }

    /// <summary>
    /// The stay that covered the night was called off: the household waits for a one-night bed again, with the nights it
    /// has spent without shelter since.
    /// </summary>
    /// <exception cref="DomainException"><c>request-invalid-transition</c> unless the request was withdrawn for a stay.</exception>
    public void WaitAgainAfterStay(int nightsWithoutShelter, Instant now)
    {
        if (Status != RequestStatus.Cancelled || !WithdrawnForStay)
        {
            throw new DomainException("request-invalid-transition",
                $"Only a request withdrawn for a stay can wait again; this one is {Status.ToString().ToLowerInvariant()}.");
        }

        Status = RequestStatus.Waiting;
        WithdrawnForStay = false;
        NightsWithoutShelter = Guard.AtLeast(nightsWithoutShelter, 0, "request-invalid", "Nights without shelter");
        HostId = null;
        UnplacedReason = null;
        UnplacedDetail = null;
        UpdatedAt = now;
    }

    private void ClearRide()
    {
        RideWay = null;
        RideArriveAt = RideLeaveBaseAt = null;
        RideVehicle = null;
        RideTrip = null;
    }

    private void MoveTo(RequestStatus next, Instant now)
    {
        if (!CanMove(Status, next))
        {
            throw new DomainException("request-invalid-transition",
                $"A request that is {Status.ToString().ToLowerInvariant()} cannot become {next.ToString().ToLowerInvariant()}.");
        }

        Status = next;
        UpdatedAt = now;
    }
}
