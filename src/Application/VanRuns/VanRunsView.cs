using HostingMatch.Domain.Households;
using NodaTime;
using HostingMatch.Domain.Hosts;
using HostingMatch.Application.VanRuns.Planner;

namespace HostingMatch.Application.VanRuns;

/// <summary>The night's van plan as the coordinators' screen shows it (host names and addresses included: never for partners).</summary>
public sealed record VanRunsResponse(
    LocalDate Night,
    Instant PlannedAt,
    IReadOnlyList<TripView> Trips,
    IReadOnlyList<UnservedView> Unserved,
    VanPlanSummary Summary);

/// <summary>
/// A trip; <see cref="Departed"/> once its departure time has passed. A re-plan already leaves it unchanged from the start
/// of its boarding (<c>loadingMinutes</c> before).
/// </summary>
public sealed record TripView(string VanId, int Trip, OffsetDateTime DepartAt, OffsetDateTime ReturnAt, int Passengers, bool Departed,
    IReadOnlyList<StopView> Stops);

/// <summary>A stop: the host, where they live (their address and its point, for the driver's navigation app and the map) and who gets off.</summary>
public sealed record StopView(int Order, Guid HostId, string HostCode, string HostName, string HostPhone, string Address,
    double Latitude, double Longitude, OffsetDateTime ArriveAt, int People, IReadOnlyList<HouseholdOnBoard> Households);

/// <summary>A household on board: its alias and ages, no names.</summary>
public sealed record HouseholdOnBoard(Guid HouseholdId, string Alias, IReadOnlyList<int> Ages);

public sealed record UnservedView(Guid HostId, string HostCode, string HostName, string Reason, string Detail);

internal static class VanRunsViews
{
    public static VanRunsResponse ToResponse(VanPlan plan, Instant plannedAt, Instant now,
        IReadOnlyDictionary<Guid, Host> hosts, IReadOnlyDictionary<Guid, Household> households)
    {
        var trips = plan.Trips.Select(t => new TripView(t.VanId, t.Trip, t.DepartAt, t.ReturnAt, t.Passengers,
            t.DepartAt.ToInstant() <= now,
            t.Stops.Select((s, i) =>
            {
                var host = hosts[Guid.Parse(s.HostId)];
                return new StopView(i + 1, host.Id, host.Code, host.DisplayName, host.Phone, host.Address,
                    host.Latitude, host.Longitude, s.ArriveAt, s.People,
                    s.HouseholdIds.Select(id => households[Guid.Parse(id)])
                        .Select(h => new HouseholdOnBoard(h.Id, h.Alias, h.Members.Select(m => m.Age).ToList())).ToList());
            }).ToList())).ToList();
        var unserved = plan.Unserved.Select(u =>
        {
            var host = hosts[Guid.Parse(u.HostId)];
            return new UnservedView(host.Id, host.Code, host.DisplayName, VanPlanJson.Format(u.Reason), u.Detail);
        }).ToList();
        return new VanRunsResponse(plan.Night, plannedAt, trips, unserved, plan.Summary);
    }
}
