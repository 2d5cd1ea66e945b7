using HostingMatch.Domain.Stays;
using NodaTime;

namespace HostingMatch.Application.Stays;

/// <summary>Two readings of the stays tables that several use cases share, written once.</summary>
internal static class StayQueries
{
    /// <summary>
    /// The agreed stays (confirmed or under way) that hold <paramref name="night"/>: their host's beds are taken and their
    /// guest has a bed that night (the matching, the night plan, a host's replies).
    /// </summary>
    public static IQueryable<Stay> AgreedOn(this IQueryable<Stay> stays, LocalDate night) =>
        stays.Where(s => (s.Status == StayStatus.Confirmed || s.Status == StayStatus.Ongoing) && s.From <= night && s.Until > night);

    /// <summary>
    /// Which stored plan is "the latest": the last planned, and of two planned at the same instant the later id (the stays
    /// page, the worker and the partners' view all read it so).
    /// </summary>
    public static IOrderedQueryable<StoredStaysPlan> LatestFirst(this IQueryable<StoredStaysPlan> plans) =>
        plans.OrderByDescending(p => p.PlannedAt).ThenByDescending(p => p.Id);
}
