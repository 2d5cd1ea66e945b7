using NodaTime;

namespace HostingMatch.Domain.Transport;

/// <summary>
/// The night's current van plan, in the van-runs spec's JSON. There is one per night; re-planning replaces
/// the trips that have not left and keeps the ones that have (the planner is told, not this record).
/// </summary>
public sealed class VanRunPlan
{
    /// <summary>A host is told a new arrival time only when it moves by more than this.</summary>
    public static readonly Duration NoticeTolerance = Duration.FromMinutes(10);

    // What each host was told by SMS: re-plans that move a time by a few minutes don't send another SMS.
    private Dictionary<Guid, Instant> toldArrivals = [];

    private VanRunPlan()
    {
        PlanJson = string.Empty;
    }

    public Guid Id { get; private set; }
    public LocalDate Night { get; private set; }
    public Instant PlannedAt { get; private set; }

    /// <summary>The plan as spec/van-runs.md writes it.</summary>
    public string PlanJson { get; private set; }

    /// <summary>Optimistic concurrency: two re-plans at once cannot both win.</summary>
    public uint Version { get; private set; }

    public static VanRunPlan Create(LocalDate night, string planJson, Instant now) => new()
    {
        Id = Guid.CreateVersion7(now.ToDateTimeOffset()),
        Night = night,
        PlanJson = planJson,
        PlannedAt = now,
    };

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

    /// <summary>A new plan for the night (its departed trips carried over by the planner).</summary>
    public void Replace(string planJson, Instant now)
    {
        PlanJson = planJson;
        PlannedAt = now;
    }
}
