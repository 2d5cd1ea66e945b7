using HostingMatch.Domain.Stays;
using Microsoft.EntityFrameworkCore;

namespace HostingMatch.Application.Stays;

/// <summary>
/// The questions the stays programme has put to hosts by SMS and not had answered yet: a proposal awaiting its host's
/// answer (at most one per host) and an open weekly check-in (at most one per stay). A host with one is asked nothing
/// else, by either programme, until it is answered (docs/stays.md, "One question at a time").
/// </summary>
public static class StaysQuestions
{
    /// <summary>Proposals sent to their hosts and not answered yet (<see cref="Stay.IsAwaitingHost"/>, as a query).</summary>
    public static IQueryable<Stay> AwaitingAnswer(this IQueryable<Stay> stays) =>
        stays.Where(s => s.Status == StayStatus.Proposed && s.ProposedToHostAt != null);

    /// <summary>Check-ins sent and not answered nor lapsed yet (<see cref="StayCheckIn.IsOpen"/>, as a query).</summary>
    public static IQueryable<StayCheckIn> Open(this IQueryable<StayCheckIn> checkIns) => checkIns.Where(c => c.Outcome == null);

    /// <summary>The hosts with a stays question awaiting their answer.</summary>
    public static async Task<HashSet<Guid>> HostsAskedAsync(IHostingMatchDb db, CancellationToken ct) =>
    [
        .. await db.Stays.AsNoTracking().AwaitingAnswer().Select(s => s.HostId).ToListAsync(ct),
        .. await db.StayCheckIns.AsNoTracking().Open().Select(c => c.HostId).ToListAsync(ct),
    ];
}
