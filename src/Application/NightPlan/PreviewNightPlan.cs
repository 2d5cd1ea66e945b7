using HostingMatch.Application.NightPlan.Engine;
using HostingMatch.Application.Pipeline;
using HostingMatch.Domain.Common;
using HostingMatch.Domain.Requests;
using Mediator;
using NodaTime;

namespace HostingMatch.Application.NightPlan;

/// <summary>
/// Tonight's night plan from the database (transport.md): who would sleep where and how each household would get there,
/// with the vehicles, escorts and fetching hosts registered for the night. Placements already agreed are kept; a household
/// left out has its reason (<c>no-ride</c> among them). Nothing is stored or sent: the coordinators see whether the night's
/// beds can be reached before they act (add a car, move a household).
/// </summary>
public sealed record PreviewNightPlan(LocalDate Night, TimeSpan? TimeLimit = null) : IQuery<NightPlanView>, IAudited;

/// <summary>The night plan as coordinators read it: aliases, hosts' names, vehicles' labels.</summary>
public sealed record NightPlanView(
    LocalDate Night,
    bool Optimal,
    IReadOnlyList<NightPlanPlacementView> Placements,
    IReadOnlyList<NightPlanUnplacedView> Unplaced,
    IReadOnlyList<NightPlanAgreedWithoutRideView> AgreedWithoutRide,
    IReadOnlyList<NightPlanAgreedWithoutRideView> OnTheirWay,
    IReadOnlyList<NightPlanTripView> Trips,
    NightPlanSummaryView Summary);

/// <summary><paramref name="Agreed"/>: the placement was already agreed (confirmed, delivered, or offered and awaiting the answer).</summary>
public sealed record NightPlanPlacementView(Guid RequestId, string Alias, int People, int Tier, Guid HostId, string HostCode, string HostName,
    bool Agreed, NightPlanRideView Ride);

/// <summary><paramref name="Way"/>: <c>vehicle</c>, <c>host-fetches</c> or <c>public-transport</c>.</summary>
public sealed record NightPlanRideView(string Way, OffsetDateTime ArriveAt, string? VehicleId, string? VehicleLabel, int? Trip, OffsetDateTime? LeaveAt);

public sealed record NightPlanUnplacedView(Guid RequestId, string Alias, int People, int Tier, string Reason, string Detail);

/// <summary>
/// A placement agreed earlier, outside the plan's rides: no way reaches it tonight (a coordinator must arrange the ride or
/// move the household), or, under <c>onTheirWay</c>, it needs none any more (delivered, sent by other means, gone with
/// its fetching host or its escort).
/// </summary>
public sealed record NightPlanAgreedWithoutRideView(Guid RequestId, string Alias, int People, Guid HostId, string HostCode, string HostName, string Status);

public sealed record NightPlanTripView(string VehicleId, string VehicleLabel, int Trip, OffsetDateTime DepartAt, OffsetDateTime ReturnAt,
    int Passengers, IReadOnlyList<NightPlanStopView> Stops);

public sealed record NightPlanStopView(string HostCode, string HostName, OffsetDateTime ArriveAt, int People, IReadOnlyList<string> Aliases);

/// <summary>People brought per tier (index 0 is tier 1), the most any plan could bring, and what the sequential plan brings.</summary>
public sealed record NightPlanSummaryView(IReadOnlyList<int> PeopleBrought, IReadOnlyList<int> PeopleLeft, IReadOnlyList<int> UpperBound,
    IReadOnlyList<int> SequentialPeopleBrought, long DrivingMinutes, long SolveMilliseconds);

public sealed class PreviewNightPlanHandler(IHostingMatchDb db, IClock clock) : IQueryHandler<PreviewNightPlan, NightPlanView>
{
    /// <summary>The coordinator waits for the answer: the network's nights settle well within it (docs/benchmarks.md).</summary>
    public static readonly TimeSpan DefaultTimeLimit = TimeSpan.FromSeconds(5);

    public async ValueTask<NightPlanView> Handle(PreviewNightPlan query, CancellationToken cancellationToken)
    {
        var tonight = await NightPlanFromDatabase.LoadAsync(db, query.Night, clock.GetCurrentInstant(), query.TimeLimit ?? DefaultTimeLimit,
            cancellationToken);
        var plan = NightPlans.PlanOrRefuse(tonight.File, tonight.Options, query.Night);
        var agreed = tonight.Options.ConfirmedPlacements ?? new Dictionary<string, string>();
        string Label(string vehicleId) => tonight.VehicleLabels.GetValueOrDefault(vehicleId, vehicleId);
        var byHousehold = tonight.Requests;
        var aliasOf = tonight.Households.ToDictionary(h => h.Key.ToString(), h => h.Value.Alias, StringComparer.Ordinal);

        var placements = plan.Placements.Select(p =>
        {
            var request = byHousehold[Guid.Parse(p.HouseholdId)];
            var host = tonight.Hosts[Guid.Parse(p.HostId)];
            var ride = new NightPlanRideView(p.Ride.Way.ToWire(), p.Ride.ArriveAt, p.Ride.VehicleId,
                p.Ride.VehicleId is { } v ? Label(v) : null, p.Ride.Trip, p.Ride.LeaveAt);
            return new NightPlanPlacementView(request.Id, aliasOf[p.HouseholdId], p.People, p.Tier, host.Id, host.Code, host.DisplayName,
                agreed.ContainsKey(p.HouseholdId), ride);
        }).OrderBy(p => p.Ride.ArriveAt.ToInstant()).ThenBy(p => p.Alias).ToList();

        var unplaced = plan.Unplaced.Select(u =>
        {
            var request = byHousehold[Guid.Parse(u.HouseholdId)];
            return new NightPlanUnplacedView(request.Id, aliasOf[u.HouseholdId], tonight.Households[request.HouseholdId].People, u.Tier,
                u.Reason.ToWire(), u.Detail);
        }).OrderBy(u => u.Tier).ThenBy(u => u.Alias).ToList();

        // Agreed placements no way reaches even alone, and those the evening's rides cannot bring once shared.
        var withoutRide = Agreed(tonight.AgreedWithoutRide.Concat(plan.PinnedWithoutRide.Select(p => byHousehold[Guid.Parse(p.HouseholdId)])));

        var trips = plan.Trips.Select(t => new NightPlanTripView(t.VanId, Label(t.VanId), t.Trip, t.DepartAt, t.ReturnAt, t.Passengers,
            t.Stops.Select(s =>
            {
                var host = tonight.Hosts[Guid.Parse(s.HostId)];
                return new NightPlanStopView(host.Code, host.DisplayName, s.ArriveAt, s.People, s.HouseholdIds.Select(h => aliasOf[h]).ToList());
            }).ToList())).OrderBy(t => t.VehicleLabel, StringComparer.Ordinal).ThenBy(t => t.Trip).ToList();

        var s = plan.Summary;
        return new NightPlanView(query.Night, plan.Optimal, placements, unplaced, withoutRide, Agreed(tonight.OnTheirWay), trips,
            new NightPlanSummaryView(s.PeoplePlaced, s.PeopleUnplaced, s.UpperBound, s.SequentialPeoplePlaced, s.DrivingMinutes, s.SolveMilliseconds));

        List<NightPlanAgreedWithoutRideView> Agreed(IEnumerable<ShelterRequest> requests) => requests.Select(r =>
        {
            var host = tonight.Hosts[r.HostId!.Value];
            return new NightPlanAgreedWithoutRideView(r.Id, tonight.Households[r.HouseholdId].Alias, tonight.Households[r.HouseholdId].People,
                host.Id, host.Code, host.DisplayName, r.Status.ToString().ToLowerInvariant());
        }).OrderBy(v => v.Alias).ToList();
    }
}
