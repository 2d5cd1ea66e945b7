using HostingMatch.Domain.Households;
using HostingMatch.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Nights;

/// <summary>How the night stands, in people (not households), per priority tier and in total.</summary>
public sealed record GetNightSummary(LocalDate Night) : IQuery<NightSummary>;

/// <summary>
/// People counts: requested is every request of the night that is not cancelled; placed is confirmed or delivered;
/// unplaced is split by the matching's reason.
/// </summary>
public sealed record PeopleCounts(int Requested, int Placed, int Proposed, int Waiting, int Unplaced,
    IReadOnlyDictionary<string, int> UnplacedByReason, int Cancelled);

public sealed record TierSummary(int Tier, PeopleCounts People);

public sealed record NightSummary(LocalDate Night, IReadOnlyList<TierSummary> Tiers, PeopleCounts Total);

public sealed class GetNightSummaryHandler(IHostingMatchDb db) : IQueryHandler<GetNightSummary, NightSummary>
{
    public async ValueTask<NightSummary> Handle(GetNightSummary query, CancellationToken cancellationToken)
    {
        // Tiers are derived from members in the domain, so the night's rows (hundreds at most) are counted in memory.
        var rows = await (from r in db.Requests.AsNoTracking()
                          join h in db.Households.AsNoTracking() on r.HouseholdId equals h.Id
                          where r.Night == query.Night
                          select new { r.Status, r.UnplacedReason, Household = h }).ToListAsync(cancellationToken);
        var people = rows.Select(x => (x.Status, Reason: (string?)x.UnplacedReason, x.Household.Tier, x.Household.People)).ToList();
        var tiers = Enumerable.Range(Priority.HighestTier, Priority.LowestTier - Priority.HighestTier + 1)
            .Select(tier => new TierSummary(tier, Count(people.Where(p => p.Tier == tier))))
            .ToList();
        return new NightSummary(query.Night, tiers, Count(people));
    }

    private static PeopleCounts Count(IEnumerable<(RequestStatus Status, string? Reason, int Tier, int People)> rows)
    {
        var list = rows.ToList();
        int Sum(params RequestStatus[] statuses) => list.Where(p => statuses.Contains(p.Status)).Sum(p => p.People);
        var byReason = list.Where(p => p.Status == RequestStatus.Unplaced)
            .GroupBy(p => p.Reason ?? "unknown")
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(p => p.People));
        return new PeopleCounts(
            Requested: list.Where(p => p.Status != RequestStatus.Cancelled).Sum(p => p.People),
            Placed: Sum(RequestStatus.Confirmed, RequestStatus.Delivered),
            Proposed: Sum(RequestStatus.Proposed),
            Waiting: Sum(RequestStatus.Waiting),
            Unplaced: Sum(RequestStatus.Unplaced),
            UnplacedByReason: byReason,
            Cancelled: Sum(RequestStatus.Cancelled));
    }
}
