using NodaTime;

namespace HostingMatch.Domain.Stays;

/// <summary>
/// A stays plan computed from the database, kept as the planner gave it (its chains, its uncovered nights with their
/// reasons, its objective levels) so that coordinators read the latest one again. The proposals it made are
/// <see cref="Stay"/> rows that point back to it; their status moves on, the plan stays as it was computed.
/// </summary>
public sealed class StoredStaysPlan
{
    private readonly List<PlanStayLine> stays = [];
    private readonly List<PlanUncoveredLine> uncovered = [];

    private StoredStaysPlan()
    {
        PersonNightsCovered = PersonNightsUncovered = [];
    }

    public Guid Id { get; private set; }
    public LocalDate PlanFrom { get; private set; }
    public LocalDate PlanUntil { get; private set; }

    /// <summary>The region planned; null: every region.</summary>
    public string? Region { get; private set; }

    public Instant PlannedAt { get; private set; }
    public bool Optimal { get; private set; }
    public double? Gap { get; private set; }

    /// <summary>Per tier (index 0 is tier 1).</summary>
    public long[] PersonNightsCovered { get; private set; }

    public long[] PersonNightsUncovered { get; private set; }
    public int Moves { get; private set; }
    public long JourneyMinutes { get; private set; }
    public long SolveMilliseconds { get; private set; }

    /// <summary>The chains, sorted by guest then first night.</summary>
    public IReadOnlyList<PlanStayLine> Stays => stays.AsReadOnly();

    /// <summary>The uncovered periods, sorted by guest then first night.</summary>
    public IReadOnlyList<PlanUncoveredLine> Uncovered => uncovered.AsReadOnly();

    /// <summary>Records a plan.</summary>
    public static StoredStaysPlan Create(Guid id, LocalDate planFrom, LocalDate planUntil, string? region, bool optimal, double? gap,
        IEnumerable<PlanStayLine> stays, IEnumerable<PlanUncoveredLine> uncovered, long[] personNightsCovered, long[] personNightsUncovered,
        int moves, long journeyMinutes, long solveMilliseconds, Instant now)
    {
        var plan = new StoredStaysPlan
        {
            Id = id,
            PlanFrom = planFrom,
            PlanUntil = planUntil,
            Region = region,
            Optimal = optimal,
            Gap = gap,
            PersonNightsCovered = personNightsCovered,
            PersonNightsUncovered = personNightsUncovered,
            Moves = moves,
            JourneyMinutes = journeyMinutes,
            SolveMilliseconds = solveMilliseconds,
            PlannedAt = now,
        };
        plan.stays.AddRange(stays);
        plan.uncovered.AddRange(uncovered);
        return plan;
    }
}

/// <summary>One stay of a plan: <paramref name="StayId"/> is the row that proposes it, null when it only continues an agreed stay.</summary>
public sealed record PlanStayLine(Guid GuestId, Guid HostId, LocalDate From, LocalDate Until, int People, int Tier,
    bool ContinuesCurrent, int JourneyMinutes, Guid? StayId)
{
    public Guid GuestId { get; private set; } = GuestId;
    public Guid HostId { get; private set; } = HostId;
    public LocalDate From { get; private set; } = From;
    public LocalDate Until { get; private set; } = Until;
    public int People { get; private set; } = People;
    public int Tier { get; private set; } = Tier;
    public bool ContinuesCurrent { get; private set; } = ContinuesCurrent;
    public int JourneyMinutes { get; private set; } = JourneyMinutes;
    public Guid? StayId { get; private set; } = StayId;
}

/// <summary>A guest's uncovered nights <c>[From, Until)</c> with the planner's reason (<c>no-compatible-host</c>, <c>outranked</c>).</summary>
public sealed record PlanUncoveredLine(Guid GuestId, LocalDate From, LocalDate Until, string Reason, string Detail)
{
    public Guid GuestId { get; private set; } = GuestId;
    public LocalDate From { get; private set; } = From;
    public LocalDate Until { get; private set; } = Until;
    public string Reason { get; private set; } = Reason;
    public string Detail { get; private set; } = Detail;
}
