using HostingMatch.Application.Pipeline;
using HostingMatch.Application.Requests;
using HostingMatch.Application.Sms;
using HostingMatch.Domain.Sms;
using Mediator;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace HostingMatch.Application.Transport;

/// <summary>
/// An escort is not available tonight after all. False when the night has no such escort (a repeated call). An escort
/// already told of a household tonight is told they no longer take it.
/// </summary>
public sealed record WithdrawEscort(LocalDate Night, Guid EscortId) : ICommand<bool>, ITransactional, IAudited;

public sealed class WithdrawEscortHandler(IHostingMatchDb db, IClock clock, IOutboxNotifier outbox) : ICommandHandler<WithdrawEscort, bool>
{
    public async ValueTask<bool> Handle(WithdrawEscort command, CancellationToken cancellationToken)
    {
        var escort = await db.NightEscorts.FirstOrDefaultAsync(e => e.Id == command.EscortId && e.Night == command.Night, cancellationToken);
        if (escort is null)
        {
            return false;
        }

        var plan = await db.VanRunPlans.AsNoTracking().FirstOrDefaultAsync(p => p.Night == command.Night, cancellationToken);
        var told = new List<Guid>();
        if (plan is not null)
        {
            var night = await db.Requests.AsNoTracking().HouseholdsNotDeliveredOn(command.Night).ToListAsync(cancellationToken);
            told.AddRange(ToldKeys.Households(plan, escort.Id, night));
        }

        var aliases = await db.Households.AsNoTracking().Where(h => told.Contains(h.Id)).Select(h => h.Alias).ToListAsync(cancellationToken);
        foreach (var alias in aliases)
        {
            db.OutboundSms.Add(OutboundSms.Create(escort.Phone, SmsTemplates.EscortReleased(escort.FirstName, alias), SmsKind.Ride, null, null,
                clock.GetCurrentInstant()));
        }

        db.NightEscorts.Remove(escort);
        await db.SaveChangesAsync(cancellationToken);
        if (aliases.Count > 0)
        {
            outbox.MessagesQueued();
        }

        return true;
    }
}
