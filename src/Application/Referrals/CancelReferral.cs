using HostingMatch.Domain.Requests;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Referrals;

/// <summary>
/// The partner withdraws a referral of theirs. Null when there is none with this id in their organisation;
/// a delivered one cannot be cancelled (409 <c>request-invalid-transition</c>). Cancelling one already cancelled changes
/// nothing and answers it as the first time did, so a client may retry a DELETE that timed out.
/// </summary>
public sealed record CancelReferral(Guid OrganisationId, Guid Id) : ICommand<ReferralResponse?>;

public sealed class CancelReferralHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<CancelReferral, ReferralResponse?>
{
    public async ValueTask<ReferralResponse?> Handle(CancelReferral command, CancellationToken cancellationToken)
    {
        var request = await (from f in db.Referrals
                             where f.OrganisationId == command.OrganisationId && f.RequestId == command.Id
                             join r in db.Requests on f.RequestId equals r.Id
                             select r).FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return null;
        }

        if (request.Status != RequestStatus.Cancelled)
        {
            request.Cancel(clock.GetCurrentInstant());
            await db.SaveChangesAsync(cancellationToken);
        }

        return await ReferralReads.GetAsync(db, command.OrganisationId, command.Id, cancellationToken);
    }
}
