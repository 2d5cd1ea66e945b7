using Mediator;

namespace HostingMatch.Application.Referrals;

/// <summary>One of the caller's organisation's referrals; null when there is none with this id in that organisation.</summary>
public sealed record GetReferral(Guid OrganisationId, Guid Id) : IQuery<ReferralResponse?>;

public sealed class GetReferralHandler(IHostingMatchDb db) : IQueryHandler<GetReferral, ReferralResponse?>
{
    public async ValueTask<ReferralResponse?> Handle(GetReferral query, CancellationToken cancellationToken) =>
        await ReferralReads.GetAsync(db, query.OrganisationId, query.Id, cancellationToken);
}
