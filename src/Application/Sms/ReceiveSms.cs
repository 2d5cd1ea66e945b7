using HostingMatch.Application.Pipeline;
using FluentValidation;
using HostingMatch.Application.Offers;
using HostingMatch.Application.Stays;
using HostingMatch.Application.Validation;
using HostingMatch.Domain;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Placements;
using HostingMatch.Domain.Requests;
using HostingMatch.Domain.Sms;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Sms;

/// <summary>
/// An SMS a host sent (Twilio's inbound webhook, signature already checked). Processed once per
/// <paramref name="MessageSid"/>: the record of it commits with its effects, under a unique index.
/// <paramref name="OptOutType"/> is what Twilio's Advanced Opt-Out made of it (<c>STOP</c>, <c>START</c>, <c>HELP</c>), if anything.
/// </summary>
public sealed record ReceiveSms(string MessageSid, string From, string Body, string? OptOutType = null) : ICommand<SmsReply>, ITransactional, IRetriedOnConflict;

/// <summary>What to answer in the webhook's TwiML; null answers nothing (a duplicate, a stranger).</summary>
public sealed record SmsReply(string? Message, string Outcome);

/// <summary>
/// What Twilio sends fits our columns: a Twilio SID is 34 characters (64 kept), a number in E.164 at most 16 (32 kept).
/// Anything else did not come from Twilio: refused with 400, nothing stored. The body is kept whatever it holds
/// (<see cref="TextHygiene.Scrub"/>): a host's words are never refused.
/// </summary>
public sealed class ReceiveSmsValidator : AbstractValidator<ReceiveSms>
{
    public const int MaxSidLength = 64;
    public const int MaxFromLength = 32;

    public ReceiveSmsValidator()
    {
        RuleFor(c => c.MessageSid).NotEmpty().MaximumLength(MaxSidLength).CleanText();
        RuleFor(c => c.From).NotEmpty().MaximumLength(MaxFromLength).CleanText();
        RuleFor(c => c.OptOutType).MaximumLength(MaxFromLength).CleanText();
    }
}

public sealed class ReceiveSmsHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<ReceiveSms, SmsReply>
{
    public async ValueTask<SmsReply> Handle(ReceiveSms command, CancellationToken cancellationToken)
    {
        if (await db.InboundSms.AnyAsync(m => m.MessageSid == command.MessageSid, cancellationToken))
        {
            return new SmsReply(null, "duplicate");
        }

        var now = clock.GetCurrentInstant();
        var body = TextHygiene.Scrub(command.Body);
        var host = await db.Hosts.FirstOrDefaultAsync(h => h.Phone == command.From, cancellationToken);
        var intent = command.OptOutType?.ToUpperInvariant() switch
        {
            // Twilio already unsubscribed (or resubscribed) the number: whatever the words, follow it.
            "STOP" => ReplyIntent.OptOut,
            "START" => ReplyIntent.OptIn,
            _ => ReplyParser.Parse(body),
        };

        var reply = host is null
            ? new SmsReply(null, "unknown-number")
            : await ApplyAsync(host, intent, now, cancellationToken);
        db.InboundSms.Add(InboundSms.Create(command.MessageSid, command.From, body, host?.Id, reply.Outcome, reply.Message, now));
        await db.SaveChangesAsync(cancellationToken);
        return reply;
    }

    private async Task<SmsReply> ApplyAsync(Host host, ReplyIntent intent, Instant now, CancellationToken cancellationToken)
    {
        var language = host.Language;
        switch (intent)
        {
            case ReplyIntent.OptOut:
                host.OptOutOfSms(now);
                var staysNote = await StayReplies.OptOutAsync(db, host, now, cancellationToken);
                var open = await OpenOfferAsync(host, cancellationToken);
                if (open is not null)
                {
                    PlacementLifecycle.Cancel(open, await RequestOfAsync(open, cancellationToken), now);
                }

                // An accepted stay holds (STOP turns SMS off, it is not ANNULE), but we can no longer text them the van's time.
                var night = Night.Current(now);
                var confirmedAlias = await (
                    from o in db.Offers
                    where o.HostId == host.Id && o.Night == night && o.Status == OfferStatus.Accepted
                    join hh in db.Households on o.HouseholdId equals hh.Id
                    select hh.Alias).FirstOrDefaultAsync(cancellationToken);
                db.Alerts.Add(CoordinatorAlert.Raise("host-opted-out",
                    $"{host.DisplayName} ({host.Code}) sent STOP: no more SMS to them and they are not matched until they send START."
                    + (open is null ? string.Empty : " Their open offer was cancelled and the household goes back to the pool.")
                    + (confirmedAlias is null ? string.Empty
                        : $" They have a confirmed household tonight ({confirmedAlias}): SMS can no longer reach them, call them for the van's time or to check the stay holds.")
                    + staysNote,
                    host.Id, now));
                return new SmsReply(SmsTemplates.OptOutAck(language), "opted-out");

            case ReplyIntent.OptIn:
                host.OptBackIntoSms();
                return new SmsReply(SmsTemplates.OptInAck(language), "opted-in");

            // The stays programme's questions (docs/stays.md) when tonight's offer is not in play: it cannot wait, and ANNULE
            // after a yes tonight is about tonight.
            case ReplyIntent.Accept or ReplyIntent.Decline or ReplyIntent.Cancel or ReplyIntent.Call
                when !await NightOfferInPlayAsync(host, intent, now, cancellationToken)
                     && await StayReplies.TryApplyAsync(db, host, intent, now, cancellationToken) is { } stayReply:
                return stayReply;

            case ReplyIntent.Accept:
                return await AcceptAsync(host, now, cancellationToken);

            case ReplyIntent.Decline:
                var toDecline = await OpenOfferAsync(host, cancellationToken);
                if (toDecline is null || toDecline.IsOverdueAt(now))
                {
                    return await NoOpenOfferAsync(host, toDecline, intent, now, cancellationToken);
                }

                PlacementLifecycle.Decline(toDecline, await RequestOfAsync(toDecline, cancellationToken), now);
                return new SmsReply(SmsTemplates.DeclineAck(language), "declined");

            case ReplyIntent.Cancel:
                var tonight = Night.Current(now);
                var toCancel = await db.Offers
                    .Where(o => o.HostId == host.Id && o.Night == tonight && (o.Status == OfferStatus.Open || o.Status == OfferStatus.Accepted))
                    .OrderByDescending(o => o.CreatedAt)
                    .FirstOrDefaultAsync(cancellationToken);
                if (toCancel is null || toCancel.IsOverdueAt(now))
                {
                    return await NoOpenOfferAsync(host, toCancel, intent, now, cancellationToken);
                }

                PlacementLifecycle.Cancel(toCancel, await RequestOfAsync(toCancel, cancellationToken), now);
                db.Alerts.Add(CoordinatorAlert.Raise("host-cancelled",
                    $"{host.DisplayName} ({host.Code}) cancelled tonight's stay; the household goes back to the pool.", host.Id, now));
                return new SmsReply(SmsTemplates.CancelAck(language), "cancelled");

            default:
                return new SmsReply(SmsTemplates.Help(language), "help");
        }
    }

    private async Task<SmsReply> AcceptAsync(Host host, Instant now, CancellationToken cancellationToken)
    {
        var offer = await OpenOfferAsync(host, cancellationToken);
        if (offer is null || offer.IsOverdueAt(now))
        {
            return await NoOpenOfferAsync(host, offer, ReplyIntent.Accept, now, cancellationToken);
        }

        // False when the household was placed elsewhere or withdrawn since the offer went out.
        var request = await RequestOfAsync(offer, cancellationToken);
        return PlacementLifecycle.Accept(offer, request, now)
            ? new SmsReply(SmsTemplates.Thanks(host.Language, host.DisplayName, request.Ride), "accepted")
            : new SmsReply(SmsTemplates.TooLate(host.Language), "too-late");
    }

    /// <summary>
    /// A yes, no or cancel with nothing to apply it to. An offer past its time is expired here (the expiry worker may not
    /// have run yet) and the household goes back to the pool; a reply after an offer closed gets "already arranged",
    /// except from a host who accepted tonight: their household is coming, so a yes is told it is still on and a no
    /// how to cancel (ANNULE), never "already arranged", which would read as "nobody is coming".
    /// </summary>
    private async Task<SmsReply> NoOpenOfferAsync(Host host, Offer? overdue, ReplyIntent intent, Instant now, CancellationToken cancellationToken)
    {
        if (overdue is not null && overdue.IsOverdueAt(now))
        {
            PlacementLifecycle.Expire(overdue, await RequestOfAsync(overdue, cancellationToken), now);
            return new SmsReply(SmsTemplates.TooLate(host.Language), "too-late");
        }

        var night = Night.Current(now);
        var acceptedTonight = await db.Offers.AnyAsync(
            o => o.HostId == host.Id && o.Night == night && o.Status == OfferStatus.Accepted, cancellationToken);
        if (acceptedTonight)
        {
            return intent == ReplyIntent.Accept
                ? new SmsReply(SmsTemplates.StillConfirmed(host.Language), "already-accepted")
                : new SmsReply(SmsTemplates.ConfirmedCancelHelp(host.Language), "help");
        }

        var closedTonight = await db.Offers.AnyAsync(o => o.HostId == host.Id && o.Night == night, cancellationToken);
        return closedTonight
            ? new SmsReply(SmsTemplates.TooLate(host.Language), "too-late")
            : new SmsReply(SmsTemplates.NothingPending(host.Language), "nothing-pending");
    }

    private async Task<bool> NightOfferInPlayAsync(Host host, ReplyIntent intent, Instant now, CancellationToken cancellationToken)
    {
        var night = Night.Current(now);
        return await db.Offers.AnyAsync(o => o.HostId == host.Id && (o.Status == OfferStatus.Open
            || (intent == ReplyIntent.Cancel && o.Night == night && o.Status == OfferStatus.Accepted)), cancellationToken);
    }

    private Task<Offer?> OpenOfferAsync(Host host, CancellationToken cancellationToken) =>
        db.Offers.FirstOrDefaultAsync(o => o.HostId == host.Id && o.Status == OfferStatus.Open, cancellationToken);

    private Task<ShelterRequest> RequestOfAsync(Offer offer, CancellationToken cancellationToken) =>
        db.Requests.FirstAsync(r => r.Id == offer.RequestId, cancellationToken);
}
