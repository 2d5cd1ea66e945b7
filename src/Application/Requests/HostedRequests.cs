using HostingMatch.Domain.Requests;
using NodaTime;

namespace HostingMatch.Application.Requests;

/// <summary>
/// What counts as a host having hosted a household on a night, in one place: a request confirmed (or delivered) at that
/// host. The hosts' load (docs/matching.md, rule 1 and level 6), the hosts list's nights this month and the monthly
/// thanks all count it this way.
/// </summary>
public static class HostedRequests
{
    /// <summary>The requests hosted on the nights <c>[from, until)</c>.</summary>
    public static IQueryable<ShelterRequest> HostedBetween(this IQueryable<ShelterRequest> requests, LocalDate from, LocalDate until) =>
        requests.Where(r => r.Night >= from && r.Night < until && r.HostId != null
                            && (r.Status == RequestStatus.Confirmed || r.Status == RequestStatus.Delivered));

    /// <summary>
    /// The night's households confirmed at their host and not yet delivered: those the evening's rides still bring (the
    /// vehicles' plan, the volunteers' SMS and the night's transport read them alike).
    /// </summary>
    public static IQueryable<ShelterRequest> ConfirmedOn(this IQueryable<ShelterRequest> requests, LocalDate night) =>
        requests.Where(r => r.Night == night && r.Status == RequestStatus.Confirmed && r.HostId != null);

    /// <summary>
    /// The households with a request on the night not yet delivered: those an escort told of one may no longer take (a
    /// household delivered was taken, which is no change to tell).
    /// </summary>
    public static IQueryable<Guid> HouseholdsNotDeliveredOn(this IQueryable<ShelterRequest> requests, LocalDate night) =>
        requests.Where(r => r.Night == night && r.Status != RequestStatus.Delivered).Select(r => r.HouseholdId);
}
