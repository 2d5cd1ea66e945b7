using NodaTime;

namespace HostingMatch.Application.VanRuns.Planner;

/// <summary>
/// How hard the planner searches, and what is already under way when re-planning.
/// </summary>
public sealed record VanPlannerOptions
{
    /// <summary>The options for the interactive command: a search of at most 1.8 seconds, so the answer comes in under 2 s.</summary>
    public static readonly VanPlannerOptions Default = new();

    /// <summary>Wall-clock cap on the routing search (guided local search never stops on its own).</summary>
    public TimeSpan TimeLimit { get; init; } = TimeSpan.FromSeconds(1.8);

    /// <summary>
    /// Cap on the number of solutions the search visits. Unlike the time limit it does not depend on the
    /// machine's speed, so the same input gives the same plan; whichever limit comes first stops the search.
    /// Null: only the time limit.
    /// </summary>
    public long? SolutionLimit { get; init; }

    /// <summary>
    /// Re-planning with departed trips frozen: per van id, when the van is back at the base from the trip that
    /// already left (boarding for its next trip starts then) and how many trips it has made tonight (so new trips
    /// are numbered after them). The households on departed trips are simply not in the runs file.
    /// Vans not listed are available from <c>firstDeparture</c>, with no trip made yet.
    /// </summary>
    public IReadOnlyDictionary<string, VanAvailability> VanAvailability { get; init; } =
        new Dictionary<string, VanAvailability>();
}

/// <summary>A van that is busy until <paramref name="From"/> and has already made <paramref name="TripsDone"/> trips.</summary>
public sealed record VanAvailability(Instant From, int TripsDone = 0);
