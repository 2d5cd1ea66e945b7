using HostingMatch.Application.Pipeline;
using HostingMatch.Domain;
using HostingMatch.Domain.Audit;
using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace HostingMatch.Application.Retention;

/// <summary>How long personal data is kept after the night it served (<c>Retention</c> section).</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Days after its last night that a household's alias and notes, its referrer's name and phone, the SMS, alerts and sessions are kept.</summary>
    public int Days { get; set; } = 90;

    /// <summary>Whether the background job forgets what is due every <see cref="IntervalHours"/> (the command line can always).</summary>
    public bool WorkerEnabled { get; set; } = true;

    public int IntervalHours { get; set; } = 24;
}

/// <summary>
/// Forgets the personal data older than <see cref="RetentionOptions.Days"/> after its night (docs/security.md, "Retention"):
/// households whose last night (one-night requests, and stays needs that have ended) is older lose their alias and notes;
/// their referrals the referrer's name and phone; SMS sent and received before then their body and phone number; the
/// coordinators' alerts their message; the night's vehicles and escorts their volunteers' names and phones; console
/// sessions are deleted. What the reports count is kept: members' ages and sexes, categories, tiers, nights, offers and
/// their answers, reasons. Run twice, the second run forgets nothing. Every run that forgets something is audited with
/// its counts, never contents. <see cref="DryRun"/> counts and changes nothing.
/// </summary>
public sealed record PurgePersonalData(bool DryRun = false) : ICommand<RetentionReport>, ITransactional;

/// <summary>What a run forgot (or, in a dry run, would forget), per kind, for nights before <paramref name="Before"/>.</summary>
public sealed record RetentionReport(LocalDate Before, bool DryRun, int Households, int Referrals, int SmsSent, int SmsReceived, int Alerts,
    int Vehicles, int Escorts, int StaysGuests, int ConsoleSessions)
{
    public int Total => Households + Referrals + SmsSent + SmsReceived + Alerts + Vehicles + Escorts + StaysGuests + ConsoleSessions;
}

public sealed class PurgePersonalDataHandler(IHostingMatchDb db, IClock clock, IOptions<RetentionOptions> options)
    : ICommandHandler<PurgePersonalData, RetentionReport>
{
    /// <summary>What an erased text reads.</summary>
    public const string Erased = "(effacé)";

    public async ValueTask<RetentionReport> Handle(PurgePersonalData command, CancellationToken cancellationToken)
    {
        var now = clock.GetCurrentInstant();
        var before = Night.Current(now).PlusDays(-Math.Max(1, options.Value.Days));
        // The evening of the first night kept: anything dated before it belongs to a night that is forgotten.
        var since = Night.At(before, Night.EveningStarts).ToInstant();

        // Households seen on no night since, and in no stays need still open or ended since.
        var households = db.Households.Where(h => h.Alias != Erased || h.Notes != null)
            .Where(h => !db.Requests.Any(r => r.HouseholdId == h.Id && r.Night >= before))
            .Where(h => !db.StayGuests.Any(g => g.HouseholdId == h.Id && (g.NeedUntil == null || g.NeedUntil >= before)))
            .Where(h => h.CreatedAt < since);
        var referrals = db.Referrals.Where(r => r.ReferrerName != Erased || r.ReferrerPhone != string.Empty)
            .Where(r => db.Requests.Any(q => q.Id == r.RequestId && q.Night < before));
        var sent = db.OutboundSms.Where(m => m.CreatedAt < since && (m.Body != Erased || m.To != string.Empty))
            .Where(m => m.Status != Domain.Sms.OutboundSmsStatus.Pending && m.Status != Domain.Sms.OutboundSmsStatus.Sending);
        var received = db.InboundSms.Where(m => m.ReceivedAt < since && (m.Body != Erased || m.From != string.Empty));
        var alerts = db.Alerts.Where(a => a.RaisedAt < since && a.Message != Erased);
        var vehicles = db.NightVehicles.Where(v => v.Night < before && (v.DriverFirstName != Erased || v.DriverPhone != string.Empty));
        var escorts = db.NightEscorts.Where(e => e.Night < before && (e.FirstName != Erased || e.Phone != string.Empty));
        var guests = db.StayGuests.Where(g => g.NeedUntil != null && g.NeedUntil < before && g.WaitingAt != Erased);
        var journeys = db.Journeys.Where(j => j.Date < before && (j.DriverFirstName != null || j.DriverPhone != null || j.ToldDriverPhone != null || j.Notes != null));
        var sessions = db.ConsoleSessions.Where(s => s.ExpiresAt < since);

        RetentionReport report;
        if (command.DryRun)
        {
            report = new RetentionReport(before, true, await households.CountAsync(cancellationToken), await referrals.CountAsync(cancellationToken),
                await sent.CountAsync(cancellationToken), await received.CountAsync(cancellationToken), await alerts.CountAsync(cancellationToken),
                await vehicles.CountAsync(cancellationToken), await escorts.CountAsync(cancellationToken),
                await guests.CountAsync(cancellationToken) + await journeys.CountAsync(cancellationToken),
                await sessions.CountAsync(cancellationToken));
            return report;
        }

        // Set-based updates in the command's transaction: all of it is forgotten, or none of it.
        report = new RetentionReport(before, false,
            await households.ExecuteUpdateAsync(s => s.SetProperty(h => h.Alias, Erased).SetProperty(h => h.Notes, (string?)null), cancellationToken),
            await referrals.ExecuteUpdateAsync(s => s.SetProperty(r => r.ReferrerName, Erased).SetProperty(r => r.ReferrerPhone, string.Empty), cancellationToken),
            await sent.ExecuteUpdateAsync(s => s.SetProperty(m => m.Body, Erased).SetProperty(m => m.To, string.Empty), cancellationToken),
            await received.ExecuteUpdateAsync(s => s.SetProperty(m => m.Body, Erased).SetProperty(m => m.From, string.Empty), cancellationToken),
            await alerts.ExecuteUpdateAsync(s => s.SetProperty(a => a.Message, Erased), cancellationToken),
            await vehicles.ExecuteUpdateAsync(s => s.SetProperty(v => v.DriverFirstName, Erased).SetProperty(v => v.DriverPhone, string.Empty), cancellationToken),
            await escorts.ExecuteUpdateAsync(s => s.SetProperty(e => e.FirstName, Erased).SetProperty(e => e.Phone, string.Empty), cancellationToken),
            await guests.ExecuteUpdateAsync(s => s.SetProperty(g => g.WaitingAt, Erased).SetProperty(g => g.OutcomeNote, (string?)null)
                .SetProperty(g => g.ReferentName, (string?)null).SetProperty(g => g.ReferentPhone, (string?)null), cancellationToken)
                + await journeys.ExecuteUpdateAsync(s => s.SetProperty(j => j.DriverFirstName, (string?)null).SetProperty(j => j.DriverPhone, (string?)null)
                    .SetProperty(j => j.ToldDriverPhone, (string?)null).SetProperty(j => j.Notes, (string?)null), cancellationToken),
            await sessions.ExecuteDeleteAsync(cancellationToken));

        if (report.Total > 0)
        {
            db.AuditEntries.Add(AuditEntry.Record(null, null, "retention-purge", "personal-data", null,
                $"Forgot what was older than {options.Value.Days} days (nights before {before:yyyy-MM-dd}): {report.Households} household(s), " +
                $"{report.Referrals} referral(s), {report.SmsSent} SMS sent, {report.SmsReceived} SMS received, {report.Alerts} alert(s), " +
                $"{report.Vehicles} vehicle(s), {report.Escorts} escort(s), {report.StaysGuests} stays guest(s) and journey(s), {report.ConsoleSessions} console session(s).",
                now));
            await db.SaveChangesAsync(cancellationToken);
        }

        return report;
    }
}
