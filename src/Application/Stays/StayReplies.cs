using HostingMatch.Application.Sms;
using HostingMatch.Domain;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Sms;
using HostingMatch.Domain.Stays;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Stays;

/// <summary>
/// A host's SMS read for the stays programme (docs/stays.md, "The conversation with hosts"), when no night offer is open
/// for them (tonight's offer comes first: it cannot wait). A host has at most one stay proposal awaiting an answer and one
/// check-in open, never both at once (<see cref="SettleStays"/> asks one question at a time), so a reply means one thing:
/// <list type="bullet">
/// <item>OUI / NON to the awaiting proposal confirms or declines it (a declined host is not proposed that guest again and
/// the plan heals by itself); an answer after its time expires it and thanks the host;</item>
/// <item>OK to the open check-in closes it; APPEL (or NON) asks for the referent's call;</item>
/// <item>ANNULE calls off the host's next confirmed stay that has not begun, and tells the coordinators.</item>
/// </list>
/// </summary>
public static class StayReplies
{
    /// <summary>How long a late answer to a closed proposal is still recognised as one (and thanked as such).</summary>
    private static readonly Duration RecentlyClosed = Duration.FromDays(2);

    /// <summary>The reply and its outcome, or null when nothing of the stays programme waits for this host's answer.</summary>
    public static async Task<SmsReply?> TryApplyAsync(IHostingMatchDb db, Host host, ReplyIntent intent, Instant now, CancellationToken ct)
    {
        var language = host.Language;
        if (intent is ReplyIntent.Accept or ReplyIntent.Decline)
        {
            var proposal = await db.Stays.AwaitingAnswer().FirstOrDefaultAsync(s => s.HostId == host.Id, ct);
            if (proposal is not null)
            {
                if (proposal.IsOverdueAt(now))
                {
                    proposal.Expire(now);
                    return new SmsReply(SmsTemplates.StayNoLongerOpen(language), "stay-too-late");
                }

                if (intent == ReplyIntent.Accept)
                {
                    proposal.AcceptByHost(now);
                    return new SmsReply(SmsTemplates.StayThanks(language, host.DisplayName, proposal.From), "stay-accepted");
                }

                proposal.Decline(now);
                return new SmsReply(SmsTemplates.DeclineAck(language), "stay-declined");
            }
        }

        if (intent is ReplyIntent.Accept or ReplyIntent.Decline or ReplyIntent.Call
            && await db.StayCheckIns.Open().FirstOrDefaultAsync(c => c.HostId == host.Id, ct) is { } checkIn)
        {
            if (intent == ReplyIntent.Accept)
            {
                checkIn.Answer(CheckInOutcome.Fine, now);
                return new SmsReply(SmsTemplates.CheckInThanks(language), "check-in-ok");
            }

            checkIn.Answer(CheckInOutcome.NeedsCall, now);
            return new SmsReply(SmsTemplates.CheckInCallAck(language), "check-in-call");
        }

        if (intent is ReplyIntent.Accept or ReplyIntent.Decline
            && await db.Stays.AnyAsync(s => s.HostId == host.Id && s.ProposedToHostAt != null && s.Status == StayStatus.Cancelled
                                            && s.UpdatedAt > now - RecentlyClosed, ct))
        {
            // An answer to a proposal that expired or was replaced a little earlier: thank them, nothing changes.
            return new SmsReply(SmsTemplates.StayNoLongerOpen(language), "stay-too-late");
        }

        if (intent == ReplyIntent.Cancel)
        {
            var today = Night.Current(now);
            // Until the noon the guest is due (a night starts at noon): after that the guest may be at the door, and a
            // coordinator must call.
            var confirmed = await db.Stays.Where(s => s.HostId == host.Id && s.Status == StayStatus.Confirmed && s.From > today)
                .OrderBy(s => s.From).FirstOrDefaultAsync(ct);
            if (confirmed is not null)
            {
                confirmed.CancelByHost(now);
                db.Alerts.Add(CoordinatorAlert.Raise("stay-cancelled-by-host",
                    $"{host.DisplayName} ({host.Code}) called off the stay from {confirmed.From:yyyy-MM-dd} to {confirmed.Until:yyyy-MM-dd}; " +
                    "the plan is re-made without them for that guest.", host.Id, now));
                return new SmsReply(SmsTemplates.StayCancelAck(language), "stay-cancelled");
            }
        }

        return null;
    }

    /// <summary>
    /// The host sent STOP: a proposal they have is declined (the plan heals without them) and a check-in open, or their stay
    /// under way, alerts the referent (SMS no longer reaches them). Returns a sentence for the coordinators' alert, or empty.
    /// </summary>
    public static async Task<string> OptOutAsync(IHostingMatchDb db, Host host, Instant now, CancellationToken ct)
    {
        var note = string.Empty;
        var proposal = await db.Stays.AwaitingAnswer().FirstOrDefaultAsync(s => s.HostId == host.Id, ct);
        if (proposal is not null)
        {
            if (proposal.IsOverdueAt(now))
            {
                proposal.Expire(now);
            }
            else
            {
                proposal.Decline(now);
            }

            note += " Their stay proposal is withdrawn and re-planned.";
        }

        var today = Night.Current(now);
        var underWay = await db.Stays.AsNoTracking()
            .AgreedOn(today).Where(s => s.HostId == host.Id)
            .ToListAsync(ct);
        foreach (var stay in underWay)
        {
            var open = await db.StayCheckIns.Open().FirstOrDefaultAsync(c => c.StayId == stay.Id, ct);
            if (open is null)
            {
                open = StayCheckIn.Send(stay, now, now + Duration.FromHours(1));
                db.StayCheckIns.Add(open);
            }

            open.Answer(CheckInOutcome.HostOptedOut, now);
        }

        if (underWay.Count > 0)
        {
            note += " They host a guest of the stays programme now: the referent is alerted.";
        }

        return note;
    }
}
