using FluentValidation;
using HostingMatch.Application.Sms;
using HostingMatch.Application.Validation;
using HostingMatch.Domain;
using HostingMatch.Domain.Sms;
using HostingMatch.Domain.Stays;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Stays;

/// <summary>
/// A guest leaves the stays programme (its exit) with an <paramref name="Outcome"/> (<see cref="GuestOutcomeNames"/>: a
/// place with child welfare, recognised as a minor, not recognised, oriented to the adults' system, left without news,
/// other) and an optional <paramref name="Note"/>: its need ends on the morning of <paramref name="Until"/> (tomorrow when
/// left out). Its stays are cut to end that morning (those not begun by then are cancelled); the nights already spent are
/// never touched. Each host of an agreed stay so cancelled or cut is told by SMS (the guest never named); when the outcome
/// gives it a roof or it left without news (<see cref="GuestOutcomeShelter.EndsTheNeedForShelter"/>), its one-night
/// requests not yet placed from that morning on are withdrawn (a partner's referrals aside). The next plan re-uses the
/// beds; the reports count the outcome. Null when there is no such guest.
/// </summary>
public sealed record EndGuestNeed(Guid Id, string? Outcome, LocalDate? Until = null, string? Note = null) : ICommand<GuestResponse?>;

public sealed class EndGuestNeedValidator : AbstractValidator<EndGuestNeed>
{
    public EndGuestNeedValidator()
    {
        RuleFor(c => c.Id).NotEmpty();
        RuleFor(c => c.Outcome).NotEmpty().Must(o => GuestOutcomeNames.TryParse(o, out _))
            .WithMessage($"must be one of {string.Join(", ", GuestOutcomeNames.All)}");
        RuleFor(c => c.Note).MaximumLength(StayGuest.MaxOutcomeNoteLength);
        RuleFor(c => c.Until).WithinNetworkDates();
    }
}

public sealed class EndGuestNeedHandler(IHostingMatchDb db, IClock clock) : ICommandHandler<EndGuestNeed, GuestResponse?>
{
    public async ValueTask<GuestResponse?> Handle(EndGuestNeed command, CancellationToken cancellationToken)
    {
        var guest = await db.StayGuests.FirstOrDefaultAsync(g => g.Id == command.Id, cancellationToken);
        if (guest is null)
        {
            return null;
        }

        var now = clock.GetCurrentInstant();
        var today = Night.Current(now);
        var until = command.Until ?? today.PlusDays(1);
        GuestOutcomeNames.TryParse(command.Outcome, out var outcome);
        guest.Exit(outcome, command.Note, until, today, now);
        var stays = await db.Stays
            .Where(s => s.GuestId == guest.Id && s.Until > until
                        && (s.Status == StayStatus.Proposed || s.Status == StayStatus.Confirmed || s.Status == StayStatus.Ongoing))
            .ToListAsync(cancellationToken);
        var hostIds = stays.Where(s => s.IsAgreed).Select(s => s.HostId).ToList();
        var hosts = await db.Hosts.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, cancellationToken);
        foreach (var stay in stays)
        {
            var (agreed, from, agreedUntil) = (stay.IsAgreed, stay.From, stay.Until);
            stay.CutShort(until, today, now);
            // Only a host who agreed knows of the stay: a proposal's host was perhaps never asked.
            if (agreed && hosts[stay.HostId] is { SmsOptedOutAt: null } host)
            {
                var body = stay.Status == StayStatus.Cancelled
                    ? SmsTemplates.StayCalledOff(host.Language, host.DisplayName, from, agreedUntil)
                    : SmsTemplates.StayEndsEarly(host.Language, host.DisplayName, stay.Until, agreedUntil);
                db.OutboundSms.Add(OutboundSms.Create(host.Phone, body, SmsKind.StayNotice, host.Id, null, now));
            }
        }

        if (outcome.EndsTheNeedForShelter())
        {
            await UncoveredNightRequests.WithdrawFromAsync(db, guest.HouseholdId, until, now, cancellationToken);
        }

        await db.SaveChangesAsync(cancellationToken);
        var household = await db.Households.AsNoTracking().FirstAsync(h => h.Id == guest.HouseholdId, cancellationToken);
        return guest.ToResponse(household);
    }
}
