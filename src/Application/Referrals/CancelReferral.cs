using System.Globalization;
using HostingMatch.Application.Offers;
using HostingMatch.Application.Sms;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Sms;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Referrals;

/// <summary>
/// The partner withdraws a referral of theirs. When a host was offered the household (open offer) or said yes (accepted),
/// the offer is cancelled as a coordinator would, the host is told by SMS (through the outbox) not to expect anyone, and
/// the coordinators get a <c>referral-cancelled</c> alert: all in one commit, with the request's cancellation. Null when
/// there is none with this id in their organisation; a delivered one cannot be cancelled (409 <c>request-invalid-transition</c>). Cancelling one already cancelled changes
/// nothing and answers it as the first time did, so a client may retry a DELETE that timed out.
/// </summary>
public sealed record CancelReferral(Guid OrganisationId, Guid Id) : ICommand<ReferralResponse?>;

public sealed class CancelReferralHandler(IHostingMatchDb db, IClock clock, IOutboxNotifier outbox) : ICommandHandler<CancelReferral, ReferralResponse?>
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
            // First, so that a delivered household (409) leaves the offer, the host and the alerts untouched.
            var now = clock.GetCurrentInstant();
            request.Cancel(now);
            var offer = await OfferCancellation.LiveOfferAsync(db, request.Id, cancellationToken);
            if (offer is not null)
            {
                await OfferCancellation.CancelAsync(db, offer, now, cancellationToken);
                await TellHostAndCoordinatorsAsync(offer, request.HouseholdId, now, cancellationToken);
            }

            await db.SaveChangesAsync(cancellationToken);
            if (offer is not null)
            {
                outbox.MessagesQueued();
            }
        }

        return await ReferralReads.GetAsync(db, command.OrganisationId, command.Id, cancellationToken);
    }

    /// <summary>The alert names the household by its alias and the host by name and code, as the other alerts do; the SMS names nobody.</summary>
    private async Task TellHostAndCoordinatorsAsync(Offer offer, Guid householdId, Instant now, CancellationToken cancellationToken)
    {
        var host = await db.Hosts.AsNoTracking().FirstAsync(h => h.Id == offer.HostId, cancellationToken);
        var alias = await db.Households.Where(h => h.Id == householdId).Select(h => h.Alias).FirstAsync(cancellationToken);
        var told = host.SmsOptedOutAt is null;
        if (told)
        {
            db.OutboundSms.Add(OutboundSms.Create(host.Phone, SmsTemplates.StayCancelled(host.Language, host.DisplayName),
                SmsKind.Notice, host.Id, offer.Id, now));
        }

        db.Alerts.Add(CoordinatorAlert.Raise("referral-cancelled",
            $"The partner withdrew {alias}: {host.DisplayName} ({host.Code}) no longer hosts them on {Iso(offer.Night)}; the offer is cancelled"
            + (told ? " and the host was told by SMS." : ". The host opted out of SMS: call them."),
            host.Id, now));
    }

    private static string Iso(LocalDate date) => date.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);
}
