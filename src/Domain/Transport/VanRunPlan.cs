using NodaTime;

namespace HostingMatch.Domain.Transport;

/// <summary>
/// The night's current van plan, in the van-runs spec's JSON. There is one per night; re-planning replaces
/// the trips that have not left and keeps the ones that have (the planner is told, not this record).
/// </summary>
public sealed class VanRunPlan
{
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

    /// <summary>A new plan for the night (its departed trips carried over by the planner).</summary>
    public void Replace(string planJson, Instant now)
    {
        PlanJson = planJson;
        PlannedAt = now;
    }
}
