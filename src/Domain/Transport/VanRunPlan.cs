using HostingMatch.Domain.Common;
using NodaTime;

namespace HostingMatch.Domain.Transport;

/// <summary>
/// The night's current van plan (<see cref="PlannedRuns"/>, stored as a typed JSON document in the van-runs spec's shape).
/// There is one per night; re-planning replaces the trips that have not left and keeps the ones that have
/// (<see cref="DepartedBy"/> says which; the planner is told them, not this record).
/// </summary>
public sealed class VanRunPlan
{
    /// <summary>A host is told a new arrival time only when it moves by more than this.</summary>
    public static readonly Duration NoticeTolerance = Duration.FromMinutes(10);

    // What each host was told by SMS: re-plans that move a time by a few minutes don't send another SMS.
    private Dictionary<Guid, Instant> toldArrivals = [];

    private VanRunPlan()
    {
        Plan = null!;
    }

    public Guid Id { get; private set; }
    public LocalDate Night { get; private set; }
    public Instant PlannedAt { get; private set; }

    /// <summary>The trips, the hosts not served and the figures, as spec/van-runs.md writes them.</summary>
    public PlannedRuns Plan { get; private set; }

    /// <summary>Optimistic concurrency: two re-plans at once cannot both win.</summary>
    public uint Version { get; private set; }

    /// <summary>The night's first plan.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    public static VanRunPlan Create(LocalDate night, PlannedRuns plan, Instant now)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new VanRunPlan
        {
            Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
            Night = night,
            Plan = plan,
            PlannedAt = now,
        };
    }

    /// <summary>
    /// The trips that have left by <paramref name="now"/>: their boarding, <paramref name="boarding"/> before they drive off,
    /// has started, so their households sit in the van and a re-plan must keep them as they are. In the plan's order.
    /// </summary>
    public IReadOnlyList<PlannedTrip> DepartedBy(Instant now, Duration boarding) => Plan.Trips.Where(t => t.HasLeftBy(now, boarding)).ToList();

    /// <summary>The arrival time each host was last told, by host id.</summary>
    public IReadOnlyDictionary<Guid, Instant> ToldArrivals => toldArrivals;

    /// <summary>
    /// True when the host should get an SMS for <paramref name="arrival"/>: never told, or told a time more than
    /// <see cref="NoticeTolerance"/> away. Records it as told when true.
    /// </summary>
    public bool TellArrival(Guid hostId, Instant arrival)
    {
        if (toldArrivals.TryGetValue(hostId, out var told) && Duration.Max(told - arrival, arrival - told) <= NoticeTolerance)
        {
            return false;
        }

        toldArrivals[hostId] = arrival;
        return true;
    }

    /// <summary>
    /// Forgets what was told under <paramref name="key"/> (a volunteer's trip or household the plan no longer gives them);
    /// true when something was told.
    /// </summary>
    public bool Forget(Guid key) => toldArrivals.Remove(key);

    /// <summary>A vehicle renamed by the coordinators: its trips, those that have left included, carry its new label.</summary>
    public void RenameVehicle(string from, string to)
    {
        foreach (var trip in Plan.Trips.Where(t => t.VanId == from))
        {
            trip.RenameVehicle(to);
        }
    }

    /// <summary>A new plan for the night (its departed trips carried over by the planner).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="plan"/> is null.</exception>
    /// <exception cref="DomainException"><c>van-plan-departed-trip-dropped</c>: the new plan lacks a trip that had left by <paramref name="now"/>.</exception>
    public void Replace(PlannedRuns plan, Instant now, Duration boarding)
    {
        ArgumentNullException.ThrowIfNull(plan);
        // A trip under way cannot vanish from the plan: its households are in the van.
        var kept = plan.Trips.Select(t => (t.VanId, t.Trip)).ToHashSet();
        if (DepartedBy(now, boarding).FirstOrDefault(t => !kept.Contains((t.VanId, t.Trip))) is { } dropped)
        {
            throw new DomainException("van-plan-departed-trip-dropped",
                $"{dropped.VanId} trip {dropped.Trip} has left: a new plan must keep it.");
        }

        Plan = plan;
        PlannedAt = now;
    }
}
