using HostingMatch.Application.Requests;
using HostingMatch.Application.Pipeline;
using FluentValidation;
using HostingMatch.Domain;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Hosts;

/// <summary>
/// Hosts, optionally filtered: <paramref name="Search"/> in name, code or address;
/// <paramref name="AvailableOn"/> keeps those who can host that night (available, valid agreement, not opted out).
/// </summary>
public sealed record ListHosts(string? Search = null, LocalDate? AvailableOn = null) : IQuery<IReadOnlyList<HostListItem>>, IAudited;

/// <summary>
/// A host in a list, with what the console highlights: the agreement, and <paramref name="NightsThisMonth"/>, the nights
/// the host has hosted in tonight's calendar month, tonight's confirmed placements included (docs/matching.md, host load).
/// </summary>
public sealed record HostListItem(HostResponse Host, bool AgreementExpiresSoon, bool AgreementExpired, int NightsThisMonth = 0);

public sealed class ListHostsValidator : AbstractValidator<ListHosts>
{
    public ListHostsValidator() => RuleFor(q => q.Search).MaximumLength(100);
}

public sealed class ListHostsHandler(IHostingMatchDb db, IClock clock) : IQueryHandler<ListHosts, IReadOnlyList<HostListItem>>
{
    /// <summary>Agreements ending within this many days are highlighted for renewal.</summary>
    public const int ExpiryWarningDays = 30;

    public async ValueTask<IReadOnlyList<HostListItem>> Handle(ListHosts query, CancellationToken cancellationToken)
    {
        var hosts = db.Hosts.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var term = query.Search.Trim().ToLowerInvariant();
            hosts = hosts.Where(h => h.DisplayName.ToLower().Contains(term) || h.Code.ToLower().Contains(term)
                                     || h.Address.ToLower().Contains(term));
        }

        var today = Night.Current(clock.GetCurrentInstant());
        var list = await HostRows.ReadAsync(hosts, cancellationToken);
        var monthStart = today.With(DateAdjusters.StartOfMonth);
        var nights = (await db.Requests.AsNoTracking().HostedBetween(monthStart, today.PlusDays(1))
                .Select(r => new { HostId = r.HostId!.Value, r.Night }).Distinct().ToListAsync(cancellationToken))
            .GroupBy(x => x.HostId).ToDictionary(g => g.Key, g => g.Count());
        return list
            .Where(h => query.AvailableOn is not { } night || h.CanHostOn(night))
            .Select(h => new HostListItem(h.Response, h.Agreement.ExpiresWithin(today, ExpiryWarningDays), h.Agreement.ValidUntil < today,
                nights.GetValueOrDefault(h.Response.Id)))
            .ToList();
    }
}
