using NodaTime;

namespace HostingMatch.Domain.Stays;

/// <summary>
/// A stays plan computed from the database, kept as the stays spec's plan JSON so that coordinators can read the
/// latest one again (with its reasons) and see what each run proposed.
/// </summary>
public sealed class StoredStaysPlan
{
    private StoredStaysPlan()
    {
        PlanJson = string.Empty;
    }

    public Guid Id { get; private set; }
    public LocalDate PlanFrom { get; private set; }
    public LocalDate PlanUntil { get; private set; }

    /// <summary>The region planned; null: every region.</summary>
    public string? Region { get; private set; }

    public Instant PlannedAt { get; private set; }

    /// <summary>The plan as spec/stays.md writes it, with the database's ids (host and guest ids are GUIDs).</summary>
    public string PlanJson { get; private set; }

    public static StoredStaysPlan Create(Guid id, LocalDate planFrom, LocalDate planUntil, string? region, string planJson, Instant now) => new()
    {
        Id = id,
        PlanFrom = planFrom,
        PlanUntil = planUntil,
        Region = region,
        PlanJson = planJson,
        PlannedAt = now,
    };
}
