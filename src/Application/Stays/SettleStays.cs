using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Sms;
using HostingMatch.Domain;
using HostingMatch.Domain.Hosts;
using HostingMatch.Domain.Offers;
using HostingMatch.Domain.Sms;
using HostingMatch.Domain.Stays;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace HostingMatch.Application.Stays;

/// <summary>
/// Keeps the stays programme's conversation with hosts moving without a coordinator (the stays worker runs it every
/// minute on every instance; docs/stays.md, "The conversation with hosts"). In order, each step committing on its own:
/// <list type="number">
/// <item>proposals unanswered after <c>Stays:OfferTimeoutHours</c> expire, and proposals never sent by the time their
/// guest was due lapse;</item>
/// <item>a plan whose proposal was declined, expired, or cancelled by its host since it was made is re-planned over what is
/// left of its horizon, by itself: the refusing host is never proposed to that guest again, and proposals other hosts have
/// in hand are kept as they are;</item>
/// <item>proposed stays starting within <c>Stays:ProposeAheadDays</c> go to their hosts by SMS, one awaiting answer per
/// host, never to a host who sent STOP, has a night offer open or a check-in unanswered (a yes must mean one thing);</item>
/// <item>the latest plans' uncovered nights entering the one-night programme's week ahead become one-night requests;</item>
/// <item>hosts of confirmed stays are reminded <c>Stays:ReminderDaysBefore</c> days before the arrival;</item>
/// <item>check-ins: every <c>Stays:CheckInIntervalDays</c> of a stay under way its host is asked how it goes; no answer
/// within <c>Stays:CheckInAnswerHours</c>, APPEL, or STOP alerts the guest's referent by SMS and the coordinators, once;</item>
/// <item>a volunteer driver texted for a journey whose stay was called off since is told not to come.</item>
/// </list>
/// Two instances never send one message twice: a host's one awaiting proposal and a stay's one open check-in are unique
/// indexes, and reminders go with the stay's row version; the loser of a race saves nothing and the next round finds the work done.
/// </summary>
public sealed record SettleStays : ICommand<SettleStaysResult>, IRetriedOnConflict;

public sealed record SettleStaysResult(int Expired, int Replanned, int Proposed, int Reminded, int CheckIns, int Alerts);

public sealed class SettleStaysHandler(
    IHostingMatchDb db,
    IClock clock,
    IOptions<StaysOptions> options,
    ICommandHandler<PlanStays, StaysPlanResponse> planStays)
    : ICommandHandler<SettleStays, SettleStaysResult>
{
    public async ValueTask<SettleStaysResult> Handle(SettleStays command, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var now = clock.GetCurrentInstant();
        var today = Night.Current(now);

        var overdue = await db.Stays.Where(s => s.Status == StayStatus.Proposed && s.AnswerDueAt <= now).ToListAsync(cancellationToken);
        foreach (var stay in overdue)
        {
            stay.Expire(now);
        }

        // A proposal never sent by the time its guest was due (its host busy with another question) would hold its nights
        // for ever: withdrawn, so that the re-plan (or the one-night programme) takes the guest.
        var dueBy = Night.Current(now + Duration.FromHours(1));
        var unsent = await db.Stays.Where(s => s.Status == StayStatus.Proposed && s.ProposedToHostAt == null && s.From <= dueBy)
            .ToListAsync(cancellationToken);
        foreach (var stay in unsent.Where(s => Arrival(s) - now < Duration.FromHours(1)))
        {
            stay.Lapse(now);
        }

        await db.SaveChangesAsync(cancellationToken);

        var replanned = await ReplanAfterRefusalsAsync(today, now, cancellationToken);
        await CarryUncoveredNightsAsync(now, cancellationToken);
        var proposed = await ProposeAsync(settings, now, today, cancellationToken);
        var reminded = await RemindAsync(settings, now, today, cancellationToken);
        var checkIns = await CheckInAsync(settings, now, today, cancellationToken);
        var alerts = await AlertReferentsAsync(now, cancellationToken);
        await TellDriversCalledOffAsync(now, cancellationToken);
        return new SettleStaysResult(overdue.Count, replanned, proposed, reminded, checkIns, alerts);
    }

    /// <summary>
    /// Each scope (a region, or all) whose latest plan lost a stay to its host's refusal since it was made is planned again
    /// from tonight (or its start) to its end: a refusal on the day the guest was due leaves tonight to the re-plan, and
    /// tonight's nights still uncovered to the one-night programme. Returns how many scopes were re-planned. A scope whose
    /// plan fails (data a coordinator must fix) is told to the coordinators, once an hour, and the other steps go on.
    /// </summary>
    private async Task<int> ReplanAfterRefusalsAsync(LocalDate today, Instant now, CancellationToken cancellationToken)
    {
        var refusedPlans = await db.Stays.AsNoTracking()
            .Where(s => s.Status == StayStatus.Cancelled && s.ClosedBecause != null && s.PlanId != null)
            .Join(db.StaysPlans.AsNoTracking(), s => s.PlanId, p => p.Id, (s, p) => new { p.Region, ClosedAt = s.UpdatedAt })
            .GroupBy(x => x.Region)
            .Select(g => new { Region = g.Key, LastClosedAt = g.Max(x => x.ClosedAt) })
            .ToListAsync(cancellationToken);
        var count = 0;
        foreach (var scope in refusedPlans)
        {
            var latest = await LatestPlanAsync(scope.Region, cancellationToken);
            var from = latest.PlanFrom > today ? latest.PlanFrom : today;
            if (latest.PlannedAt >= scope.LastClosedAt || from >= latest.PlanUntil)
            {
                continue;
            }

            // Recovering for real: one region's data a coordinator must fix (beds lowered under agreed stays...) must not
            // stop the proposals, reminders and check-ins of every region.
            try
            {
                await planStays.Handle(new PlanStays(from, latest.PlanUntil, latest.Region), cancellationToken);
                count++;
            }
            catch (Exception e) when (e is Domain.Common.DomainException or ArgumentException or InvalidOperationException)
            {
                ((DbContext)db).ChangeTracker.Clear();
                await TellReplanFailedAsync(latest.Region, e.Message, now, cancellationToken);
            }
        }

        return count;
    }

    /// <summary>
    /// The one-night programme takes nights a week ahead: as the days pass, the latest plan's uncovered nights that come
    /// into that window become one-night requests (UncoveredNightRequests; a night already requested is left as it is).
    /// </summary>
    private async Task CarryUncoveredNightsAsync(Instant now, CancellationToken cancellationToken)
    {
        var scopes = await db.StaysPlans.AsNoTracking().Select(p => p.Region).Distinct().ToListAsync(cancellationToken);
        if (scopes.Count == 0)
        {
            return;
        }

        var guests = await db.StayGuests.AsNoTracking().ToDictionaryAsync(g => g.Id, cancellationToken);
        foreach (var region in scopes)
        {
            var latest = await LatestPlanAsync(region, cancellationToken);
            await UncoveredNightRequests.RegisterAsync(db, latest, guests, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The latest plan of a scope: one region's, or (null) the plans of all regions.</summary>
    private Task<StoredStaysPlan> LatestPlanAsync(string? region, CancellationToken cancellationToken) =>
        db.StaysPlans.AsNoTracking().Where(p => p.Region == region)
            .LatestFirst().FirstAsync(cancellationToken);

    private async Task TellReplanFailedAsync(string? region, string why, Instant now, CancellationToken cancellationToken)
    {
        const string Code = "stays-replan-failed";
        var hourAgo = now - Duration.FromHours(1);
        if (await db.Alerts.AnyAsync(a => a.Code == Code && a.RaisedAt > hourAgo, cancellationToken))
        {
            return;
        }

        db.Alerts.Add(CoordinatorAlert.Raise(Code,
            $"The stays of {region ?? "every region"} could not be re-planned after a host's refusal: {why} Plan it from the stays page once fixed.",
            null, now));
        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<int> ProposeAsync(StaysOptions settings, Instant now, LocalDate today, CancellationToken cancellationToken)
    {
        var horizon = today.PlusDays(settings.ProposeAheadDays);
        var due = await db.Stays
            .Where(s => s.Status == StayStatus.Proposed && s.ProposedToHostAt == null && s.From >= today && s.From <= horizon)
            .OrderBy(s => s.From).ThenBy(s => s.Id)
            .ToListAsync(cancellationToken);
        var busy = await BusyHostsAsync(cancellationToken);
        var hosts = await HostsAsync(due.Select(s => s.HostId), cancellationToken);
        var members = await MembersAsync(due.Select(s => s.GuestId), cancellationToken);
        var sent = 0;
        foreach (var stay in due)
        {
            if (!busy.Add(stay.HostId))
            {
                continue;
            }

            var host = hosts[stay.HostId];
            if (host.SmsOptedOutAt is not null)
            {
                // Nobody can ask them: the plan heals without them for this guest (the next round re-plans), and the
                // coordinators know why.
                stay.WithdrawUnreachable(now);
                db.Alerts.Add(CoordinatorAlert.Raise("stay-host-unreachable",
                    $"{host.DisplayName} ({host.Code}) sent STOP, so the stay from {stay.From:yyyy-MM-dd} to {stay.Until:yyyy-MM-dd} could not be " +
                    "proposed to them; the plan is re-made without them for that guest. Call them if they should take part.", host.Id, now));
                continue;
            }

            stay.SendToHost(now, AnswerDue(stay, now, settings));
            db.OutboundSms.Add(OutboundSms.Create(host.Phone,
                SmsTemplates.StayProposal(host.Language, host.DisplayName, members[stay.GuestId], stay.From, stay.Until), SmsKind.StayProposal, host.Id, null, now));
            sent++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return sent;
    }

    /// <summary>
    /// The answer is due after <c>OfferTimeoutHours</c>, but before the guest is due to arrive (noon of the first day)
    /// when that leaves at least an hour: a host cannot be waited on past the arrival; within two hours for a stay from tonight.
    /// </summary>
    private static Instant AnswerDue(Stay stay, Instant now, StaysOptions settings)
    {
        var timeout = Duration.FromHours(Math.Max(1, settings.OfferTimeoutHours));
        var arrival = Arrival(stay);
        if (arrival - now < Duration.FromHours(1))
        {
            // A stay from tonight proposed after noon (a re-plan after a refusal): a couple of hours at most, not a day.
            return now + Duration.Min(timeout, Duration.FromHours(2));
        }

        return arrival < now + timeout ? arrival : now + timeout;
    }

    /// <summary>When the guest is due at the host: noon of the first night (a night starts at noon).</summary>
    private static Instant Arrival(Stay stay) => Night.At(stay.From, Night.EveningStarts).ToInstant();

    private async Task<int> RemindAsync(StaysOptions settings, Instant now, LocalDate today, CancellationToken cancellationToken)
    {
        var until = today.PlusDays(settings.ReminderDaysBefore);
        var due = await db.Stays
            .Where(s => s.Status == StayStatus.Confirmed && s.RemindedAt == null && s.From > today && s.From <= until)
            .ToListAsync(cancellationToken);
        var hosts = await HostsAsync(due.Select(s => s.HostId), cancellationToken);
        var members = await MembersAsync(due.Select(s => s.GuestId), cancellationToken);
        var reminded = 0;
        foreach (var stay in due)
        {
            var host = hosts[stay.HostId];
            stay.MarkReminded(now);
            if (host.SmsOptedOutAt is not null)
            {
                continue;
            }

            db.OutboundSms.Add(OutboundSms.Create(host.Phone,
                SmsTemplates.StayReminder(host.Language, host.DisplayName, members[stay.GuestId], stay.From, stay.Until), SmsKind.StayNotice, host.Id, null, now));
            reminded++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return reminded;
    }

    private async Task<int> CheckInAsync(StaysOptions settings, Instant now, LocalDate today, CancellationToken cancellationToken)
    {
        var lapsed = await db.StayCheckIns.Open().Where(c => c.DueAt <= now).ToListAsync(cancellationToken);
        foreach (var checkIn in lapsed)
        {
            checkIn.LapseIfDue(now);
        }

        await db.SaveChangesAsync(cancellationToken);

        var interval = Math.Max(1, settings.CheckInIntervalDays);
        var startedBy = today.PlusDays(-interval);
        var askedBefore = now - Duration.FromDays(interval);
        var due = await db.Stays.AsNoTracking()
            .Where(s => (s.Status == StayStatus.Confirmed || s.Status == StayStatus.Ongoing) && s.From <= startedBy && s.Until > today)
            .Where(s => !db.StayCheckIns.Any(c => c.StayId == s.Id && (c.Outcome == null || c.SentAt > askedBefore)))
            .OrderBy(s => s.From).ToListAsync(cancellationToken);
        var busy = await BusyHostsAsync(cancellationToken);
        var hosts = await HostsAsync(due.Select(s => s.HostId), cancellationToken);
        var asked = 0;
        foreach (var stay in due)
        {
            if (!busy.Add(stay.HostId))
            {
                continue;
            }

            var host = hosts[stay.HostId];
            var checkIn = StayCheckIn.Send(stay, now, now + Duration.FromHours(Math.Max(1, settings.CheckInAnswerHours)));
            db.StayCheckIns.Add(checkIn);
            if (host.SmsOptedOutAt is not null)
            {
                // SMS cannot reach this host: the referent calls instead.
                checkIn.Answer(CheckInOutcome.HostOptedOut, now);
                continue;
            }

            db.OutboundSms.Add(OutboundSms.Create(host.Phone, SmsTemplates.CheckIn(host.Language, host.DisplayName), SmsKind.CheckIn, host.Id, null, now));
            asked++;
        }

        await db.SaveChangesAsync(cancellationToken);
        return asked;
    }

    private async Task<int> AlertReferentsAsync(Instant now, CancellationToken cancellationToken)
    {
        var pending = await db.StayCheckIns
            .Where(c => c.AlertedAt == null && c.Outcome != null && c.Outcome != CheckInOutcome.Fine)
            .ToListAsync(cancellationToken);
        var hosts = await HostsAsync(pending.Select(c => c.HostId), cancellationToken);
        var guestIds = pending.Select(c => c.GuestId).Distinct().ToList();
        var guests = await (from g in db.StayGuests.AsNoTracking()
                            join h in db.Households.AsNoTracking() on g.HouseholdId equals h.Id
                            where guestIds.Contains(g.Id)
                            select new { Guest = g, h.Alias }).ToDictionaryAsync(x => x.Guest.Id, cancellationToken);
        foreach (var checkIn in pending)
        {
            var (guest, alias) = (guests[checkIn.GuestId].Guest, guests[checkIn.GuestId].Alias);
            var host = hosts[checkIn.HostId];
            var reason = checkIn.Outcome switch
            {
                CheckInOutcome.NeedsCall => CheckInAlertReason.HostAsksForCall,
                CheckInOutcome.HostOptedOut => CheckInAlertReason.HostOptedOut,
                _ => CheckInAlertReason.Unanswered,
            };
            var why = reason switch
            {
                CheckInAlertReason.HostAsksForCall => "asks for a call",
                CheckInAlertReason.HostOptedOut => "can no longer be reached by SMS (STOP)",
                _ => "did not answer this week's check-in",
            };
            var referent = guest.ReferentPhone is null
                ? " No referent is named for this guest: a coordinator should call."
                : $" Their referent {guest.ReferentName} ({guest.ReferentPhone}) is told by SMS.";
            db.Alerts.Add(CoordinatorAlert.Raise(AlertCode(reason),
                $"Stay of {alias} at {host.DisplayName} ({host.Code}, {host.Phone}): the host {why}.{referent}", host.Id, now));
            if (guest.ReferentPhone is { } phone)
            {
                db.OutboundSms.Add(OutboundSms.Create(phone,
                    SmsTemplates.ReferentAlert(guest.ReferentName!, alias, host.DisplayName, host.Phone, reason), SmsKind.CheckIn, null, null, now));
            }

            checkIn.MarkAlerted(now);
        }

        await db.SaveChangesAsync(cancellationToken);
        return pending.Count;
    }

    /// <summary>
    /// A volunteer driver texted for a journey whose stay was called off since (an exit, a host's ANNULE, a coordinator,
    /// a host who withdrew) is told not to come, once, whatever path called it off.
    /// </summary>
    private async Task TellDriversCalledOffAsync(Instant now, CancellationToken cancellationToken)
    {
        var today = now.InZone(Night.Zone).Date;
        var orphaned = await db.Journeys
            .Where(j => j.ToldDriverPhone != null && j.Date >= today
                        && db.Stays.Any(s => s.Id == j.StayId && (s.Status == StayStatus.Cancelled || s.Until <= j.Date)))
            .ToListAsync(cancellationToken);
        foreach (var journey in orphaned)
        {
            db.OutboundSms.Add(OutboundSms.Create(journey.ToldDriverPhone!,
                SmsTemplates.JourneyCalledOff(journey.DriverFirstName ?? string.Empty, journey.Date), SmsKind.Journey, null, null, now));
            journey.RecordCalledOff(now);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The coordinators' alert code for a check-in that needs attention.</summary>
    public static string AlertCode(CheckInAlertReason reason) => reason switch
    {
        CheckInAlertReason.HostAsksForCall => "check-in-call",
        CheckInAlertReason.HostOptedOut => "check-in-opted-out",
        _ => "check-in-unanswered",
    };

    /// <summary>Hosts who must not get a new question now: one awaiting a stay answer, a night offer or a check-in answer.</summary>
    private async Task<HashSet<Guid>> BusyHostsAsync(CancellationToken cancellationToken)
    {
        var busy = await StaysQuestions.HostsAskedAsync(db, cancellationToken);
        busy.UnionWith(await db.Offers.Where(o => o.Status == OfferStatus.Open).Select(o => o.HostId).ToListAsync(cancellationToken));
        return busy;
    }

    private async Task<Dictionary<Guid, Domain.Hosts.Host>> HostsAsync(IEnumerable<Guid> ids, CancellationToken cancellationToken)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Hosts.AsNoTracking().Where(h => wanted.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
    }

    /// <summary>Each guest's members (never its name: the SMS describe, they do not name).</summary>
    private async Task<Dictionary<Guid, IReadOnlyCollection<Domain.Households.Member>>> MembersAsync(IEnumerable<Guid> guestIds,
        CancellationToken cancellationToken)
    {
        var wanted = guestIds.Distinct().ToList();
        var households = await (from g in db.StayGuests.AsNoTracking()
                                join h in db.Households.AsNoTracking() on g.HouseholdId equals h.Id
                                where wanted.Contains(g.Id)
                                select new { GuestId = g.Id, Household = h }).ToListAsync(cancellationToken);
        return households.ToDictionary(x => x.GuestId, x => (IReadOnlyCollection<Domain.Households.Member>)x.Household.Members);
    }
}
