using HostingMatch.Application.Pipeline;
using Mediator;
using NodaTime;

namespace HostingMatch.Application.Matching;

/// <summary>
/// Every host, for one request of the night, as a coordinator moving it by hand needs them: what each has left tonight,
/// and whether the household may go there, or the first hard rule that says no. Hosts it may go to come first, then
/// the nearest, then by code. Null when the night has no such request.
/// </summary>
public sealed record HostsForHousehold(LocalDate Night, Guid RequestId) : IQuery<IReadOnlyList<HostForHousehold>?>, IAudited;

/// <summary>
/// One host for one household tonight. <paramref name="BedsFree"/> and <paramref name="HouseholdsFree"/> are what remains
/// after every other placement of the night at the host (confirmed, delivered, proposed). <paramref name="ReasonCode"/>
/// (kebab-case, stable) and <paramref name="Reason"/> (a sentence) are null when <paramref name="Allowed"/>.
/// </summary>
public sealed record HostForHousehold(
    Guid HostId,
    string Code,
    string Name,
    int BedsFree,
    int HouseholdsFree,
    int TravelMinutes,
    bool Allowed,
    string? ReasonCode,
    string? Reason);

public sealed class HostsForHouseholdHandler(IHostingMatchDb db) : IQueryHandler<HostsForHousehold, IReadOnlyList<HostForHousehold>?>
{
    public async ValueTask<IReadOnlyList<HostForHousehold>?> Handle(HostsForHousehold query, CancellationToken cancellationToken)
    {
        var placement = await HandPlacement.LoadAsync(db, query.Night, query.RequestId, track: false, cancellationToken);
        return placement?.Hosts.Select(placement.Judge)
            .OrderByDescending(h => h.Allowed).ThenBy(h => h.TravelMinutes).ThenBy(h => h.Code, StringComparer.Ordinal)
            .ToList();
    }
}
