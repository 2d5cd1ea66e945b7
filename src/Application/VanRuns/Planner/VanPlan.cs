using NodaTime;

namespace HostingMatch.Application.VanRuns.Planner;

/// <summary>The evening's van plan (spec: van-runs.md, "Output").</summary>
public sealed record VanPlan(
    LocalDate Night,
    IReadOnlyList<VanTrip> Trips,
    IReadOnlyList<UnservedStop> Unserved,
    VanPlanSummary Summary);

/// <summary>
/// One trip of one van. <see cref="DepartAt"/> is when the van drives off, boarding done
/// (boarding takes <c>loadingMinutes</c> just before it); <see cref="ReturnAt"/> when it is back at the base.
/// </summary>
public sealed record VanTrip(
    string VanId,
    int Trip,
    OffsetDateTime DepartAt,
    OffsetDateTime ReturnAt,
    int Passengers,
    IReadOnlyList<TripStop> Stops);

/// <summary>A stop of a trip: <see cref="ArriveAt"/> is when the stop starts, after any wait; the van leaves <c>stopMinutes</c> later.</summary>
public sealed record TripStop(string HostId, IReadOnlyList<string> HouseholdIds, int People, OffsetDateTime ArriveAt);

/// <summary>Why a stop is on no trip.</summary>
public enum UnservedReason
{
    /// <summary>Its people, all households together, exceed every van's seats.</summary>
    TooLargeForVan,

    /// <summary>It fits a van, but no trip reaches it inside its window or the vans are full for the evening.</summary>
    NoTime,
}

/// <summary>A stop the vans do not serve tonight, with a sentence for the coordinators.</summary>
public sealed record UnservedStop(string HostId, UnservedReason Reason, string Detail);

/// <summary>
/// The objective's three levels, as the plan achieves them: people delivered; the sum over people of their
/// arrival minute counted from <c>firstDeparture</c> (elapsed minutes, so a clock change does not distort it);
/// driving minutes of all trips, back to the base included.
/// </summary>
public sealed record VanPlanSummary(int PeopleDelivered, int PersonArrivalMinutes, int DrivingMinutes, long SolveMilliseconds);
