using FluentValidation;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Referrals;

/// <summary>The caller's organisation's referrals, newest first, optionally of one night and one partner status, a page at a time.</summary>
public sealed record ListReferrals(Guid OrganisationId, LocalDate? Night = null, string? Status = null, int Page = 1, int PageSize = 20)
    : IQuery<ReferralPage>;

public sealed class ListReferralsValidator : AbstractValidator<ListReferrals>
{
    public ListReferralsValidator()
    {
        RuleFor(q => q.Status).Must(s => s is null || PartnerStatus.All.Contains(s))
            .WithMessage("must be waiting, placed, no-place-tonight or cancelled");
        RuleFor(q => q.Page).InclusiveBetween(1, 100_000);
        RuleFor(q => q.PageSize).InclusiveBetween(1, 100);
    }
}

public sealed class ListReferralsHandler(IHostingMatchDb db) : IQueryHandler<ListReferrals, ReferralPage>
{
    public async ValueTask<ReferralPage> Handle(ListReferrals query, CancellationToken cancellationToken)
    {
        var rows = ReferralReads.OfOrganisation(db, query.OrganisationId);
        if (query.Night is { } night)
        {
            rows = rows.Where(x => x.Request.Night == night);
        }

        if (query.Status is { } status)
        {
            var (first, second) = PartnerStatus.Behind(status);
            rows = rows.Where(x => x.Request.Status == first || x.Request.Status == second);
        }

        var total = await rows.CountAsync(cancellationToken);
        var page = await rows.OrderByDescending(x => x.Referral.CreatedAt).ThenByDescending(x => x.Referral.RequestId)
            .Skip((query.Page - 1) * query.PageSize).Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return new ReferralPage(await ReferralReads.ToResponsesAsync(db, page, cancellationToken), query.Page, query.PageSize, total);
    }
}
