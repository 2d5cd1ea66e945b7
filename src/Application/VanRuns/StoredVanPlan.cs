using HostingMatch.Application.VanRuns.Planner;
using HostingMatch.Domain.Transport;
using NodaTime;

namespace HostingMatch.Application.VanRuns;

/// <summary>
/// Between the planner's <see cref="VanPlan"/> and the stored <see cref="VanRunPlan"/> (typed, an owned JSON column): the
/// same trips, stops, hosts not served and figures, with the ids as ids.
/// </summary>
public static class StoredVanPlan
{
    /// <summary>A trip counts as left once its boarding, this long before it drives off, has started: the households are in it.</summary>
    public static readonly Duration Boarding = Duration.FromMinutes(RunsFile.DefaultLoadingMinutes);

    /// <summary>The stored plan's trips that have left by <paramref name="now"/>, as the planners take them; none without a plan.</summary>
    public static List<VanTrip> Departed(VanRunPlan? stored, Instant now) =>
        stored is null ? [] : stored.DepartedBy(now, Boarding).Select(ToTrip).ToList();

    /// <summary>The stored plan as the planner writes it (for the views, and for a re-plan's trips that left).</summary>
    public static VanPlan From(VanRunPlan stored)
    {
        ArgumentNullException.ThrowIfNull(stored);
        return new VanPlan(stored.Night, stored.Plan.Trips.Select(ToTrip).ToList(),
            stored.Plan.Unserved.Select(u => new UnservedStop(u.HostId.ToString(), u.Reason switch
            {
                NotServedReason.TooLargeForVan => UnservedReason.TooLargeForVan,
                _ => UnservedReason.NoTime,
            }, u.Detail)).ToList(),
            new VanPlanSummary(stored.Plan.Summary.PeopleDelivered, stored.Plan.Summary.PersonArrivalMinutes,
                stored.Plan.Summary.DrivingMinutes, stored.Plan.Summary.SolveMilliseconds));
    }

    /// <summary>A stored trip as the planner writes it.</summary>
    public static VanTrip ToTrip(PlannedTrip trip)
    {
        ArgumentNullException.ThrowIfNull(trip);
        return new VanTrip(trip.VanId, trip.Trip, trip.DepartAt, trip.ReturnAt, trip.Passengers,
            trip.Stops.Select(s => new TripStop(s.HostId.ToString(), s.HouseholdIds.Select(h => h.ToString()).ToList(), s.People, s.ArriveAt))
                .ToList());
    }

    /// <summary>The planner's plan, to store.</summary>
    public static PlannedRuns ToStored(VanPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new PlannedRuns(
            plan.Trips.Select(t => new PlannedTrip(t.VanId, t.Trip, t.DepartAt, t.ReturnAt, t.Passengers,
                t.Stops.Select(s => new PlannedStop(Guid.Parse(s.HostId), s.HouseholdIds.Select(Guid.Parse), s.People, s.ArriveAt)))),
            plan.Unserved.Select(u => new UnservedHost(Guid.Parse(u.HostId), u.Reason switch
            {
                UnservedReason.TooLargeForVan => NotServedReason.TooLargeForVan,
                _ => NotServedReason.NoTime,
            }, u.Detail)),
            new PlanTotals(plan.Summary.PeopleDelivered, plan.Summary.PersonArrivalMinutes, plan.Summary.DrivingMinutes, plan.Summary.SolveMilliseconds));
    }
}
